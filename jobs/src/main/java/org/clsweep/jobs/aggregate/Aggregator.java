package org.clsweep.jobs.aggregate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.clsweep.data.experiment.RunMetric;
import org.clsweep.data.experiment.RunStatus;
import org.clsweep.data.spec.SpecKey;
import org.clsweep.jobs.output.Columns;
import org.clsweep.jobs.output.RunsTable;

/**
 * Computes the aggregates table from a runs table. One pass over the runs builds, per partition,
 * the running statistics of each cell ({@link CellStatistics}: counts, Welford moments of each
 * metric over OK runs, basin share sums); the driver merges the partitions' statistics in
 * partition order and finishes the one-row-per-cell results (Student t intervals, pooled basin
 * probabilities, coverage predictions — see {@link CellSummary} and {@link AggregatesTable}), so
 * the driver holds one object per cell and partition, never a run's row (only each cell's seeds,
 * to count distinct runs, as ranges ({@link org.clsweep.jobs.spec.SeedTally}): a few numbers for
 * consecutive seeds; and, where the geometry is drawn per seed, each seed's basin share sums: a
 * map entry and 2L + 1 numbers per run). Plain Java over the rows
 * rather than SQL aggregates: Spark would generate and compile code for the hundred aggregate
 * expressions on every sweep, which costs more than the aggregation itself. Rows are sorted by
 * parameter values, in SpecKey order.
 */
public final class Aggregator {
    private Aggregator() {
    }

    /**
     * The aggregates of a runs table and what was counted on the way.
     *
     * @param table  the aggregates ({@link AggregatesTable#schema()}), one row per cell
     * @param counts the counts of the runs table
     */
    public record Aggregates(Dataset<Row> table, RunCounts counts) {
    }

    /**
     * Aggregates a runs table and writes the aggregates table as one Parquet file.
     *
     * @param runs           a runs table, as read
     * @param aggregatesPath where to write (must not exist)
     * @return the counts of the runs table
     * @throws IllegalArgumentException naming the column if the runs table lacks one
     */
    public static RunCounts write(SparkSession spark, Dataset<Row> runs, String aggregatesPath) {
        Aggregates a = aggregate(spark, runs);
        a.table().coalesce(1).write().mode(SaveMode.ErrorIfExists).parquet(aggregatesPath);
        return a.counts();
    }

    /**
     * @param runs a runs table ({@link RunsTable#schema()} columns)
     * @throws IllegalArgumentException naming the column if the runs table lacks one
     */
    public static Aggregates aggregate(SparkSession spark, Dataset<Row> runs) {
        CellStatistics.RowLayout columns = CellStatistics.RowLayout.of(runs.schema());
        Map<String, CellStatistics> cells = new LinkedHashMap<>();
        for (Map<String, CellStatistics> part : runs.toJavaRDD().mapPartitions(new PerPartition(columns)).collect()) {
            for (CellStatistics c : part.values()) {
                CellStatistics seen = cells.putIfAbsent(c.cellId(), c);
                if (seen != null) {
                    seen.merge(c);
                }
            }
        }
        List<CellStatistics> stats = new ArrayList<>(cells.values());
        return new Aggregates(spark.createDataFrame(finish(stats), AggregatesTable.schema()), countRuns(stats));
    }

    /** The statistics of each cell in one partition of the runs: one map per partition. */
    private static final class PerPartition
            implements FlatMapFunction<Iterator<Row>, Map<String, CellStatistics>> {
        private static final long serialVersionUID = 1L;
        private final CellStatistics.RowLayout columns;

        PerPartition(CellStatistics.RowLayout columns) {
            this.columns = columns;
        }

        @Override
        public Iterator<Map<String, CellStatistics>> call(Iterator<Row> rows) {
            Map<String, CellStatistics> cells = new LinkedHashMap<>();
            while (rows.hasNext()) {
                Row r = rows.next();
                cells.computeIfAbsent(r.getString(columns.cellId()), k -> CellStatistics.of(r, columns)).add(r, columns);
            }
            return List.of(cells).iterator();
        }
    }

    private static RunCounts countRuns(List<CellStatistics> stats) {
        long rows = 0;
        long distinct = 0;
        Map<RunStatus, Long> byStatus = new EnumMap<>(RunStatus.class);
        for (CellStatistics s : stats) {
            rows += s.rows();
            distinct += s.distinctSeeds();
            for (RunStatus st : RunStatus.values()) {
                byStatus.merge(st, s.count(st), Long::sum);
            }
        }
        return new RunCounts(stats.size(), rows, distinct, byStatus);
    }

    /** The driver-side part: one output row per cell ({@link AggregatesTable#schema()}), in {@link #ORDER}. */
    static List<Row> finish(List<CellStatistics> stats) {
        List<CellStatistics> cells = new ArrayList<>(stats);
        cells.sort(ORDER);

        WidthPools pools = WidthPools.of(cells);
        List<Row> out = new ArrayList<>(cells.size());
        for (CellStatistics c : cells) {
            List<Object> v = new ArrayList<>(AggregatesTable.schema().size());
            v.add(c.sweep());
            v.add(c.cellId());
            for (Object p : c.params()) {
                v.add(Columns.external(p));
            }
            v.add(c.rows());
            v.add(c.count(RunStatus.OK));
            v.add(c.count(RunStatus.DIVERGED));
            v.add(c.count(RunStatus.FAILED));
            for (RunMetric m : RunMetric.values()) {
                double mean = c.mean(m);
                double std = c.std(m);
                double half = Double.isNaN(std) ? Double.NaN : CellSummary.ciHalfWidth(std, c.n(m));
                v.add(Columns.orNull(mean));
                v.add(Columns.orNull(std));
                v.add(Double.isNaN(half) ? null : mean - half);
                v.add(Double.isNaN(half) ? null : mean + half);
            }
            int width = (Integer) c.params().get(SpecKey.WIDTH.ordinal());
            double[] p = c.basinShares();
            v.add(p);
            v.add(p == null ? null : Columns.orNull(CellSummary.predictedCoverage(p, width)));
            WidthPools.Pooled pooled = pools.pooled(c);
            if (pooled == null) {
                v.add(null);
                v.add(null);
                v.add(null);
                v.add(null);
            } else {
                v.add(pooled.basinProb());
                v.add(Columns.orNull(CellSummary.predictedCoverage(pooled.basinProb(), width)));
                v.add(pooled.runs());
                v.add(Columns.orNull(pooled.perSeedPrediction()));
            }
            out.add(RowFactory.create(v.toArray()));
        }
        return out;
    }

    /** By parameter values in SpecKey order, then cell id. */
    private static final Comparator<CellStatistics> ORDER = (a, b) -> {
        for (int i = 0; i < a.params().size(); i++) {
            int c = compare(a.params().get(i), b.params().get(i));
            if (c != 0) {
                return c;
            }
        }
        return a.cellId().compareTo(b.cellId());
    };

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object x, Object y) {
        if (x instanceof Comparable cx && x.getClass() == y.getClass()) {
            return cx.compareTo(y);
        }
        return String.valueOf(x).compareTo(String.valueOf(y));
    }
}
