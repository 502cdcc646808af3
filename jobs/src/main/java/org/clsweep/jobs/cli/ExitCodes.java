package org.clsweep.jobs.cli;

/**
 * The process exit codes of the CLI.
 *
 * <pre>
 *   0  success (regress: no regression)
 *   1  some runs FAILED, the sweep itself failed (a Spark or I/O error), or regress found a regression
 *   2  bad usage or a bad spec / output directory: nothing was written; or an unusable regression
 *      baseline (missing, corrupt, empty or from another spec)
 * </pre>
 */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
