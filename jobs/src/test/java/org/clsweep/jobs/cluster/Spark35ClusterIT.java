package org.clsweep.jobs.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.clsweep.jobs.Main;
import org.clsweep.jobs.output.Manifest;
import org.clsweep.jobs.output.ManifestStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar, built against the default Spark (4.x, Scala 2.13), on a standalone cluster built
 * from Spark 3.5's own jars (Scala 2.12; {@link StandaloneSparkCluster.Layout#SPARK_35}): the sweep
 * runs on 3.5 and its tables equal those of the same spec on {@code local[2]} in this JVM (default
 * Spark). {@link ClusterSweepIT} makes the same comparison on the default Spark.
 *
 * <p>Driver and executors get the shipped log configuration (system property {@value #LOG_CONFIG},
 * set by the build to {@code conf/log4j2.properties}); Spark 3.5 logs each Parquet table's schema
 * at INFO, which that configuration must keep out of the driver's console and the executors' logs.
 */
class Spark35ClusterIT {
    /** System property naming the shipped log4j2 configuration. */
    static final String LOG_CONFIG = "clsweep.log.config";
    /** What Spark 3.5's Parquet writer logs at INFO: the Catalyst schema, then the Parquet message type. */
    static final List<String> SCHEMA_DUMPS = List.of("Catalyst schema", "message spark_schema");

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path dir;
    static StandaloneSparkCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = StandaloneSparkCluster.start(dir.resolve("cluster"), StandaloneSparkCluster.Layout.SPARK_35);
    }

    @AfterAll
    static void closeCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void defaultJarOnSpark35EqualsTheLocalRun() throws Exception {
        Path spec = Files.writeString(dir.resolve("cluster-it.conf"), ClusterSweepIT.SPEC);
        Path local = dir.resolve("out-local");
        SameRuns.runLocally(spec, local);
        String logConfig = System.getProperty(LOG_CONFIG);
        assertThat(logConfig).as("system property %s (set by the build)", LOG_CONFIG).isNotNull();
        assertThat(Path.of(logConfig)).isRegularFile();

        Path out = dir.resolve("out-spark35");
        SubmitResult result = cluster.launch(
                Map.of("spark.executor.extraJavaOptions", "-Dlog4j.configurationFile=" + logConfig),
                Map.of("log4j.configurationFile", logConfig), ClusterSweepIT.shadedJar(), Main.class.getName(),
                List.of("run", spec.toString(), "--out", out.toString())).await();

        assertThat(result.exitCode()).as("spark-submit exit code; logs:%n%s", cluster.diagnostics()).isZero();
        assertThat(result.output()).contains("cluster-it: " + ClusterSweepIT.RUNS + " runs (9 cells × 4 seeds): "
                + ClusterSweepIT.RUNS + " OK");
        Manifest manifest = SameRuns.manifest(out);
        assertThat(manifest.status()).isEqualTo(ManifestStatus.COMPLETE);
        assertThat(manifest.environment()).as("the Spark that ran the sweep")
                .hasEntrySatisfying("spark", v -> assertThat(v).asString().startsWith("3.5."))
                .hasEntrySatisfying("scala", v -> assertThat(v).asString().startsWith("2.12."))
                .containsEntry("master", cluster.masterUrl());
        SameRuns.assertSameTables(out, local, ClusterSweepIT.RUNS);

        String executorLogs = executorLogs();
        assertThat(executorLogs).as("the executors' logs").isNotEmpty();
        for (String dump : SCHEMA_DUMPS) {
            assertThat(result.output()).as("the driver's console").doesNotContain(dump);
            assertThat(executorLogs).as("the executors' logs").doesNotContain(dump);
        }
    }

    /** The stdout and stderr of every executor the workers ran, concatenated. */
    private static String executorLogs() throws Exception {
        Path work = cluster.sparkHome().resolve("work");
        try (Stream<Path> files = Files.walk(work)) {
            List<Path> logs = files.filter(p -> p.getFileName().toString().matches("stdout|stderr"))
                    .collect(Collectors.toList());
            StringBuilder all = new StringBuilder();
            for (Path log : logs) {
                all.append(Files.readString(log, StandardCharsets.UTF_8));
            }
            return all.toString();
        }
    }
}
