package org.clsweep.jobs.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.clsweep.data.spec.Mode;
import org.clsweep.data.spec.ModelKind;
import org.clsweep.data.spec.RunSpec;
import org.clsweep.jobs.spec.SeedRanges;

/**
 * Lays runs out over bins (one Spark task and one committed result part each) so that cores stay
 * busy to the end although cells differ in cost by orders of magnitude, while tiny runs share
 * bins by the ten thousand so that the per-bin cost (a Spark job, a Parquet file, a commit) stays
 * small against the runs'.
 *
 * <pre>
 *   cost(run)    = steps · width · units per node-step · model factor
 *                  onelayer population   L · d                          POPULATION_FACTOR    = 1.0
 *                  onelayer sgd          batch · (d + batch)            ONE_LAYER_SGD_FACTOR = 0.5
 *                  twolayer (sgd)        batch · K · P · field_dim      TWO_LAYER_FACTOR     = 1.3
 *   seconds(run) = cost · CPU_SECONDS_PER_UNIT + RUN_OVERHEAD_SECONDS   (analysis, metrics, the row)
 *   bins         = ⌈Σ seconds / BIN_SECONDS⌉, at least BINS_PER_CORE · slots and ⌈runs / MAX_RUNS_PER_BIN⌉,
 *                  at most max(MAX_BINS, BINS_PER_CORE · slots) and the number of runs    slots: {@link TaskSlots}
 *   assignment   : cells by decreasing seconds per run, their pending seeds in ascending order, cut
 *                  into bins one after another; a bin takes runs while that brings its seconds nearer
 *                  to its share, (what is left) / (bins left), and at least one run; a bin is a few
 *                  {@link RunSegment}s. Bins are then ordered by decreasing total seconds.
 * </pre>
 * A model's factor is its measured CPU time per unit relative to the population flow's
 * (BENCHMARKS.md, "Cost factors of TaskLayout"). The estimate is rough: a population run stops
 * early once its residual is below {@code train.tol}, so its cost is an upper bound. Bins are taken
 * by free cores one by one ({@link SweepJob}), so what matters is that no bin is much heavier than
 * total / cores; a run heavier than a bin's share gets a bin of its own. A bin of about
 * {@value #BIN_SECONDS} s also bounds what a killed attempt loses and how often progress moves. The
 * layout affects only speed: a run's numbers depend on its parameters and seed.
 */
public final class TaskLayout {
    /** Bins per core, so that a slow bin near the end is short. */
    static final int BINS_PER_CORE = 8;
    /**
     * The estimated CPU seconds of a bin on large sweeps. Each bin costs ≈ 0.4 s of CPU besides its
     * runs (a Spark job, a Parquet file, a commit): 66 bins of 600 000 tiny runs took 6–7 s more
     * simulation on 2 cores than 34 (BENCHMARKS.md, "Million-run sweeps").
     */
    static final double BIN_SECONDS = 4.0;
    /** At most this many runs per bin, so that a part's rows stay a small share of an executor's memory. */
    static final long MAX_RUNS_PER_BIN = 100_000;
    /** At most this many bins (committed parts) per attempt, unless the cores need more. */
    static final int MAX_BINS = 1024;
    /** Cost factors per unit of work, relative to the population flow (see class comment). */
    static final double POPULATION_FACTOR = 1.0;
    static final double ONE_LAYER_SGD_FACTOR = 0.5;
    static final double TWO_LAYER_FACTOR = 1.3;
    /**
     * CPU seconds per unit of {@link #cost}: the population flow's ≈ 2.1 ns per unit of work
     * (BENCHMARKS.md, "Cost factors of TaskLayout").
     */
    static final double CPU_SECONDS_PER_UNIT = 2.1e-9;
    /**
     * CPU seconds of a run besides its dynamics: the optimum analysis, the metrics and the result
     * row of a tiny population run. 600 000 runs of ≤ 0.023 ms of dynamics took 0.24 ms of core
     * time each in the simulate phase (BENCHMARKS.md, "Million-run sweeps").
     */
    static final double RUN_OVERHEAD_SECONDS = 2.0e-4;

