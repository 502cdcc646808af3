package org.clsweep.jobs.aggregate;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.clsweep.data.experiment.RunMetric;
import org.clsweep.data.experiment.RunStatus;
import org.clsweep.data.spec.GeometryKind;
import org.clsweep.data.spec.SpecKey;
import org.clsweep.jobs.output.RunsTable;
import org.clsweep.jobs.spec.SeedTally;

/**
 * The running statistics of one cell's rows of a runs table: what {@link Aggregator} needs, in a
 * form that can be built per partition and merged.
 *
 * <pre>
 *   counts        rows, rows per status, distinct seeds
 *   per metric m  over the OK rows where m is set: n, mean, M2 = Σ (x − mean)²
 *                 (Welford's update per value; Chan et al.'s formula to merge two parts:
 *                  n = na + nb, δ = mean_b − mean_a, mean = mean_a + δ·nb/n,
 *                  M2 = M2a + M2b + δ²·na·nb/n);  sample std = √(M2 / (n − 1))
 *   basin shares  over the OK rows with a pattern_basin_share array: per position l the sum and
 *                 count of the set values (mean = sum / count), and the number of such rows;
 *                 the same per seed when the cell's geometry is drawn per seed
 *                 ({@link GeometryKind#drawnPerSeed()}), whose patterns differ between seeds
 *   parameters    the values of the cell's first row (every row of a cell has the same)
 * </pre>
 */
