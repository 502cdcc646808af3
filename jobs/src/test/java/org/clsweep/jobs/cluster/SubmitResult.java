package org.clsweep.jobs.cluster;

import java.nio.file.Path;

/**
 * What one {@code spark-submit} returned.
 *
 * @param exitCode the driver JVM's exit code (0 when the application's main returned normally)
 * @param output   everything the driver JVM wrote to stdout and stderr
 * @param log      the file holding that output
 * @see StandaloneSparkCluster#submit
 */
public record SubmitResult(int exitCode, String output, Path log) {
}
