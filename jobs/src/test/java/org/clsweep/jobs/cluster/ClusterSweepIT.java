package org.clsweep.jobs.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.clsweep.data.experiment.RunStatus;
import org.clsweep.jobs.Main;
import org.clsweep.jobs.output.Manifest;
import org.clsweep.jobs.output.ManifestStatus;
import org.clsweep.jobs.output.ResultParts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * clsweep on a real standalone Spark cluster (one per class, {@link StandaloneSparkCluster}):
 * the shaded jar submitted with {@code spark-submit} runs a one-layer population sweep whose run
 * and optimum rows equal those of the same spec run in this JVM on {@code local[2]}; and, as a
 * self-test of the harness, a jar holding only {@link ClusterProbe} runs its tasks on the
 * cluster's executors. Closing the cluster (after all tests, whatever their outcome) leaves none of
 * its processes alive.
 *
 * <p>The shaded jar is named by the system property {@value #JAR_PROPERTY}, set by the build.
 */
class ClusterSweepIT {
    /** System property naming the shaded jar {@code clsweep-jobs-<version>-all.jar}. */
    static final String JAR_PROPERTY = "clsweep.jobs.jar";
    /** Σ i² for i = 1..N. */
    private static final long SUM_OF_SQUARES = (long) ClusterProbe.N * (ClusterProbe.N + 1) * (2L * ClusterProbe.N + 1) / 6;

    /** 9 cells × 4 seeds of fast one-layer population runs. */
    static final String SPEC = "sweep {\n name = cluster-it\n seeds = 4\n"
            + " geometry { kind = orthogonal, patterns = 4, dim = 8, noise = 0.05, mag_start = 1.0, mag_end = 0.5 }\n"
            + " train { lr = 1.0, steps = 3000, tol = 1e-9 }\n"
            + " grid = [ { activation = [linear, relu], width = [1, 4, 8] },\n"
            + "          { activation = [leaky_relu], leaky_slope = [0.2], width = [1, 4, 8] } ]\n}\n";
    static final int RUNS = 9 * 4;
    /** spark.cores.max of the submitted sweep: one more than the worker offers. */
    static final int REQUESTED_CORES = StandaloneSparkCluster.WORKER_CORES + 1;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path dir;
    static StandaloneSparkCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = StandaloneSparkCluster.start(dir.resolve("cluster"));
    }

    @AfterAll
    static void closeClusterStopsEveryProcess() {
        if (cluster == null) {
            return; // start failed, and stopped what it had started
        }
        List<ProcessHandle> started = cluster.processTree();
        cluster.close();
        assertThat(started).as("master, worker and any executor").hasSizeGreaterThanOrEqualTo(2)
                .noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void submittedSweepEqualsTheLocalRun() throws Exception {
        Path spec = dir.resolve("cluster-it.conf");
        Files.writeString(spec, SPEC);
        Path onCluster = dir.resolve("out-cluster");
        Path local = dir.resolve("out-local");

        Path jar = shadedJar();
        // the local run overlaps the submission, which waits mostly for JVMs and executors to start
        ExecutorService submitter = Executors.newSingleThreadExecutor();
        try {
            // asks for one core more than the worker has: the sweep plans for the 3 requested cores
            // (8 bins per slot) even though Spark's default parallelism says 2 at its start
            Future<SubmitResult> submission = submitter.submit(() -> cluster.submit(
                    Map.of("spark.cores.max", Integer.toString(REQUESTED_CORES)), jar, Main.class.getName(),
                    List.of("run", spec.toString(), "--out", onCluster.toString())));
            SameRuns.runLocally(spec, local);
            assertThat(SameRuns.manifest(local).status()).isEqualTo(ManifestStatus.COMPLETE);

            SubmitResult submitted = submission.get();
            assertThat(submitted.exitCode()).as("spark-submit exit code; logs:%n%s", cluster.diagnostics()).isZero();
            assertThat(submitted.output()).as("driver output")
                    .contains("cluster-it: " + RUNS + " runs (9 cells × 4 seeds): " + RUNS + " OK");
        } finally {
            submitter.shutdownNow();
        }
        Manifest manifest = SameRuns.manifest(onCluster);
        assertThat(manifest.status()).isEqualTo(ManifestStatus.COMPLETE);
        assertThat(manifest.count(RunStatus.OK)).isEqualTo(RUNS);
        assertThat(manifest.environment()).containsEntry("master", cluster.masterUrl());
        try (Stream<Path> parts = Files.list(onCluster.resolve(ResultParts.DIR).resolve(ResultParts.COMMITTED))) {
            assertThat(parts.map(p -> p.getFileName().toString()).filter(n -> n.matches("a\\d{5}-b\\d{6}")))
                    .as("one commit record per bin").hasSize(8 * REQUESTED_CORES);
        }

        SameRuns.assertSameTables(onCluster, local, RUNS);
    }

    @Test
    void submittedJarRunsOnTheExecutors() throws Exception {
        SubmitResult result = cluster.submit(probeJar(dir.resolve("probe.jar")), ClusterProbe.class.getName());

        assertThat(result.exitCode()).as("spark-submit exit code; logs:%n%s", cluster.diagnostics()).isZero();
        assertThat(result.output())
                .contains("PROBE sum=" + SUM_OF_SQUARES + " ")
                .containsPattern("PROBE .* executors=\\[\\d+(, \\d+)*\\]");
    }

    static Path shadedJar() {
        String jar = System.getProperty(JAR_PROPERTY);
        assertThat(jar).as("system property %s (set by the build; run with `mvn verify`)", JAR_PROPERTY).isNotNull();
        Path p = Path.of(jar);
        assertThat(p).as("the shaded jar, built at package phase").isRegularFile();
        return p;
    }

    /** A jar with the probe class only: everything else the executors load comes from the cluster. */
    private static Path probeJar(Path jar) throws IOException {
        String entry = ClusterProbe.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file);
             InputStream in = ClusterProbe.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }
}
