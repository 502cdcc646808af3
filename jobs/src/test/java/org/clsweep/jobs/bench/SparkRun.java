package org.clsweep.jobs.bench;

/**
 * The measurements of one Spark sweep: starting the session, the whole sweep after that, and the
 * sweep's simulate jobs.
 *
 * <pre>
 *   rest = sweep − simulate jobs: splitting the result into the output tables, aggregating,
 *          committing (a cost per sweep, nearly independent of the number of runs)
 * </pre>
 *
 * @param start the session start
 * @param sweep {@code SweepDriver.run}, everything after the session start
 * @param stage the simulate jobs
 */
record SparkRun(Measurement start, Measurement sweep, SimulateStageListener.Summary stage) {
    double restWallSeconds() {
        return sweep.wallSeconds() - stage.spanMs() * 1e-3;
    }

    double restCpuSeconds() {
        return sweep.cpuSeconds() - stage.processCpuNanos() * 1e-9;
    }

    /**
     * The wall time this sweep would take with its slots on otherwise idle cores: the simulate
     * jobs' process CPU spread over the slots at the measured slot use, plus the rest as if serial
     * (an upper bound: part of it runs in parallel tasks). A projection, not a measurement.
     */
    double projectedWallSeconds() {
        return stage.processCpuNanos() * 1e-9 / (stage.slots() * stage.utilisation()) + restCpuSeconds();
    }
}
