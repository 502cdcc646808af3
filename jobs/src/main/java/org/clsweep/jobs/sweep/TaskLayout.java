package org.clsweep.jobs.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.clsweep.data.spec.Mode;
import org.clsweep.data.spec.ModelKind;
import org.clsweep.data.spec.RunSpec;

/**
 * Lays runs out over Spark partitions so that cores stay busy to the end although cells differ in
 * cost by orders of magnitude: longest-processing-time-first over an estimated cost.
 *
 * <pre>
 *   cost(run)  ≈ steps · width · (onelayer population: L·d ; onelayer sgd: batch·d ;
 *                                 twolayer: batch · K · P · field_dim)
 *   bins       = min(runs, max(8 · parallelism, ⌈runs / 256⌉))
 *   assignment : runs by decreasing cost, each to the bin with the least total cost so far
 * </pre>
 * The cost is a rough proxy (relative sizes matter, not units). The layout affects only speed:
 * a run's numbers depend on its parameters and seed alone.
 */
public final class TaskLayout {
    /** Bins per core, so that a slow bin near the end is short. */
    static final int BINS_PER_CORE = 8;
    /** At most this many runs per bin on large sweeps, for progress and cheap task retries. */
    static final int MAX_RUNS_PER_BIN = 256;

    private TaskLayout() {
    }

    /** The relative cost of one run of this cell (see class comment). */
    public static double cost(RunSpec s) {
        double perStep;
        if (s.model() == ModelKind.ONELAYER) {
            perStep = (double) s.width() * s.geometry().dim()
                    * (s.mode() == Mode.POPULATION ? s.geometry().patterns() : s.train().batch());
        } else {
            perStep = (double) s.width() * s.tokens().perLocation() * s.tokens().locations()
                    * s.tokens().fieldDim() * s.train().batch();
        }
        return perStep * s.train().steps();
    }

    /** How many bins (Spark partitions) to use for {@code runs} runs on {@code parallelism} cores. */
    public static int binCount(int runs, int parallelism) {
        long wanted = Math.max((long) BINS_PER_CORE * Math.max(1, parallelism),
                (runs + (long) MAX_RUNS_PER_BIN - 1) / MAX_RUNS_PER_BIN);
        return (int) Math.max(1, Math.min(runs, wanted));
    }

    /**
     * Greedy LPT assignment.
     *
     * @param tasks the runs. Not modified.
     * @param costs the cost of each run, same order. Not modified.
     * @param bins  the number of bins, ≥ 1
     * @return {@code bins} lists (some may be empty only if there are fewer tasks than bins)
     */
    public static List<ArrayList<RunTask>> assign(List<RunTask> tasks, double[] costs, int bins) {
        Integer[] order = new Integer[tasks.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -costs[i]).thenComparingInt(i -> i));
        List<ArrayList<RunTask>> out = new ArrayList<>(bins);
        double[] load = new double[bins];
        PriorityQueue<Integer> lightest = new PriorityQueue<>(
                Comparator.comparingDouble((Integer b) -> load[b]).thenComparingInt(b -> b));
        for (int b = 0; b < bins; b++) {
            out.add(new ArrayList<>());
            lightest.add(b);
        }
        for (Integer i : order) {
            int b = lightest.poll();
            out.get(b).add(tasks.get(i));
            load[b] += costs[i];
            lightest.add(b);
        }
        return out;
    }
}
