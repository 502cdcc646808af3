package org.clsweep.jobs.cli;

/**
 * The process exit codes of the CLI.
 *
 * <pre>
 *   0  success
 *   1  some runs FAILED, or the sweep itself failed (a Spark or I/O error)
 *   2  bad usage or a bad spec / output directory: nothing was written
 * </pre>
 */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
