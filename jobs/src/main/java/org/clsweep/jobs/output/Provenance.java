package org.clsweep.jobs.output;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.spark.sql.SparkSession;
import org.ejml.EjmlVersion;

/**
 * Where results came from: the code version written into every run row and the environment
 * recorded in the manifest.
 *
 * <pre>
 *   code version = project version                          e.g. 0.1.0-SNAPSHOT
 *                  + "+" + git describe --always --dirty     when the jar was built in a git checkout
 * </pre>
 */
public final class Provenance {
    static final String VERSION_RESOURCE = "/org/clsweep/jobs/version.properties";
    static final String GIT_RESOURCE = "/org/clsweep/jobs/git-describe.txt";

    private Provenance() {
    }

    /** The code version (see class comment). */
    public static String codeVersion() {
        String version = "unknown";
        try (InputStream in = Provenance.class.getResourceAsStream(VERSION_RESOURCE)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                version = p.getProperty("version", version);
            }
            try (InputStream git = Provenance.class.getResourceAsStream(GIT_RESOURCE)) {
                if (git != null) {
                    String d = new String(git.readAllBytes(), StandardCharsets.UTF_8).trim();
                    if (!d.isEmpty()) {
                        version = version + "+" + d;
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the code version from the classpath", e);
        }
        return version;
    }

    /**
     * Versions and cluster facts for the manifest.
     *
     * @param spark the running session
     */
    public static Map<String, Object> environment(SparkSession spark) {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("java", System.getProperty("java.version"));
        env.put("java_vendor", System.getProperty("java.vendor"));
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        env.put("spark", spark.version());
        env.put("scala", scala.util.Properties.versionNumberString());
        env.put("ejml", EjmlVersion.VERSION);
        env.put("master", spark.sparkContext().master());
        // executors known to the driver, the driver included in local mode
        env.put("executors", spark.sparkContext().statusTracker().getExecutorInfos().length);
        env.put("default_parallelism", spark.sparkContext().defaultParallelism());
        return env;
    }
}
