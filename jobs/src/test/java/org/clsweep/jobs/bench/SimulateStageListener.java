package org.clsweep.jobs.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.TaskInfo;

/**
 * Records the tasks of the jobs that run the simulations — one job per bin, each described as the
 * sweep's summary followed by its part ({@code SweepJob.simulate}) — to see how busy the cores were.
 * Read it only after the SparkContext has stopped (stopping drains the listener bus).
 *
 * <pre>
 *   span          first job start → last job end (ms), and the process CPU time over it
 *   task span     first task launch → last task finish
 *   utilisation   Σ task run time / (slots · task span)      1 = no slot ever idle
 *   end idle      Σ over the other slots of (last finish − that slot's last finish),
 *                 approximated by the slots − 1 finishes before the last one
 * </pre>
 */
final class SimulateStageListener extends SparkListener {
    /** The local property that holds a job's description ({@code SparkContext.SPARK_JOB_DESCRIPTION}). */
    static final String JOB_DESCRIPTION = "spark.job.description";

    private final String prefix;
    private final Set<Integer> jobs = new HashSet<>();
    private final Set<Integer> stages = new HashSet<>();
    private final List<long[]> tasks = new ArrayList<>();
    private long jobStart = Long.MAX_VALUE;
    private long jobEnd = Long.MIN_VALUE;
    private long cpuAtStart = -1;
    private long cpuAtEnd = -1;

    /** @param prefix how the descriptions of the jobs to record begin: the sweep's summary */
    SimulateStageListener(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public synchronized void onJobStart(SparkListenerJobStart start) {
        if (matches(start.properties())) {
            jobs.add(start.jobId());
            jobStart = Math.min(jobStart, start.time());
            if (cpuAtStart < 0) {
                cpuAtStart = Measurement.processCpuNanos();
            }
        }
    }

    @Override
    public synchronized void onJobEnd(SparkListenerJobEnd end) {
        if (jobs.contains(end.jobId())) {
            jobEnd = Math.max(jobEnd, end.time());
            cpuAtEnd = Measurement.processCpuNanos();
        }
    }

    @Override
    public synchronized void onStageSubmitted(SparkListenerStageSubmitted submitted) {
        if (matches(submitted.properties())) {
            stages.add(submitted.stageInfo().stageId());
        }
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
        if (stages.contains(end.stageId()) && end.taskMetrics() != null) {
            TaskInfo info = end.taskInfo();
            tasks.add(new long[] {info.launchTime(), info.finishTime(),
                end.taskMetrics().executorRunTime(), end.taskMetrics().executorCpuTime()});
        }
    }

    private boolean matches(java.util.Properties properties) {
        String description = properties == null ? null : properties.getProperty(JOB_DESCRIPTION);
        return description != null && description.startsWith(prefix);
    }

    /**
     * What the recorded tasks say.
     *
     * @param slots tasks that can run at once (cores)
     */
    synchronized Summary summary(int slots) {
        if (tasks.isEmpty()) {
            throw new IllegalStateException("no task of a job whose description begins '" + prefix + "' was recorded");
        }
        long[] taskCpu = new long[tasks.size()];
        long[] finishes = new long[tasks.size()];
        long firstLaunch = Long.MAX_VALUE;
        long runMs = 0;
        long cpuNanos = 0;
        for (int i = 0; i < tasks.size(); i++) {
            long[] t = tasks.get(i);
            taskCpu[i] = t[3];
            firstLaunch = Math.min(firstLaunch, t[0]);
            finishes[i] = t[1];
            runMs += t[2];
            cpuNanos += t[3];
        }
        Arrays.sort(finishes);
        long lastFinish = finishes[finishes.length - 1];
        long endIdle = 0;
        for (int k = 2; k <= Math.min(slots, finishes.length); k++) {
            endIdle += lastFinish - finishes[finishes.length - k];
        }
        return new Summary(tasks.size(), jobEnd - jobStart, cpuAtEnd - cpuAtStart, lastFinish - firstLaunch, runMs,
                cpuNanos, taskCpu, endIdle, slots);
    }

    /**
     * @param tasks          tasks recorded (one per bin unless some were retried)
     * @param spanMs         first job start → last job end
     * @param processCpuNanos CPU time of the whole process over the span (read when the listener
     *                       saw the job events, which may lag them a little)
     * @param taskSpanMs     first launch → last finish
     * @param runMs          Σ task run time
     * @param cpuNanos       Σ task CPU time
     * @param taskCpuNanos   CPU time of each task (ns)
     * @param endIdleMs      slot time left idle at the end (see class comment)
     * @param slots          slots the figures refer to
     */
    record Summary(int tasks, long spanMs, long processCpuNanos, long taskSpanMs, long runMs, long cpuNanos,
                   long[] taskCpuNanos, long endIdleMs, int slots) {
        double utilisation() {
            return (double) runMs / ((double) slots * taskSpanMs);
        }
    }
}