final class CellStatistics implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String sweep;
    private final String cellId;
    private final List<Object> params;
    private final long[] byStatus = new long[RunStatus.values().length];
    private final SeedTally seeds = new SeedTally();
    private final long[] n = new long[RunMetric.values().length];
    private final double[] mean = new double[RunMetric.values().length];
    private final double[] m2 = new double[RunMetric.values().length];
    private final ShareSums shares = new ShareSums();
    /** Null unless the geometry is drawn per seed. */
    private final Map<Long, ShareSums> sharesBySeed;

    private CellStatistics(String sweep, String cellId, List<Object> params) {
        this.sweep = sweep;
        this.cellId = cellId;
        this.params = params;
        String kind = (String) params.get(SpecKey.GEOMETRY_KIND.ordinal());
        this.sharesBySeed = GeometryKind.valueOf(kind.toUpperCase(Locale.ROOT)).drawnPerSeed() ? new HashMap<>() : null;
    }

    /** Where the columns {@link CellStatistics} reads are in a runs table's rows. */
    record RowLayout(int sweep, int cellId, int seed, int status, int[] params, int[] metrics, int share)
            implements Serializable {
        /** @throws IllegalArgumentException naming the column if the schema lacks one */
        static RowLayout of(StructType schema) {
            for (String name : RunsTable.schema().fieldNames()) {
                if (!Arrays.asList(schema.fieldNames()).contains(name)) {
                    throw new IllegalArgumentException("the runs table has no column " + name
                            + " (written by another clsweep version?)");
                }
            }
            int[] params = new int[SpecKey.values().length];
            for (SpecKey p : SpecKey.values()) {
                params[p.ordinal()] = schema.fieldIndex(p.column());
            }
            int[] metrics = new int[RunMetric.values().length];
            for (RunMetric m : RunMetric.values()) {
                metrics[m.ordinal()] = schema.fieldIndex(m.column());
            }
            return new RowLayout(schema.fieldIndex(RunsTable.SWEEP), schema.fieldIndex(RunsTable.CELL_ID),
                    schema.fieldIndex(RunsTable.SEED), schema.fieldIndex(RunsTable.STATUS), params, metrics,
                    schema.fieldIndex(RunsTable.PATTERN_BASIN_SHARE));
        }
    }

    /** Empty statistics for the cell of {@code row}, with its parameter values. */
    static CellStatistics of(Row row, RowLayout c) {
        List<Object> params = new ArrayList<>(c.params().length);
        for (SpecKey p : SpecKey.values()) {
            int i = c.params()[p.ordinal()];
            boolean list = p.type() == SpecKey.Type.STRING_LIST || p.type() == SpecKey.Type.INT_LIST;
            params.add(list ? List.copyOf(row.getList(i)) : row.get(i));
        }
        return new CellStatistics(row.getString(c.sweep()), row.getString(c.cellId()), params);
    }

    /** Adds one row of this cell. */
    void add(Row row, RowLayout c) {
        long seed = row.getLong(c.seed());
        seeds.add(seed);
        RunStatus status = RunStatus.valueOf(row.getString(c.status()));
        byStatus[status.ordinal()]++;
        if (status != RunStatus.OK) {
            return;
        }
        for (RunMetric m : RunMetric.values()) {
            int i = c.metrics()[m.ordinal()];
            if (!row.isNullAt(i)) {
                int k = m.ordinal();
                double x = ((Number) row.get(i)).doubleValue();
                n[k]++;
                double delta = x - mean[k];
                mean[k] += delta / n[k];
                m2[k] += delta * (x - mean[k]);
            }
        }
        if (!row.isNullAt(c.share())) {
            List<Double> share = row.getList(c.share());
            shares.add(share);
            if (sharesBySeed != null) {
                sharesBySeed.computeIfAbsent(seed, k -> new ShareSums()).add(share);
            }
        }
    }

    /** Adds the rows counted in {@code other}, a part of the same cell. */
    void merge(CellStatistics other) {
        seeds.merge(other.seeds);
        for (int s = 0; s < byStatus.length; s++) {
            byStatus[s] += other.byStatus[s];
        }
        for (int k = 0; k < n.length; k++) {
            long na = n[k];
            long nb = other.n[k];
            if (nb == 0) {
                continue;
            }
            long total = na + nb;
            double delta = other.mean[k] - mean[k];
            mean[k] += delta * nb / total;
            m2[k] += other.m2[k] + delta * delta * ((double) na * nb / total);
            n[k] = total;
        }
        shares.merge(other.shares);
        if (sharesBySeed != null) {
            other.sharesBySeed.forEach((seed, s) -> sharesBySeed.computeIfAbsent(seed, k -> new ShareSums()).merge(s));
        }
    }

    String sweep() {
        return sweep;
    }

    String cellId() {
        return cellId;
    }

    /** SpecKey values in SpecKey order; lists for list parameters. */
    List<Object> params() {
        return params;
    }

    /** Rows of every status. */
    long rows() {
        long rows = 0;
        for (long k : byStatus) {
            rows += k;
        }
        return rows;
    }

    long distinctSeeds() {
        return seeds.distinct();
    }

    long count(RunStatus s) {
        return byStatus[s.ordinal()];
    }

    /** OK rows where the metric is set. */
    long n(RunMetric m) {
        return n[m.ordinal()];
    }

    /** The mean over {@link #n}, NaN when n = 0. */
    double mean(RunMetric m) {
        return n[m.ordinal()] == 0 ? Double.NaN : mean[m.ordinal()];
    }

    /** The sample standard deviation over {@link #n}, NaN when n &lt; 2. */
    double std(RunMetric m) {
        long k = n[m.ordinal()];
        return k < 2 ? Double.NaN : Math.sqrt(Math.max(0.0, m2[m.ordinal()]) / (k - 1));
    }

    /** Mean basin share per pattern over the OK rows that have shares, or null when none has any. */
    double[] basinShares() {
        return shares.mean();
    }

    /** OK rows with a basin share array. */
    long basinRuns() {
        return shares.runs;
    }

    /**
     * Per seed, the mean basin share per pattern over that seed's OK rows with shares (null
     * entries: as {@link #basinShares()}); null when the geometry is not drawn per seed.
     */
    Map<Long, double[]> basinSharesBySeed() {
        if (sharesBySeed == null) {
            return null;
        }
        Map<Long, double[]> bySeed = new HashMap<>();
        sharesBySeed.forEach((seed, s) -> bySeed.put(seed, s.mean()));
        return bySeed;
    }

    /** Sums of basin share arrays: per position l the sum and count of the set values, and the arrays added. */
    private static final class ShareSums implements Serializable {
        private static final long serialVersionUID = 1L;
        private double[] sum = new double[0];
        private long[] count = new long[0];
        private long runs;

        void add(List<Double> share) {
            grow(share.size());
            for (int l = 0; l < share.size(); l++) {
                Double x = share.get(l);
                if (x != null) {
                    sum[l] += x;
                    count[l]++;
                }
            }
            runs++;
        }

        void merge(ShareSums other) {
            grow(other.sum.length);
            for (int l = 0; l < other.sum.length; l++) {
                sum[l] += other.sum[l];
                count[l] += other.count[l];
            }
            runs += other.runs;
        }

        /** sum / count per position (NaN where nothing was set), or null when no array was added. */
        double[] mean() {
            if (runs == 0 || sum.length == 0) {
                return null;
            }
            double[] p = new double[sum.length];
            for (int l = 0; l < p.length; l++) {
                p[l] = count[l] == 0 ? Double.NaN : sum[l] / count[l];
            }
            return p;
        }

        private void grow(int length) {
            if (sum.length < length) {
                sum = Arrays.copyOf(sum, length);
                count = Arrays.copyOf(count, length);
            }
        }
    }
}
