package org.clsweep.jobs.sweep;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Creates the SparkSession of a sweep. The master is, in order: the {@code --master} option,
 * {@code spark.master} as set by {@code spark-submit}, else {@value #DEFAULT_MASTER} (embedded).
 * Local masters bind the driver to 127.0.0.1 and run without the web UI; a cluster master started
 * outside {@code spark-submit} gets this jar as {@code spark.jars}. Spark's console progress bar is
 * always off (the sweep prints its own progress).
 */
public final class SparkSessions {
    public static final String DEFAULT_MASTER = "local[*]";
    static final String LOOPBACK = "127.0.0.1";

    private SparkSessions() {
    }

    /**
     * @param master  the master URL, or null for the default (see class comment)
     * @param appName the application name
     */
    public static SparkSession create(String master, String appName) {
        SparkConf conf = new SparkConf();
        String m = master != null ? master : conf.get("spark.master", DEFAULT_MASTER);
        SparkSession.Builder b = SparkSession.builder().master(m).appName(appName)
                .config("spark.ui.showConsoleProgress", "false")
                // the output tables have 100+ columns: print their plans without a warning
                .config("spark.sql.debug.maxToStringFields", "1000");
        if (isLocal(m)) {
            b.config("spark.driver.host", LOOPBACK)
                    .config("spark.driver.bindAddress", LOOPBACK)
                    .config("spark.ui.enabled", "false");
        } else if (!conf.contains("spark.jars")) {
            // started by bin/clsweep against a cluster: ship our jar (spark-submit sets spark.jars itself)
            String jar = codeJar();
            if (jar != null) {
                b.config("spark.jars", jar);
            }
        }
        return b.getOrCreate();
    }

    /** Whether the master runs everything in this JVM ({@code local}, {@code local[n]}, {@code local[*]}). */
    public static boolean isLocal(String master) {
        return master.equals("local") || master.startsWith("local[");
    }

    /** The jar this class was loaded from, or null when it comes from a classes directory. */
    static String codeJar() {
        CodeSource source = SparkSessions.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        try {
            Path p = Path.of(source.getLocation().toURI());
            return p.toString().endsWith(".jar") ? p.toString() : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
