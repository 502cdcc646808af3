package org.clsweep.jobs.aggregate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.clsweep.data.spec.SpecKey;

/**
 * The basin probabilities of cells that differ only in width, pooled over their nodes, and the
 * coverage predictions made from them. A pool P is a set of cells equal in every parameter but
 * width; cell c has width n_c, R_c OK runs with basin shares and basin_prob p_{c,l}.
 *
 * <pre>
 *   basin_prob_pooled            p_l = Σ_{c∈P} n_c·R_c·p_{c,l} / Σ_{c∈P} n_c·R_c      each node weighs the same
 *   predicted_coverage_pooled    mean_l [1 − (1 − p_l)^n]                              n = the cell's width
 *   predicted_coverage_per_seed  mean_{s∈S} mean_l [1 − (1 − p_{l,s})^n],
 *                                p_{l,s} = Σ_{c∈P_s} n_c·p_{c,s,l} / Σ_{c∈P_s} n_c
 *                                P_s the cells of P with an OK run at seed s, p_{c,s,l} that run's
 *                                pattern_basin_share[l] (the mean over its rows if repeated),
 *                                S the seeds of the pool with such a run
 * </pre>
 * The per-seed prediction exists only where the geometry is drawn per seed (random, pairs): there
 * pattern l of one seed is another vector than pattern l of the next, and its basin probability
 * varies with the seed. 1 − (1 − p)^n is concave in p, so by Jensen's inequality the prediction
 * from the seed-averaged p_l (pooled) is at least the mean of the per-seed predictions, the
 * expected coverage of a seed: the pooled prediction overstates it. With fixed patterns the
 * per-seed p_{l,s} differ only by sampling noise, and pooling them is the better estimate. That
 * noise is there for seed-drawn patterns too (p_{l,s} comes from Σ_{c∈P_s} n_c nodes) and, by the
 * same inequality, pulls the per-seed prediction down; pooling over width keeps it small.
 */
final class WidthPools {
    private final Map<List<Object>, Pool> pools = new HashMap<>();

    private WidthPools() {
    }

    /**
     * @param cells every cell of a sweep, in the order whose sums the results repeat. Not modified.
     * @throws IllegalStateException when cells of one pool have basin shares of different lengths
     */
    static WidthPools of(List<CellStatistics> cells) {
        WidthPools w = new WidthPools();
        for (CellStatistics c : cells) {
            double[] p = c.basinShares();
            if (p != null) {
                w.pools.computeIfAbsent(key(c), k -> new Pool(p.length)).add(c, p);
            }
        }
        return w;
    }

    /**
     * What the cell's pool gives it.
     *
     * @param basinProb          basin_prob_pooled
     * @param runs               the OK runs behind it (pooled_runs)
     * @param perSeedPrediction  predicted_coverage_per_seed at the cell's width; NaN unless the
     *                           geometry is drawn per seed
     */
    record Pooled(double[] basinProb, long runs, double perSeedPrediction) {
    }

    /** The pooled values of a cell, or null when the cell has no basin shares. */
    Pooled pooled(CellStatistics c) {
        if (c.basinShares() == null) {
            return null;
        }
        Pool pool = pools.get(key(c));
        double[] p = new double[pool.sum.length];
        for (int l = 0; l < p.length; l++) {
            p[l] = pool.sum[l] / pool.nodes;
        }
        return new Pooled(p, pool.runs, pool.bySeed == null ? Double.NaN : pool.perSeedPrediction(width(c)));
    }

    /** Every parameter but width: cells with equal keys pool their basin probabilities. */
    private static List<Object> key(CellStatistics c) {
        List<Object> k = new ArrayList<>(c.params());
        k.remove(SpecKey.WIDTH.ordinal());
        return k;
    }

    private static int width(CellStatistics c) {
        return (Integer) c.params().get(SpecKey.WIDTH.ordinal());
    }

    /** The node-weighted sums of one pool, and per seed when the geometry is drawn per seed. */
    private static final class Pool {
        final double[] sum;
        long nodes;
        long runs;
        /** Null unless the geometry is drawn per seed; ordered by seed, for a reproducible sum. */
        Map<Long, SeedNodes> bySeed;

        Pool(int patterns) {
            sum = new double[patterns];
        }

        /** mean over seeds of mean_l [1 − (1 − p_{l,s})^width]. */
        double perSeedPrediction(int width) {
            double total = 0.0;
            for (SeedNodes s : bySeed.values()) {
                double[] p = new double[s.reaching.length];
                for (int l = 0; l < p.length; l++) {
                    p[l] = s.reaching[l] / s.nodes;
                }
                total += CellSummary.predictedCoverage(p, width);
            }
            return total / bySeed.size();
        }

        void add(CellStatistics c, double[] p) {
            if (p.length != sum.length) {
                throw new IllegalStateException("cells " + c.cellId() + " and another with the same patterns have "
                        + "basin shares of different lengths");
            }
            long cellNodes = c.basinRuns() * width(c);
            for (int l = 0; l < p.length; l++) {
                sum[l] += p[l] * cellNodes;
            }
            nodes += cellNodes;
            runs += c.basinRuns();
            Map<Long, double[]> shares = c.basinSharesBySeed();
            if (shares != null) {
                if (bySeed == null) {
                    bySeed = new TreeMap<>();
                }
                shares.forEach((seed, share) -> bySeed.computeIfAbsent(seed, k -> new SeedNodes(sum.length))
                        .add(share, width(c)));
            }
        }
    }

    /** Σ n_c·p_{c,s,l} (nodes reaching pattern l) and Σ n_c (nodes) over the runs of one seed. */
    private static final class SeedNodes {
        final double[] reaching;
        long nodes;

        SeedNodes(int patterns) {
            reaching = new double[patterns];
        }

        void add(double[] share, int width) {
            for (int l = 0; l < reaching.length; l++) {
                reaching[l] += share[l] * width;
            }
            nodes += width;
        }
    }
}
