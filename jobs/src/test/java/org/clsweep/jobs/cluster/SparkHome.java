package org.clsweep.jobs.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Spark installation made of links: {@code jars/} holds symbolic links to the jars of Spark
 * and its runtime dependencies as the build resolved them, which is all a standalone master,
 * worker, executor or {@code spark-submit} needs. Next to it: an empty {@code conf/} (so no
 * stray {@code spark-defaults.conf} applies), {@code work/} for the workers' applications,
 * {@code local/} for shuffle and block files, and {@code logs/} for the processes' output.
 *
 * <p>The jar list comes from a file holding one class path string, written by the build before the
 * integration tests run and named by a system property: {@value #CLASSPATH_PROPERTY} for the
 * Spark the project builds against, {@value #SPARK_35_CLASSPATH_PROPERTY} for Spark 3.5. The Scala
 * binary version, which the worker needs to build executor commands, is read off the name of the
 * spark-core jar.
 *
 * @see StandaloneSparkCluster
 */
final class SparkHome {
    /** System property naming the file that lists Spark's jars as a class path string. */
    static final String CLASSPATH_PROPERTY = "clsweep.spark.classpath";
    /** System property naming the file that lists the jars of Spark 3.5 (Scala 2.12). */
    static final String SPARK_35_CLASSPATH_PROPERTY = "clsweep.spark35.classpath";

    private static final Pattern SPARK_CORE = Pattern.compile("spark-core_(\\d+\\.\\d+)-.*\\.jar");

    private final Path root;
    private final String scalaVersion;

    private SparkHome(Path root, String scalaVersion) {
        this.root = root;
        this.scalaVersion = scalaVersion;
    }

    /**
     * Creates the installation under {@code root} from the jars listed in the file that the system
     * property {@code classpathProperty} names.
     *
     * @param root              a new or empty directory
     * @param classpathProperty {@value #CLASSPATH_PROPERTY} or {@value #SPARK_35_CLASSPATH_PROPERTY}
     * @return the installation
     */
    static SparkHome create(Path root, String classpathProperty) throws IOException {
        List<Path> jars = sparkJars(classpathProperty);
        String scalaVersion = null;
        Path jarDir = Files.createDirectories(root.resolve("jars"));
        for (Path jar : jars) {
            String name = jar.getFileName().toString();
            Matcher core = SPARK_CORE.matcher(name);
            if (core.matches()) {
                scalaVersion = core.group(1);
            }
            Path link = jarDir.resolve(name);
            if (Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                throw new IllegalStateException("two Spark jars share the file name " + name + ": "
                        + Files.readSymbolicLink(link) + " and " + jar);
            }
            Files.createSymbolicLink(link, jar.toAbsolutePath());
        }
        if (scalaVersion == null) {
            throw new IllegalStateException("the jars named by " + classpathProperty + " include no spark-core jar: "
                    + jars);
        }
        for (String dir : List.of("conf", "work", "local", "logs")) {
            Files.createDirectories(root.resolve(dir));
        }
        return new SparkHome(root, scalaVersion);
    }

    private static List<Path> sparkJars(String classpathProperty) throws IOException {
        String listFile = System.getProperty(classpathProperty);
        if (listFile == null) {
            throw new IllegalStateException("system property " + classpathProperty + " is not set: it names the file"
                    + " listing Spark's jars, written by the build (run the integration tests with `mvn verify`)");
        }
        if (!Files.isRegularFile(Path.of(listFile))) {
            throw new IllegalStateException(listFile + " (named by " + classpathProperty + ") does not exist: the"
                    + " build writes it (this module at package phase; Spark 3.5's list, the spark35-runtime module):"
                    + " run `mvn verify` from the repository root, or name that module in -pl");
        }
        String classpath = Files.readString(Path.of(listFile), StandardCharsets.UTF_8).strip();
        List<Path> jars = new ArrayList<>();
        for (String entry : classpath.split(Pattern.quote(File.pathSeparator))) {
            if (entry.endsWith(".jar")) {
                jars.add(Path.of(entry));
            }
        }
        return jars;
    }

    /** Deletes {@code jars/} and its links (not their targets); the installation is unusable afterwards. */
    void removeJarLinks() {
        Path jarDir = root.resolve("jars");
        try (Stream<Path> links = Files.list(jarDir)) {
            for (Path link : (Iterable<Path>) links::iterator) {
                Files.delete(link);
            }
            Files.delete(jarDir);
        } catch (NoSuchFileException alreadyRemoved) {
            // closed before
        } catch (IOException e) {
            throw new UncheckedIOException("removing the jar links under " + jarDir, e);
        }
    }

    /** The installation's root directory, the value of SPARK_HOME. */
    Path root() {
        return root;
    }

    /** Directory of the processes' log files. */
    Path logs() {
        return root.resolve("logs");
    }

    /** The workers' work directories: {@code worker-<n>/<application>/<executor>/}, with executor logs. */
    Path work() {
        return root.resolve("work");
    }

    /** The class path Spark's own scripts would use: conf/ then every jar of jars/. */
    String classpath() {
        return root.resolve("conf") + File.pathSeparator + root.resolve("jars").resolve("*");
    }

    /** Environment of every Spark process started from this installation, all bound to 127.0.0.1. */
    Map<String, String> environment() {
        return Map.of(
                "SPARK_HOME", root.toString(),
                "SPARK_CONF_DIR", root.resolve("conf").toString(),
                "SPARK_LOCAL_DIRS", root.resolve("local").toString(),
                "SPARK_LOCAL_IP", "127.0.0.1",
                "SPARK_SCALA_VERSION", scalaVersion,
                "JAVA_HOME", System.getProperty("java.home"));
    }
}
