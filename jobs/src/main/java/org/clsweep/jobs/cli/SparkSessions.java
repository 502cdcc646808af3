package org.clsweep.jobs.cli;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.clsweep.data.spec.SpecException;

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
    public static final String MASTER_KEY = "--master";
    private static final Pattern MASTER_FORMS = Pattern.compile(
            "local|local\\[(\\d+|\\*)(,\\s*\\d+)?\\]|local-cluster\\[\\d+,\\s*\\d+,\\s*\\d+\\]"
                    + "|spark://[^\\s/]+:\\d+(,[^\\s/]+:\\d+)*|yarn|k8s://\\S+");

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
                .config("spark.sql.debug.maxToStringFields", "1000")
                // a sweep reads its committed parts by file name (one file or a few per part): the
                // driver looks them up itself rather than in a Spark job of its own per read
                .config("spark.sql.sources.parallelPartitionDiscovery.threshold", "100000");
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

    /**
     * Checks the form of a {@code --master} URL before Spark starts.
     *
     * @param master the URL, or null (the default)
     * @throws SpecException on key {@value #MASTER_KEY} if Spark would not know the URL
     */
    public static void checkMaster(String master) {
        if (master != null && !MASTER_FORMS.matcher(master).matches()) {
            throw new SpecException(MASTER_KEY, MASTER_KEY + " " + master + " is not a Spark master URL: expected "
                    + "local, local[N], local[*], local[N,F] (F task attempts), spark://HOST:PORT, yarn or "
                    + "k8s://URL");
        }
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
