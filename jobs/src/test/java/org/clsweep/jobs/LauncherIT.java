package org.clsweep.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/clsweep} with {@code CLSWEEP_CLASS_ARCHIVE}: the first command makes the class-data
 * archive of the build (a short sweep whose JVM writes the classes it loaded), later ones start
 * from it, an archive the JVM would not load classes from is not kept, and a bad value is refused.
 * Runs the launcher on the jar the build just packaged.
 */
class LauncherIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path RUN_JARS = ROOT.resolve("jobs/target/run-jars");

    /** What a launcher process printed, and how it exited. */
    private record Outcome(int exit, String output) {
    }

    private static Outcome launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return launch(ROOT, env, args);
    }

    private static Outcome launch(Path root, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(root.resolve("bin/clsweep").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("CLSWEEP_JAVA_OPTS");
        builder.environment().putAll(env);
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("the launcher finished").isTrue();
        return new Outcome(p.exitValue(), output);
    }

    private static List<Path> archives() throws IOException {
        if (!Files.isDirectory(RUN_JARS)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(RUN_JARS)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jsa")).toList();
        }
    }

    @Test
    void makesTheArchiveOnceThenStartsFromIt() throws Exception {
        for (Path old : archives()) {
            Files.delete(old);
        }
        String spec = ROOT.resolve("conf/quickstart.conf").toString();

        Outcome first = launch(Map.of("CLSWEEP_CLASS_ARCHIVE", "1"), "validate", spec);
        assertThat(first.exit()).as(first.output()).isZero();
        assertThat(first.output()).contains("making the class-data archive").contains("30 cells × 6 seeds");
        assertThat(archives()).as("one archive, beside the run jar").hasSize(1);
        assertThat(Files.size(archives().get(0))).isGreaterThan(1L << 20);

        // the JVM names where each class comes from: clsweep's own from the archive ("top" of the JDK's)
        Outcome second = launch(Map.of("CLSWEEP_CLASS_ARCHIVE", "1", "CLSWEEP_JAVA_OPTS", "-Xlog:class+load=info"),
                "validate", spec);
        assertThat(second.exit()).as(second.output()).isZero();
        assertThat(second.output()).doesNotContain("making the class-data archive").contains("30 cells × 6 seeds")
                .contains("org.clsweep.jobs.Main source: shared objects file (top)");

        Outcome without = launch(Map.of("CLSWEEP_CLASS_ARCHIVE", "0", "CLSWEEP_JAVA_OPTS", "-Xlog:class+load=info"),
                "validate", spec);
        assertThat(without.exit()).as(without.output()).isZero();
        assertThat(without.output()).doesNotContain("org.clsweep.jobs.Main source: shared objects file");

        try (Stream<Path> left = Files.list(RUN_JARS)) {
            assertThat(left.map(f -> f.getFileName().toString())).noneMatch(n -> n.contains(".jsa.tmp"));
        }
    }

    /**
     * Java 17 writes an archive for a class path with spaces but then loads the classes from the
     * jars: the launcher finds out before it keeps the archive, says so, runs without one and
     * remembers it.
     */
    @Test
    void keepsNoArchiveTheJvmDoesNotLoadClassesFrom(@TempDir Path temp) throws Exception {
        Path root = Files.createDirectories(temp.resolve("with space"));
        Path target = Files.createDirectories(root.resolve("jobs/target"));
        Files.createDirectories(root.resolve("bin"));
        Files.createDirectories(root.resolve("conf"));
        for (String f : List.of("pom.xml", "bin/clsweep", "conf/quickstart.conf", "conf/log4j2.properties")) {
            Files.copy(ROOT.resolve(f), root.resolve(f), StandardCopyOption.COPY_ATTRIBUTES);
        }
        Path jar;
        try (Stream<Path> built = Files.list(ROOT.resolve("jobs/target"))) {
            jar = built.filter(f -> f.getFileName().toString().endsWith("-all.jar")).findFirst().orElseThrow();
        }
        // copied last, so newer than the POM: the launcher does not rebuild
        Files.copy(ROOT.resolve("jobs/target/spark-classpath.txt"), target.resolve("spark-classpath.txt"));
        Files.copy(jar, target.resolve(jar.getFileName()));

        String spec = root.resolve("conf/quickstart.conf").toString();
        Outcome first = launch(root, Map.of("CLSWEEP_CLASS_ARCHIVE", "1"), "validate", spec);
        assertThat(first.exit()).as(first.output()).isZero();
        assertThat(first.output()).contains("making the class-data archive")
                .contains("running without a class-data archive: the JVM does not load clsweep's classes from the"
                        + " archive (as on a class path with spaces)")
                .contains("30 cells × 6 seeds");
        try (Stream<Path> left = Files.list(target.resolve("run-jars"))) {
            assertThat(left.map(f -> f.getFileName().toString()).filter(n -> n.contains(".jsa")))
                    .singleElement().satisfies(n -> assertThat(n).endsWith(".jsa.unusable"));
        }

        // remembered: the next command neither makes nor uses one, and says why
        Outcome second = launch(root, Map.of("CLSWEEP_CLASS_ARCHIVE", "1"), "validate", spec);
        assertThat(second.exit()).as(second.output()).isZero();
        assertThat(second.output()).doesNotContain("making the class-data archive")
                .contains("running without a class-data archive: the JVM does not load").contains("to try again");
    }

    @Test
    void refusesAValueOtherThanZeroOrOne() throws Exception {
        Outcome bad = launch(Map.of("CLSWEEP_CLASS_ARCHIVE", "yes"), "validate",
                ROOT.resolve("conf/quickstart.conf").toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.output()).contains("CLSWEEP_CLASS_ARCHIVE must be 0 or 1, not 'yes'");
    }
}
