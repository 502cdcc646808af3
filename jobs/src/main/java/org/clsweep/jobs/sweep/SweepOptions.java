package org.clsweep.jobs.sweep;

import org.clsweep.data.dataset.Datasets;

/**
 * How an attempt of a sweep runs.
 *
 * @param runner      what to call for each run ({@link RunFunction#EXECUTOR} in production)
 * @param faults      test-only faults ({@link FaultInjection#NONE} in production)
 * @param retryFailed whether runs whose committed result is FAILED are run again
 * @param repair      whether committed result parts that cannot be read are moved aside and their
 *                    runs computed again (else the attempt is refused)
 * @param brokenLease the holder whose lease on the output this driver took over, or null (recorded
 *                    in the manifest's environment as {@code lease_broken})
 * @param data        the dataset selections the cells read, read on the driver ({@link Datasets#NONE}
 *                    for generated geometries); broadcast with the plan, recorded in the manifest
 */
public record SweepOptions(RunFunction runner, FaultInjection faults, boolean retryFailed, boolean repair,
                           String brokenLease, Datasets data) {
    public SweepOptions(RunFunction runner, FaultInjection faults, boolean retryFailed) {
        this(runner, faults, retryFailed, false, null, Datasets.NONE);
    }

    /** The production run function, and the faults the system property asks for (normally none). */
    public static SweepOptions of(boolean retryFailed, boolean repair) {
        return new SweepOptions(RunFunction.EXECUTOR, FaultInjection.fromSystemProperty(), retryFailed, repair, null,
                Datasets.NONE);
    }

    /** These options, recording that the lease was taken over from {@code holder}. */
    public SweepOptions withBrokenLease(String holder) {
        return new SweepOptions(runner, faults, retryFailed, repair, holder, data);
    }

    /** These options, with the data the cells read. */
    public SweepOptions withData(Datasets selections) {
        return new SweepOptions(runner, faults, retryFailed, repair, brokenLease, selections);
    }
}
