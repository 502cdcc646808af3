package org.clsweep.jobs.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * One timed piece of work: wall time, the CPU time of this whole process (every thread: tasks,
 * Spark's own threads, JIT, GC) and the system load average before and after. On a machine shared
 * with other processes the wall time depends on them; the CPU time much less.
 *
 * <pre>
 *   runs/s      = runs / wall
 *   CPU per run = process CPU / runs
 *   cores used  = process CPU / wall      (≤ the threads working, less when others compete)
 * </pre>
 *
 * @param label      what was measured, e.g. "local[2]"
 * @param runs       runs done (0 for work that is not runs, e.g. starting a session)
 * @param wallNanos  elapsed time
 * @param cpuNanos   CPU time of this process over the same interval
 * @param loadBefore one-minute load average at the start
 * @param loadAfter  one-minute load average at the end
 */
record Measurement(String label, int runs, long wallNanos, long cpuNanos, double loadBefore, double loadAfter) {

    /** Starts a measurement: {@code Clock c = Measurement.start(); …; Measurement m = c.stop(label, runs);}. */
    static Clock start() {
        return new Clock(System.nanoTime(), processCpuNanos(), loadAverage());
    }

    double wallSeconds() {
        return wallNanos * 1e-9;
    }

    double cpuSeconds() {
        return cpuNanos * 1e-9;
    }

    double runsPerSecond() {
        return runs / wallSeconds();
    }

    double cpuMillisPerRun() {
        return cpuNanos * 1e-6 / runs;
    }

    double coresUsed() {
        return (double) cpuNanos / wallNanos;
    }

    /** The start of a measurement. */
    record Clock(long wallStart, long cpuStart, double loadStart) {
        Measurement stop(String label, int runs) {
            long wall = System.nanoTime() - wallStart;
            long cpu = processCpuNanos() - cpuStart;
            return new Measurement(label, runs, wall, cpu, loadStart, loadAverage());
        }
    }

    static long processCpuNanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        throw new IllegalStateException("this JVM does not report the process CPU time");
    }

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
