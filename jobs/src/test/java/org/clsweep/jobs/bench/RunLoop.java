package org.clsweep.jobs.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.clsweep.data.experiment.RunExecutor;
import org.clsweep.data.experiment.RunResult;
import org.clsweep.data.experiment.RunStatus;
import org.clsweep.jobs.sweep.RunTask;
import org.clsweep.jobs.sweep.SweepPlan;

/**
 * The sweep without Spark: {@link RunExecutor#execute} for every task, either in order on the
 * calling thread, or as one job per run on a fixed pool of threads (each free thread takes the
 * next run: the best balance a pool can have). Nothing is written; the loops only count statuses.
 *
 * @see ScalingBenchmark
 */
final class RunLoop {
    private RunLoop() {
    }

    /**
     * Runs every task in order on this thread.
     *
     * @param plan        the cells. Not modified.
     * @param tasks       the runs. Not modified.
     * @param cpuNanosOut CPU time of this thread per run, same order as tasks. Modified.
     * @return the runs whose status is OK
     */
    static int sequential(SweepPlan plan, List<RunTask> tasks, long[] cpuNanosOut) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        int ok = 0;
        for (int i = 0; i < tasks.size(); i++) {
            RunTask t = tasks.get(i);
            long cpu0 = mx.getCurrentThreadCpuTime();
            RunResult r = RunExecutor.execute(plan.spec(t.cellIndex()), t.seed());
            cpuNanosOut[i] = mx.getCurrentThreadCpuTime() - cpu0;
            if (r.status() == RunStatus.OK) {
                ok++;
            }
        }
        return ok;
    }

    /**
     * Runs every task on a pool of {@code threads} threads, one pool job per run, submitted in order.
     *
     * @param plan    the cells. Not modified.
     * @param tasks   the runs. Not modified.
     * @param threads pool size
     * @return the runs whose status is OK
     */
    static int pooled(SweepPlan plan, List<RunTask> tasks, int threads) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<RunResult>> results = new ArrayList<>(tasks.size());
            for (RunTask t : tasks) {
                results.add(pool.submit(() -> RunExecutor.execute(plan.spec(t.cellIndex()), t.seed())));
            }
            int ok = 0;
            for (Future<RunResult> f : results) {
                if (f.get().status() == RunStatus.OK) {
                    ok++;
                }
            }
            return ok;
        } catch (ExecutionException e) {
            throw new IllegalStateException("a run failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
