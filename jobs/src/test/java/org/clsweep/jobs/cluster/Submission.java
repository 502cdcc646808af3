package org.clsweep.jobs.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A {@code spark-submit} in client mode whose driver JVM is running
 * ({@link StandaloneSparkCluster#launch}): wait for it, read its output so far, or kill it.
 */
public final class Submission {
    private final StandaloneSparkCluster cluster;
    private final Process driver;
    private final String mainClass;
    private final Path log;

    Submission(StandaloneSparkCluster cluster, Process driver, String mainClass, Path log) {
        this.cluster = cluster;
        this.driver = driver;
        this.mainClass = mainClass;
        this.log = log;
    }

    /**
     * Waits for the driver to exit.
     *
     * @return its exit code and output
     * @throws IllegalStateException if it runs longer than the cluster's submit timeout (it is
     *                               stopped), with the tails of the logs
     */
    public SubmitResult await() throws IOException, InterruptedException {
        cluster.awaitDriver(driver, mainClass);
        return new SubmitResult(driver.exitValue(), output(), log);
    }

    /** Whether the driver JVM is still running. */
    public boolean isAlive() {
        return driver.isAlive();
    }

    /** What the driver has written to stdout and stderr so far. */
    public String output() throws IOException {
        return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
    }

    /**
     * Kills the driver JVM with SIGKILL, as a crash or an operator's {@code kill -9} would: no
     * shutdown hook runs. Returns once it has exited.
     *
     * @return its output up to the kill
     */
    public String kill() throws IOException {
        driver.destroyForcibly();
        driver.onExit().join();
        cluster.forget(driver);
        return output();
    }
}
