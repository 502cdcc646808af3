package org.clsweep.jobs.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import org.clsweep.jobs.spec.SeedRanges;
import org.clsweep.jobs.sweep.RunSegment;
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
 * The same figures are given for bins laid out from each cell's mean measured cost (a perfect
 * per-cell estimate) and for one run per bin in task order (what a thread pool does).
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
        Map<Integer, List<Long>> seedsOf = new TreeMap<>();
        Map<Integer, Double> measuredPerCell = new HashMap<>();
        double[] actual = new double[tasks.size()];
        double seconds = 0;
        for (int i = 0; i < tasks.size(); i++) {
            RunTask t = tasks.get(i);
            measured.put(t, cpuNanos[i]);
            seedsOf.computeIfAbsent(t.cellIndex(), k -> new ArrayList<>()).add(t.seed());
            measuredPerCell.merge(t.cellIndex(), (double) cpuNanos[i], Double::sum);
            actual[i] = cpuNanos[i];
            seconds += TaskLayout.seconds(plan.spec(t.cellIndex()));
        }
        List<TaskLayout.CellRuns> estimated = new ArrayList<>();
        List<TaskLayout.CellRuns> perfect = new ArrayList<>();
        for (Map.Entry<Integer, List<Long>> e : seedsOf.entrySet()) {
            long[] s = e.getValue().stream().mapToLong(Long::longValue).toArray();
            SeedRanges seeds = SeedRanges.union(s, s);
            estimated.add(new TaskLayout.CellRuns(e.getKey(), seeds, TaskLayout.seconds(plan.spec(e.getKey()))));
            perfect.add(new TaskLayout.CellRuns(e.getKey(), seeds, measuredPerCell.get(e.getKey()) / s.length));
        }
        int bins = TaskLayout.binCount(tasks.size(), seconds, cores);
        List<String> lines = new ArrayList<>();
        lines.add(String.format(java.util.Locale.ROOT, "layout on %d cores: %d runs in %d bins (TaskLayout.binCount)",
                cores, tasks.size(), bins));
        lines.add(line("TaskLayout (estimated costs)", loads(runs(TaskLayout.assign(estimated, bins)), measured),
                cores, max(actual)));
        lines.add(line("TaskLayout on mean measured costs", loads(runs(TaskLayout.assign(perfect, bins)), measured),
                cores, max(actual)));
        List<List<RunTask>> single = new ArrayList<>();
        for (RunTask t : tasks) {
            single.add(List.of(t));
        }
        lines.add(line("one run per bin, task order", loads(single, measured), cores, max(actual)));
        return lines;
    }

    /** The runs of each bin. */
    private static List<List<RunTask>> runs(List<ArrayList<RunSegment>> bins) {
        List<List<RunTask>> out = new ArrayList<>();
        for (List<RunSegment> bin : bins) {
            List<RunTask> runs = new ArrayList<>();
            for (RunSegment s : bin) {
                for (long seed = s.first(); seed <= s.last(); seed++) {
                    runs.add(new RunTask(s.cellIndex(), seed));
                }
            }
            out.add(runs);
        }
        return out;
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
