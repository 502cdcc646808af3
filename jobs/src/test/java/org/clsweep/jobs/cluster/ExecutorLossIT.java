package org.clsweep.jobs.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.clsweep.data.experiment.RunStatus;
import org.clsweep.jobs.Main;
import org.clsweep.jobs.output.Manifest;
import org.clsweep.jobs.output.ManifestStatus;
import org.clsweep.jobs.output.ResultParts;
import org.clsweep.jobs.sweep.FaultInjection;
import org.clsweep.jobs.sweep.SweepDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures of a sweep on a real standalone cluster of two one-core workers (one per class): an
 * executor JVM killed with SIGKILL while the sweep runs, and the driver killed with SIGKILL and the
 * sweep submitted again. Either way the sweep completes and its tables equal those of a
 * {@code local[2]} run of the same spec ({@link SameRuns}), each (cell, seed) once.
 *
 * <p>The submitted sweeps sleep before every run (the test-only {@code delay-ms} fault on the
 * driver) so that they are still running when the kill comes, without burning CPU; the sleep
 * changes {@code wall_ms} only.
 */
class ExecutorLossIT {
    /** Before each run: ≈ 36 × 0.4 s / 2 cores ≈ 7 s of sweep. */
    static final Map<String, String> SLOW = Map.of(FaultInjection.PROPERTY, "delay-ms=400");
    /** Kill once this many result parts are committed (of 16 bins). */
    static final int KILL_AFTER_PARTS = 2;
    static final Duration KILL_TIMEOUT = Duration.ofMinutes(3);
    private static final Pattern EXECUTOR_ID = Pattern.compile("--executor-id (\\S+)");

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path dir;
    static StandaloneSparkCluster cluster;
    static Path spec;
    static Path local;

    @BeforeAll
    static void startClusterAndRunLocally() throws Exception {
        spec = Files.writeString(dir.resolve("cluster-it.conf"), ClusterSweepIT.SPEC);
        local = dir.resolve("out-local");
        SameRuns.runLocally(spec, local);
        cluster = StandaloneSparkCluster.start(dir.resolve("cluster"), StandaloneSparkCluster.Layout.workers(2, 1));
    }

    @AfterAll
    static void closeCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void sweepSurvivesAKilledExecutor() throws Exception {
        Path out = dir.resolve("out-executor-lost");
        Submission sweep = cluster.launch(Map.of(), SLOW, ClusterSweepIT.shadedJar(), Main.class.getName(),
                List.of("run", spec.toString(), "--out", out.toString()));
        awaitParts(sweep, out);
        List<ProcessHandle> executors = cluster.executors();
        assertThat(executors).as("executors of the running sweep; logs:%n%s", cluster.diagnostics()).hasSize(2);
        ProcessHandle victim = executors.get(0);
        String victimId = executorId(victim);
        assertThat(victim.destroyForcibly()).isTrue();
        victim.onExit().join();

        SubmitResult result = sweep.await();
        assertThat(result.exitCode()).as("spark-submit exit code; logs:%n%s", cluster.diagnostics()).isZero();
        assertThat(result.output()).contains("cluster-it: " + ClusterSweepIT.RUNS + " runs (9 cells × 4 seeds): "
                + ClusterSweepIT.RUNS + " OK");
        Manifest manifest = SameRuns.manifest(out);
        assertThat(manifest.status()).isEqualTo(ManifestStatus.COMPLETE);
        assertThat(manifest.attempt()).as("one attempt: Spark ran the lost tasks again").isEqualTo(1);
        assertThat(manifest.count(RunStatus.OK)).isEqualTo(ClusterSweepIT.RUNS);
        assertThat(manifest.environment().get("lost_executors")).as("the manifest's lost executors")
                .asList().anySatisfy(entry -> {
                    Map<?, ?> lost = (Map<?, ?>) entry;
                    assertThat(lost.get("id")).isEqualTo(victimId);
                    assertThat(lost.get("reason")).asString().isNotBlank();
                    assertThat(Instant.parse(lost.get("time").toString())).isBefore(manifest.finishedAt());
                });
        SameRuns.assertSameTables(out, local, ClusterSweepIT.RUNS);
    }

    @Test
    void killedDriverResumesOnTheCluster() throws Exception {
        Path out = dir.resolve("out-driver-killed");
        List<String> run = List.of("run", spec.toString(), "--out", out.toString());
        Submission first = cluster.launch(Map.of(), SLOW, ClusterSweepIT.shadedJar(), Main.class.getName(), run);
        awaitParts(first, out);
        first.kill();
        int kept = committedParts(out);
        assertThat(kept).as("parts committed before the kill").isBetween(KILL_AFTER_PARTS, 15);
        assertThat(SameRuns.manifest(out).status()).isEqualTo(ManifestStatus.RUNNING);

        SubmitResult second = cluster.submit(Map.of(), ClusterSweepIT.shadedJar(), Main.class.getName(), run);
        assertThat(second.exitCode()).as("spark-submit exit code; logs:%n%s", cluster.diagnostics()).isZero();
        assertThat(second.output()).contains("attempt 2: ").contains("took over the lease");
        Manifest resumed = SameRuns.manifest(out);
        assertThat(resumed.status()).isEqualTo(ManifestStatus.COMPLETE);
        assertThat(resumed.attempt()).isEqualTo(2);
        assertThat(resumed.reused()).as("runs kept from the killed attempt").isPositive();
        assertThat(resumed.reused() + resumed.computed()).isEqualTo(ClusterSweepIT.RUNS);
        assertThat(resumed.environment()).containsKey(SweepDriver.LEASE_BROKEN);
        assertThat(resumed.history()).singleElement()
                .satisfies(a -> assertThat(a.status()).isEqualTo(ManifestStatus.RUNNING));
        SameRuns.assertSameTables(out, local, ClusterSweepIT.RUNS);
    }

    /** Waits until the sweep has committed {@value #KILL_AFTER_PARTS} result parts and still runs. */
    private static void awaitParts(Submission sweep, Path out) throws Exception {
        long deadline = System.nanoTime() + KILL_TIMEOUT.toNanos();
        while (committedParts(out) < KILL_AFTER_PARTS && sweep.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(sweep.isAlive()).as("the sweep still runs; its output:%n%s", sweep.output()).isTrue();
        assertThat(committedParts(out)).as("parts committed within %s; logs:%n%s", KILL_TIMEOUT,
                cluster.diagnostics()).isGreaterThanOrEqualTo(KILL_AFTER_PARTS);
    }

    private static int committedParts(Path out) throws Exception {
        Path parts = out.resolve(ResultParts.DIR).resolve(ResultParts.COMMITTED);
        if (!Files.isDirectory(parts)) {
            return 0;
        }
        try (Stream<Path> list = Files.list(parts)) {
            return (int) list.filter(p -> p.getFileName().toString().matches("a\\d{5}-b\\d{6}")).count();
        }
    }

    private static String executorId(ProcessHandle executor) {
        String command = executor.info().commandLine().orElseThrow();
        Matcher id = EXECUTOR_ID.matcher(command);
        assertThat(id.find()).as("executor id in %s", command).isTrue();
        return id.group(1);
    }
}
