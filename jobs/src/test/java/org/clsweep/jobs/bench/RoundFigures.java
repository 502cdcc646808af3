package org.clsweep.jobs.bench;

/**
 * The comparisons of one round of {@link ScalingBenchmark}: the sweep on local[1] and local[T]
 * against the loop on one thread and the pool of T threads.
 *
 * <pre>
 *   speed-up            wall(local[1]) / wall(local[T])            (pool: wall(loop) / wall(pool))
 *   overhead            Spark / loop − 1, of wall and of process CPU; for the whole sweep and for its
 *                       simulate jobs alone
 *   task overhead       Σ task CPU of the simulate jobs / Σ CPU of the runs in the loop − 1: what a
 *                       run costs more inside a Spark task (building and writing its row)
 *   projected           the same on T otherwise idle cores, from CPU time and slot use
 *                       ({@link SparkRun#projectedWallSeconds}); the loop would take its CPU time, the
 *                       pool its CPU time / T
 * </pre>
 *
 * @param loop        the loop on one thread
 * @param loopRunCpu  Σ of the loop's per-run thread CPU time (ns)
 * @param pool        the pool of T threads
 * @param one         the sweep on local[1]
 * @param par         the sweep on local[T]
 * @param threads     T
 */
record RoundFigures(Measurement loop, long loopRunCpu, Measurement pool, SparkRun one, SparkRun par, int threads) {
    double speedUp() {
        return one.sweep().wallSeconds() / par.sweep().wallSeconds();
    }

    double poolSpeedUp() {
        return loop.wallSeconds() / pool.wallSeconds();
    }

    double overheadWall1() {
        return ratio(one.sweep().wallSeconds(), loop.wallSeconds());
    }

    double overheadCpu1() {
        return ratio(one.sweep().cpuSeconds(), loop.cpuSeconds());
    }

    double overheadWallT() {
        return ratio(par.sweep().wallSeconds(), pool.wallSeconds());
    }

    double overheadCpuT() {
        return ratio(par.sweep().cpuSeconds(), pool.cpuSeconds());
    }

    double simulateOverheadWall1() {
        return ratio(one.stage().spanMs() * 1e-3, loop.wallSeconds());
    }

    double simulateOverheadCpu1() {
        return ratio(one.stage().processCpuNanos() * 1e-9, loop.cpuSeconds());
    }

    double simulateOverheadWallT() {
        return ratio(par.stage().spanMs() * 1e-3, pool.wallSeconds());
    }

    double simulateOverheadCpuT() {
        return ratio(par.stage().processCpuNanos() * 1e-9, pool.cpuSeconds());
    }

    double taskOverhead1() {
        return ratio(one.stage().cpuNanos(), loopRunCpu);
    }

    double taskOverheadT() {
        return ratio(par.stage().cpuNanos(), loopRunCpu);
    }

    double projectedSpeedUp() {
        return one.projectedWallSeconds() / par.projectedWallSeconds();
    }

    double projectedOverhead1() {
        return ratio(one.projectedWallSeconds(), loop.cpuSeconds());
    }

    double projectedOverheadT() {
        return ratio(par.projectedWallSeconds(), pool.cpuSeconds() / threads);
    }

    private static double ratio(double spark, double plain) {
        return spark / plain - 1.0;
    }
}
