package org.clsweep.jobs.sweep;

/**
 * How an attempt of a sweep runs.
 *
 * @param runner      what to call for each run ({@link RunFunction#EXECUTOR} in production)
 * @param faults      test-only faults ({@link FaultInjection#NONE} in production)
 * @param retryFailed whether runs whose committed result is FAILED are run again
 */
public record SweepOptions(RunFunction runner, FaultInjection faults, boolean retryFailed) {
    /** The production run function, and the faults the system property asks for (normally none). */
    public static SweepOptions of(boolean retryFailed) {
        return new SweepOptions(RunFunction.EXECUTOR, FaultInjection.fromSystemProperty(), retryFailed);
    }
}
