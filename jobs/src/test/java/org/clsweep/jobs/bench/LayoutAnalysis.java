package org.clsweep.jobs.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.clsweep.jobs.sweep.RunTask;
import org.clsweep.jobs.sweep.SweepPlan;
import org.clsweep.jobs.sweep.TaskLayout;

/**
 * How well {@link TaskLayout} balances a sweep, replayed with measured run costs instead of
 * running Spark: the bins it makes from its estimated costs, their measured loads, and the
 * finishing time when the bins are handed in partition order to the first free core (as Spark's
 * scheduler does), against the lower bound.
 *
 * <pre>
 *   load(bin)     = Σ measured CPU of its runs
 *   makespan      = list scheduling of the bins, in order, on c cores
 *   bound         = max(Σ load / c, largest run)
 *   efficiency    = bound / makespan                          1 = perfectly balanced
 * </pre>
 * The same figures are given for bins laid out by LPT on the measured costs (a perfect cost
 * estimate) and for one run per bin in task order (what a thread pool does).
 */
final class LayoutAnalysis {
    private LayoutAnalysis() {
    }

    /**
     * @param plan     the cells. Not modified.
     * @param tasks    the runs. Not modified.
     * @param cpuNanos measured CPU per run, same order as tasks. Not modified.
     * @param cores    cores the bins are spread over
     */
    static List<String> report(SweepPlan plan, List<RunTask> tasks, long[] cpuNanos, int cores) {
        Map<RunTask, Long> measured = new HashMap<>();
        double[] estimated = new double[tasks.size()];
        double[] actual = new double[tasks.size()];
        for (int i = 0; i < tasks.size(); i++) {
            measured.put(tasks.get(i), cpuNanos[i]);
            estimated[i] = TaskLayout.cost(plan.spec(tasks.get(i).cellIndex()));
            actual[i] = cpuNanos[i];
        }
        int bins = TaskLayout.binCount(tasks.size(), cores);
        List<String> lines = new ArrayList<>();
        lines.add(String.format(java.util.Locale.ROOT, "layout on %d cores: %d runs in %d bins (TaskLayout.binCount)",
                cores, tasks.size(), bins));
        lines.add(line("TaskLayout (estimated costs)", loads(TaskLayout.assign(tasks, estimated, bins), measured),
                cores, max(actual)));
        lines.add(line("LPT on measured costs", loads(TaskLayout.assign(tasks, actual, bins), measured), cores,
                max(actual)));
        List<List<RunTask>> single = new ArrayList<>();
        for (RunTask t : tasks) {
            single.add(List.of(t));
        }
        lines.add(line("one run per bin, task order", loads(single, measured), cores, max(actual)));
        return lines;
    }

    private static String line(String name, double[] loads, int cores, double largestRun) {
        double sum = 0;
        double lo = Double.MAX_VALUE;
        double hi = 0;
        for (double l : loads) {
            sum += l;
            lo = Math.min(lo, l);
            hi = Math.max(hi, l);
        }
        double mean = sum / loads.length;
        double makespan = makespan(loads, cores);
        double bound = Math.max(sum / cores, largestRun);
        return String.format(java.util.Locale.ROOT,
                "  %-30s bin load min/mean/max %7.0f /%7.0f /%7.0f ms   makespan %6.2f s, bound %6.2f s,"
                        + " efficiency %.3f",
                name, lo * 1e-6, mean * 1e-6, hi * 1e-6, makespan * 1e-9, bound * 1e-9, bound / makespan);
    }

    /** Measured load of each bin. */
    private static double[] loads(List<? extends List<RunTask>> bins, Map<RunTask, Long> measured) {
        double[] loads = new double[bins.size()];
        for (int b = 0; b < loads.length; b++) {
            for (RunTask t : bins.get(b)) {
                loads[b] += measured.get(t);
            }
        }
        return loads;
    }

    /** Bins taken in order by whichever core is free first. */
    static double makespan(double[] loads, int cores) {
        PriorityQueue<Double> free = new PriorityQueue<>();
        for (int c = 0; c < cores; c++) {
            free.add(0.0);
        }
        double end = 0;
        for (double l : loads) {
            double t = free.poll() + l;
            end = Math.max(end, t);
            free.add(t);
        }
        return end;
    }

    private static double max(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }
}
