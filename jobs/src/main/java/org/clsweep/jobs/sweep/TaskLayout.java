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
 * Lays runs out over bins (one Spark task and one committed result part each) so that cores stay
 * busy to the end although cells differ in cost by orders of magnitude: longest-processing-time
 * first over an estimated cost, then the bins handed out heaviest first.
 *
 * <pre>
 *   cost(run)  = steps · width · units per node-step · model factor
 *                onelayer population   L · d                          POPULATION_FACTOR    = 1.0
 *                onelayer sgd          batch · (d + batch)            ONE_LAYER_SGD_FACTOR = 0.5
 *                twolayer (sgd)        batch · K · P · field_dim      TWO_LAYER_FACTOR     = 1.3
 *   bins       = min(runs, max(BINS_PER_CORE · slots, ⌈runs / MAX_RUNS_PER_BIN⌉))    slots: {@link TaskSlots}
 *   assignment : runs by decreasing cost, each to the bin with the least total cost so far;
 *                bins then ordered by decreasing total cost
 * </pre>
 * A model's factor is its measured CPU time per unit relative to the population flow's
 * (BENCHMARKS.md, "Cost factors of TaskLayout"). The estimate is rough: a population run stops
 * early once its residual is below {@code train.tol}, so its cost is an upper bound. Bins are taken
 * by free cores one by one ({@link SweepJob}), so what matters is that no bin is much heavier than
 * total / cores. The layout affects only speed: a run's numbers depend on its parameters and seed.
 */
public final class TaskLayout {
    /** Bins per core, so that a slow bin near the end is short. */
    static final int BINS_PER_CORE = 8;
    /** At most this many runs per bin on large sweeps, for progress, commits and cheap task retries. */
    static final int MAX_RUNS_PER_BIN = 256;
    /** Cost factors per unit of work, relative to the population flow (see class comment). */
    static final double POPULATION_FACTOR = 1.0;
    static final double ONE_LAYER_SGD_FACTOR = 0.5;
    static final double TWO_LAYER_FACTOR = 1.3;
    /**
     * CPU seconds per unit of {@link #cost}: the population flow's ≈ 2.1 ns per unit of work
     * (BENCHMARKS.md, "Cost factors of TaskLayout").
     */
    static final double CPU_SECONDS_PER_UNIT = 2.1e-9;

    private TaskLayout() {
    }

    /** The relative cost of one run of this cell (see class comment). */
    public static double cost(RunSpec s) {
        double perStep;
        if (s.model() == ModelKind.ONELAYER) {
            perStep = s.mode() == Mode.POPULATION
                    ? POPULATION_FACTOR * s.width() * s.geometry().patterns() * s.geometry().dim()
                    : ONE_LAYER_SGD_FACTOR * s.width() * s.train().batch()
                            * ((double) s.geometry().dim() + s.train().batch());
        } else {
            perStep = TWO_LAYER_FACTOR * s.width() * s.tokens().perLocation() * s.tokens().locations()
                    * s.tokens().fieldDim() * (double) s.train().batch();
        }
        return perStep * s.train().steps();
    }

    /**
     * The estimated CPU seconds of one run's simulation: {@link #cost} × {@value #CPU_SECONDS_PER_UNIT}.
     * An upper bound for population runs, which stop once converged; the per-run analysis and
     * Spark's own work come on top.
     */
    public static double cpuSeconds(RunSpec s) {
        return cost(s) * CPU_SECONDS_PER_UNIT;
    }

    /** How many bins (Spark jobs of one task) to use for {@code runs} runs on {@code slots} task slots. */
    public static int binCount(int runs, int slots) {
        long wanted = Math.max((long) BINS_PER_CORE * Math.max(1, slots),
                (runs + (long) MAX_RUNS_PER_BIN - 1) / MAX_RUNS_PER_BIN);
        return (int) Math.max(1, Math.min(runs, wanted));
    }

    /**
     * Greedy LPT assignment.
     *
     * @param tasks the runs. Not modified.
     * @param costs the cost of each run, same order. Not modified.
     * @param bins  the number of bins, ≥ 1
     * @return {@code bins} lists by decreasing total cost (some may be empty only if there are
     *         fewer tasks than bins)
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
        Integer[] heaviest = new Integer[bins];
        for (int b = 0; b < bins; b++) {
            heaviest[b] = b;
        }
        Arrays.sort(heaviest, Comparator.comparingDouble((Integer b) -> -load[b]).thenComparingInt(b -> b));
        List<ArrayList<RunTask>> ordered = new ArrayList<>(bins);
        for (Integer b : heaviest) {
            ordered.add(out.get(b));
        }
        return ordered;
    }
}
