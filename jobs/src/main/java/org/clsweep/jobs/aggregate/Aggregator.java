package org.clsweep.jobs.aggregate;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.clsweep.data.experiment.RunMetric;
import org.clsweep.data.experiment.RunStatus;
import org.clsweep.jobs.output.Columns;
import org.clsweep.jobs.output.RunsTable;
import org.clsweep.jobs.spec.Parameter;

/**
 * Computes the aggregates table from a runs table. Spark reduces the runs per cell (counts, mean,
 * sample std and count of each metric over OK runs; mean basin share per pattern); the driver
 * then finishes the one-row-per-cell results (Student t intervals, pooled basin probabilities,
 * coverage predictions — see {@link CellSummary} and {@link AggregatesTable}), so the driver holds
 * one row per cell, never one per run. Rows are sorted by parameter values, in Parameter order.
 */
public final class Aggregator {
    private static final String COUNT = "_n";
    private static final String DISTINCT_SEEDS = "distinct_seeds";
    private static final String POS = "pos";
    private static final String SHARE = "col";

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
     * Reads a runs table, aggregates it and writes the aggregates table as one Parquet file.
     *
     * @param runsPath       a runs table
     * @param aggregatesPath where to write (must not exist)
     * @return the counts of the runs table
     * @throws IllegalArgumentException naming the column if the runs table lacks one
     */
    public static RunCounts write(SparkSession spark, String runsPath, String aggregatesPath) {
        Aggregates a = aggregate(spark, spark.read().parquet(runsPath));
        a.table().coalesce(1).write().mode(SaveMode.ErrorIfExists).parquet(aggregatesPath);
        return a.counts();
    }

