package org.clsweep.jobs.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Self-test of the harness: a jar holding only {@link ClusterProbe}, submitted to a real
 * standalone cluster, runs its tasks on the cluster's executors (not in the driver), and closing
 * the cluster leaves none of its processes alive.
 */
class StandaloneSparkClusterIT {
    /** Σ i² for i = 1..N. */
    private static final long SUM_OF_SQUARES = (long) ClusterProbe.N * (ClusterProbe.N + 1) * (2L * ClusterProbe.N + 1) / 6;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    void submittedJarRunsOnTheExecutorsAndCloseStopsEveryProcess() throws Exception {
        Path jar = probeJar(dir.resolve("probe.jar"));
        List<ProcessHandle> started;
        try (StandaloneSparkCluster cluster = StandaloneSparkCluster.start(dir.resolve("cluster"))) {
            started = cluster.processTree();
            SubmitResult result = cluster.submit(jar, ClusterProbe.class.getName());

            assertThat(result.exitCode()).as("spark-submit exit code; logs:%n%s", cluster.diagnostics()).isZero();
            assertThat(result.output())
                    .contains("PROBE sum=" + SUM_OF_SQUARES + " ")
                    .containsPattern("PROBE .* executors=\\[\\d+(, \\d+)*\\]");
        }
        assertThat(started).hasSizeGreaterThanOrEqualTo(2).noneMatch(ProcessHandle::isAlive);
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
