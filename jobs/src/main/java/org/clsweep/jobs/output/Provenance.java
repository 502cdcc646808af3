package org.clsweep.jobs.output;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.SparkExecutorInfo;
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
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the code version from the classpath", e);
        }
        return git().map(version::concat).orElse(version);
    }

    /** "+" and the git description the build recorded, when it was built in a git checkout. */
    private static Optional<String> git() {
        try (InputStream git = Provenance.class.getResourceAsStream(GIT_RESOURCE)) {
            if (git == null) {
                return Optional.empty();
            }
            String d = new String(git.readAllBytes(), StandardCharsets.UTF_8).trim();
            return d.isEmpty() ? Optional.empty() : Optional.of("+" + d);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the git description from the classpath", e);
        }
    }

    /**
     * Versions and cluster facts for the manifest: java, java_vendor, os, spark, scala, ejml, git
     * (the commit the code was built from, when known), master, executors (those running tasks:
     * the driver itself in local mode, else the executors registered now), hosts (distinct hosts
     * of the driver and executors), default_parallelism (task slots).
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
        git().ifPresent(g -> env.put("git", g.substring(1)));
        String master = spark.sparkContext().master();
        env.put("master", master);
        SparkExecutorInfo[] infos = spark.sparkContext().statusTracker().getExecutorInfos();
        Set<String> hosts = new TreeSet<>();
        for (SparkExecutorInfo i : infos) {
            hosts.add(i.host());
        }
        // the driver is listed too; in local mode it is the one that runs tasks
        env.put("executors", master.startsWith("local") ? infos.length : Math.max(0, infos.length - 1));
        env.put("hosts", hosts.size());
        env.put("default_parallelism", spark.sparkContext().defaultParallelism());
        return env;
    }
}