    /**
     * @param runs a runs table ({@link RunsTable#schema()} columns)
     */
    public static Aggregates aggregate(SparkSession spark, Dataset<Row> runs) {
        for (StructField f : RunsTable.schema().fields()) {
            if (!Arrays.asList(runs.columns()).contains(f.name())) {
                throw new IllegalArgumentException("the runs table has no column " + f.name()
                        + " (written by another clsweep version?)");
            }
        }
        Column ok = col(RunsTable.STATUS).equalTo(lit(RunStatus.OK.name()));
        List<Column> aggs = new ArrayList<>();
        aggs.add(count(lit(1)).as(AggregatesTable.N_RUNS));
        aggs.add(countWhere(ok).as(AggregatesTable.N_OK));
        aggs.add(countWhere(col(RunsTable.STATUS).equalTo(lit(RunStatus.DIVERGED.name())))
                .as(AggregatesTable.N_DIVERGED));
        aggs.add(countWhere(col(RunsTable.STATUS).equalTo(lit(RunStatus.FAILED.name()))).as(AggregatesTable.N_FAILED));
        // size(collect_set) rather than countDistinct, which costs Spark an extra shuffle
        aggs.add(size(collect_set(col(RunsTable.SEED))).cast("long").as(DISTINCT_SEEDS));
        for (Parameter p : Parameter.values()) {
            aggs.add(first(col(p.column())).as(p.column()));
        }
        for (RunMetric m : RunMetric.values()) {
            Column v = when(ok, col(m.column()));
            aggs.add(avg(v).as(m.column() + AggregatesTable.MEAN));
            aggs.add(stddev_samp(v).as(m.column() + AggregatesTable.STD));
            aggs.add(count(v).as(m.column() + COUNT));
        }
        List<Row> stats = runs.groupBy(col(RunsTable.SWEEP), col(RunsTable.CELL_ID))
                .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0]))
                .collectAsList();

        Map<String, double[]> basin = new HashMap<>();
        Map<String, Long> basinRuns = new HashMap<>();
        List<Row> shares = runs.filter(ok.and(col(RunsTable.PATTERN_BASIN_SHARE).isNotNull()))
                .select(col(RunsTable.CELL_ID), posexplode(col(RunsTable.PATTERN_BASIN_SHARE)))
                .groupBy(col(RunsTable.CELL_ID), col(POS))
                .agg(avg(col(SHARE)).as(SHARE), count(lit(1)).as(COUNT))
                .collectAsList();
        for (Row r : shares) {
            String cell = r.getString(0);
            int pos = r.getInt(1);
            double[] p = basin.computeIfAbsent(cell, k -> new double[0]);
            if (p.length <= pos) {
                p = Arrays.copyOf(p, pos + 1);
                basin.put(cell, p);
            }
            p[pos] = r.getDouble(2);
            basinRuns.put(cell, r.getLong(3));
        }
        return new Aggregates(spark.createDataFrame(finish(stats, basin, basinRuns), AggregatesTable.schema()),
                countRuns(stats));
    }

    private static RunCounts countRuns(List<Row> stats) {
        long rows = 0;
        long distinct = 0;
        Map<RunStatus, Long> byStatus = new EnumMap<>(RunStatus.class);
        for (Row s : stats) {
            rows += s.<Long>getAs(AggregatesTable.N_RUNS);
            distinct += s.<Long>getAs(DISTINCT_SEEDS);
            byStatus.merge(RunStatus.OK, s.<Long>getAs(AggregatesTable.N_OK), Long::sum);
            byStatus.merge(RunStatus.DIVERGED, s.<Long>getAs(AggregatesTable.N_DIVERGED), Long::sum);
            byStatus.merge(RunStatus.FAILED, s.<Long>getAs(AggregatesTable.N_FAILED), Long::sum);
        }
        return new RunCounts(stats.size(), rows, distinct, byStatus);
    }

    private static Column countWhere(Column condition) {
        return sum(when(condition, lit(1L)).otherwise(lit(0L)));
    }

    /** The driver-side part: one output row per cell. */
    private static List<Row> finish(List<Row> stats, Map<String, double[]> basin, Map<String, Long> basinRuns) {
        List<Cell> cells = new ArrayList<>(stats.size());
        for (Row s : stats) {
            cells.add(new Cell(s, params(s)));
        }
        cells.sort(Cell.ORDER);

        // pooled basin probabilities over cells that differ only in width, node-weighted
        Map<List<Object>, double[]> pooledSum = new HashMap<>();
        Map<List<Object>, long[]> pooledNodesRuns = new HashMap<>();
        for (Cell c : cells) {
            double[] p = basin.get(c.id());
            if (p == null) {
                continue;
            }
            long runs = basinRuns.get(c.id());
            long nodes = runs * (Integer) c.params().get(Parameter.WIDTH.ordinal());
            double[] sumP = pooledSum.computeIfAbsent(c.poolKey(), k -> new double[p.length]);
            long[] nr = pooledNodesRuns.computeIfAbsent(c.poolKey(), k -> new long[2]);
            if (sumP.length != p.length) {
                throw new IllegalStateException("cells " + c.id() + " and another with the same patterns have "
                        + "basin shares of different lengths");
            }
            for (int l = 0; l < p.length; l++) {
                sumP[l] += p[l] * nodes;
            }
            nr[0] += nodes;
            nr[1] += runs;
        }

        List<Row> out = new ArrayList<>(cells.size());
        for (Cell c : cells) {
            Row s = c.stats();
            List<Object> v = new ArrayList<>(AggregatesTable.schema().size());
            v.add(s.getAs(RunsTable.SWEEP));
            v.add(c.id());
            for (Object p : c.params()) {
                v.add(Columns.external(p));
            }
            v.add(s.<Long>getAs(AggregatesTable.N_RUNS));
            v.add(s.<Long>getAs(AggregatesTable.N_OK));
            v.add(s.<Long>getAs(AggregatesTable.N_DIVERGED));
            v.add(s.<Long>getAs(AggregatesTable.N_FAILED));
            for (RunMetric m : RunMetric.values()) {
                Double mean = s.getAs(m.column() + AggregatesTable.MEAN);
                Double std = s.getAs(m.column() + AggregatesTable.STD);
                long n = s.<Long>getAs(m.column() + COUNT);
                double half = std == null ? Double.NaN : CellSummary.ciHalfWidth(std, n);
                v.add(mean);
                v.add(n < 2 ? null : std);
                v.add(Double.isNaN(half) ? null : mean - half);
                v.add(Double.isNaN(half) ? null : mean + half);
            }
            int width = (Integer) c.params().get(Parameter.WIDTH.ordinal());
            double[] p = basin.get(c.id());
            v.add(p);
            v.add(p == null ? null : Columns.orNull(CellSummary.predictedCoverage(p, width)));
            double[] sumP = pooledSum.get(c.poolKey());
            if (p == null || sumP == null) {
                v.add(null);
                v.add(null);
                v.add(null);
            } else {
                long[] nr = pooledNodesRuns.get(c.poolKey());
                double[] pooled = new double[sumP.length];
                for (int l = 0; l < pooled.length; l++) {
                    pooled[l] = sumP[l] / nr[0];
                }
                v.add(pooled);
                v.add(Columns.orNull(CellSummary.predictedCoverage(pooled, width)));
                v.add(nr[1]);
            }
            out.add(RowFactory.create(v.toArray()));
        }
        return out;
    }

    /** Parameter values of a stats row in Parameter order; array columns as Java lists. */
    private static List<Object> params(Row s) {
        List<Object> out = new ArrayList<>();
        for (Parameter p : Parameter.values()) {
            int i = s.fieldIndex(p.column());
            out.add(p.type() == Parameter.Type.STRING_LIST ? List.copyOf(s.<String>getList(i)) : s.get(i));
        }
        return out;
    }

    /** A cell's stats row with its parameter values. */
    private record Cell(Row stats, List<Object> params) {
        static final Comparator<Cell> ORDER = (a, b) -> {
            for (int i = 0; i < a.params.size(); i++) {
                int c = compare(a.params.get(i), b.params.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return a.id().compareTo(b.id());
        };

        String id() {
            return stats.getAs(RunsTable.CELL_ID);
        }

        /** Every parameter but width: cells with equal keys pool their basin probabilities. */
        List<Object> poolKey() {
            List<Object> k = new ArrayList<>(params);
            k.remove(Parameter.WIDTH.ordinal());
            return k;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static int compare(Object x, Object y) {
            if (x instanceof Comparable cx && x.getClass() == y.getClass()) {
                return cx.compareTo(y);
            }
            return String.valueOf(x).compareTo(String.valueOf(y));
        }
    }
}