    /**
     * The runs of one cell that an attempt has to do.
     *
     * @param cellIndex the cell's index in the plan
     * @param seeds     the seeds to run
     * @param seconds   the estimated seconds of one run ({@link #seconds})
     */
    public record CellRuns(int cellIndex, SeedRanges seeds, double seconds) {
    }

    private TaskLayout() {
    }

    /** The relative cost of one run of this cell's dynamics (see class comment). */
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

    /** The estimated CPU seconds of one run, analysis and result row included. */
    public static double seconds(RunSpec s) {
        return cpuSeconds(s) + RUN_OVERHEAD_SECONDS;
    }

    /**
     * How many bins (Spark jobs of one task) to use (see class comment).
     *
     * @param runs    the runs to do, ≥ 1
     * @param seconds their estimated total seconds
     * @param slots   the task slots
     */
    public static int binCount(long runs, double seconds, int slots) {
        long low = Math.max((long) BINS_PER_CORE * Math.max(1, slots), (runs + MAX_RUNS_PER_BIN - 1) / MAX_RUNS_PER_BIN);
        long high = Math.max(MAX_BINS, low);
        long wanted = Math.min(high, Math.max(low, (long) Math.ceil(seconds / BIN_SECONDS)));
        return (int) Math.max(1, Math.min(runs, wanted));
    }

    /**
     * Cuts the runs into bins (see class comment).
     *
     * @param cells the pending runs of each cell. Not modified.
     * @param bins  the number of bins, ≥ 1
     * @return at most {@code bins} non-empty bins by decreasing total seconds, together holding
     *         every pending run once
     */
    public static List<ArrayList<RunSegment>> assign(List<CellRuns> cells, int bins) {
        List<CellRuns> order = new ArrayList<>(cells);
        order.sort(Comparator.comparingDouble((CellRuns c) -> -c.seconds()).thenComparingInt(CellRuns::cellIndex));
        double left = 0;
        for (CellRuns c : order) {
            left += c.seconds() * c.seeds().size();
        }
        List<ArrayList<RunSegment>> out = new ArrayList<>();
        List<Double> load = new ArrayList<>();
        ArrayList<RunSegment> bin = new ArrayList<>();
        double binSeconds = 0;
        double share = left / bins;
        for (CellRuns c : order) {
            SeedRanges seeds = c.seeds();
            for (int r = 0; r < seeds.rangeCount(); r++) {
                long next = seeds.first(r);
                while (next <= seeds.last(r)) {
                    long rest = seeds.last(r) - next + 1;
                    long take = out.size() == bins - 1 ? rest
                            : Math.min(Math.round((share - binSeconds) / c.seconds()), rest);
                    if (take <= 0 && bin.isEmpty()) {
                        take = 1;
                    }
                    if (take > 0) {
                        bin.add(new RunSegment(c.cellIndex(), next, next + take - 1));
                        binSeconds += take * c.seconds();
                        left -= take * c.seconds();
                        next += take;
                    }
                    boolean full = take <= 0 || binSeconds >= share * (1 - 1e-9);
                    if (full && out.size() < bins - 1) {
                        out.add(bin);
                        load.add(binSeconds);
                        bin = new ArrayList<>();
                        binSeconds = 0;
                        share = left / (bins - out.size());
                    }
                }
            }
        }
        if (!bin.isEmpty()) {
            out.add(bin);
            load.add(binSeconds);
        }
        Integer[] heaviest = new Integer[out.size()];
        for (int b = 0; b < heaviest.length; b++) {
            heaviest[b] = b;
        }
        Arrays.sort(heaviest, Comparator.comparingDouble((Integer b) -> -load.get(b)).thenComparingInt(b -> b));
        List<ArrayList<RunSegment>> ordered = new ArrayList<>(out.size());
        for (Integer b : heaviest) {
            ordered.add(out.get(b));
        }
        return ordered;
    }
}
