package org.clsweep.jobs.regress.results;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.clsweep.jobs.output.FileSystems;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StructType;
import org.clsweep.data.experiment.RunMetric;
import org.clsweep.data.experiment.RunStatus;
import org.clsweep.data.spec.SpecKey;
import org.clsweep.jobs.aggregate.AggregatesTable;
import org.clsweep.jobs.output.OutputDirectory;
import org.clsweep.jobs.output.RunsTable;
import org.clsweep.jobs.regress.UnusableInputException;

/**
 * Reads one side of the comparison from a sweep output directory: per cell, the run counts by
 * status and a sample of every metric over the OK runs. Cells are keyed by their values on the
 * given grid axes. A thin Spark adapter: one grouped aggregation, one row per cell collected to
 * the driver.
 *
 * <pre>
 *   runs/ present (preferred): per-seed values
 *     SELECT axes…, first(cell_id), Σ[status = OK], Σ[status = DIVERGED], Σ[status = FAILED],
 *            collect_list(CASE WHEN status = OK THEN metric END) per metric
 *     FROM runs GROUP BY axes…
 *   else aggregates/: mean and std only
 *     SELECT axes…, cell_id, n_ok, n_diverged, n_failed, metric_mean, metric_std per metric
 *     n of a metric = n_ok where metric_mean is not NULL, else 0
 * </pre>
 *
 * The aggregates hold no per-metric count, so a metric that is NULL in some OK runs of a cell is
 * taken with n = n_ok there: prefer baselines that keep {@code runs/}.
 */
public final class SweepResultsReader {
    private static final String RUNS = OutputDirectory.RUNS;
    private static final String AGGREGATES = OutputDirectory.AGGREGATES;
    private static final String CELL_ID = RunsTable.CELL_ID;
    private static final String STATUS = RunsTable.STATUS;
    private static final String N_OK = AggregatesTable.N_OK;
    private static final String N_DIVERGED = AggregatesTable.N_DIVERGED;
    private static final String N_FAILED = AggregatesTable.N_FAILED;
    private static final String MEAN = AggregatesTable.MEAN;
    private static final String STD = AggregatesTable.STD;

    private SweepResultsReader() {
    }

    /**
     * @param spark   the session
     * @param dir     the sweep output directory (any Hadoop path)
     * @param role    "baseline" or "current run", for messages
     * @param axes    the grid axes (dotted spec keys) that identify a cell
     * @param metrics the metrics to read; a metric without a column has no values
     * @throws UnusableInputException when the directory has neither a readable, non-empty runs table
     *                                nor aggregates table
     */
    public static SweepResults read(SparkSession spark, String dir, String role, List<String> axes,
                                    List<RunMetric> metrics) {
        String runsPath = new Path(dir, RUNS).toString();
        if (exists(spark, runsPath)) {
            return fromRuns(open(spark, runsPath, role, "runs", axes, List.of(CELL_ID, STATUS)), runsPath,
                    role, axes, metrics);
        }
        String aggPath = new Path(dir, AGGREGATES).toString();
        if (exists(spark, aggPath)) {
            return fromAggregates(open(spark, aggPath, role, "aggregates", axes,
                    List.of(CELL_ID, N_OK, N_DIVERGED, N_FAILED)), aggPath, role, axes, metrics);
        }
        throw new UnusableInputException(role + " " + dir + " has neither " + RUNS + "/ nor " + AGGREGATES
                + "/: not a sweep output directory");
    }

    /** Reads a table and checks that it is non-empty and has the key columns and the axes. */
    private static Dataset<Row> open(SparkSession spark, String path, String role, String table, List<String> axes,
                                     List<String> keys) {
        Dataset<Row> t;
        long rows;
        try {
            t = spark.read().parquet(path);
            rows = t.count();
        } catch (Exception e) { // Spark throws SparkException undeclared
            throw new UnusableInputException("cannot read the " + role + "'s " + table + " table " + path + ": "
                    + rootMessage(e), e);
        }
        if (rows == 0) {
            throw new UnusableInputException("the " + role + "'s " + table + " table " + path + " is empty");
        }
        List<String> columns = Arrays.asList(t.columns());
        List<String> required = new ArrayList<>(keys);
        for (String axis : axes) {
            required.add(column(axis));
        }
        for (String c : required) {
            if (!columns.contains(c)) {
                throw new UnusableInputException("the " + role + "'s " + table + " table " + path + " has no column "
                        + c + "; columns: " + columns);
            }
        }
        return t;
    }

    private static SweepResults fromRuns(Dataset<Row> runs, String runsPath, String role,
                                         List<String> axes, List<RunMetric> metrics) {
        List<String> columns = Arrays.asList(runs.columns());
        List<Column> groupBy = new ArrayList<>();
        for (String axis : axes) {
            groupBy.add(col(column(axis)));
        }
        List<Column> aggs = new ArrayList<>();
        aggs.add(count(RunStatus.OK).as("n_ok"));
        aggs.add(count(RunStatus.DIVERGED).as("n_diverged"));
        aggs.add(count(RunStatus.FAILED).as("n_failed"));
        List<RunMetric> present = new ArrayList<>();
        for (RunMetric m : metrics) {
            if (columns.contains(m.column())) {
                present.add(m);
                aggs.add(collect_list(when(col(STATUS).equalTo(RunStatus.OK.name()), col(m.column()).cast("double")))
                        .as(m.column()));
            }
        }
        List<Row> cells;
        try {
            cells = runs.groupBy(groupBy.toArray(new Column[0]))
                    .agg(first(col(CELL_ID)).as(CELL_ID), aggs.toArray(new Column[0]))
                    .orderBy(groupBy.toArray(new Column[0]))
                    .collectAsList();
        } catch (Exception e) { // Spark throws SparkException undeclared
            throw new UnusableInputException("cannot read the " + role + "'s runs table " + runsPath + ": "
                    + rootMessage(e), e);
        }
        List<CellResults> out = new ArrayList<>(cells.size());
        for (Row r : cells) {
            Map<String, String> coordinates = new LinkedHashMap<>();
            for (String axis : axes) {
                coordinates.put(axis, text(r, r.fieldIndex(column(axis))));
            }
            Map<String, MetricSample> samples = new LinkedHashMap<>();
            for (RunMetric m : present) {
                List<Object> values = r.getList(r.fieldIndex(m.column()));
                double[] v = new double[values.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = ((Number) values.get(i)).doubleValue();
                }
                samples.put(m.column(), MetricSample.ofValues(v));
            }
            out.add(new CellResults(coordinates, r.getString(r.fieldIndex(CELL_ID)),
                    (int) r.getLong(r.fieldIndex("n_ok")), (int) r.getLong(r.fieldIndex("n_diverged")),
                    (int) r.getLong(r.fieldIndex("n_failed")), samples));
        }
        return new SweepResults(SweepResults.Source.RUNS, out);
    }

    private static SweepResults fromAggregates(Dataset<Row> agg, String aggPath, String role, List<String> axes,
                                               List<RunMetric> metrics) {
        List<String> columns = Arrays.asList(agg.columns());
        List<Column> sorted = new ArrayList<>();
        for (String axis : axes) {
            sorted.add(col(column(axis)));
        }
        List<Row> rows;
        try {
            rows = agg.orderBy(sorted.toArray(new Column[0])).collectAsList();
        } catch (Exception e) { // Spark throws SparkException undeclared
            throw new UnusableInputException("cannot read the " + role + "'s aggregates table " + aggPath + ": "
                    + rootMessage(e), e);
        }
        List<CellResults> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            Map<String, String> coordinates = new LinkedHashMap<>();
            for (String axis : axes) {
                coordinates.put(axis, text(r, r.fieldIndex(column(axis))));
            }
            int ok = (int) r.getLong(r.fieldIndex(N_OK));
            Map<String, MetricSample> samples = new LinkedHashMap<>();
            for (RunMetric m : metrics) {
                String mean = m.column() + MEAN;
                String std = m.column() + STD;
                if (!columns.contains(mean) || !columns.contains(std) || r.isNullAt(r.fieldIndex(mean))) {
                    continue;
                }
                double sd = r.isNullAt(r.fieldIndex(std)) ? Double.NaN : r.getDouble(r.fieldIndex(std));
                samples.put(m.column(), MetricSample.ofSummary(ok, r.getDouble(r.fieldIndex(mean)), sd));
            }
            out.add(new CellResults(coordinates, r.getString(r.fieldIndex(CELL_ID)), ok,
                    (int) r.getLong(r.fieldIndex(N_DIVERGED)), (int) r.getLong(r.fieldIndex(N_FAILED)), samples));
        }
        return new SweepResults(SweepResults.Source.AGGREGATES, out);
    }

    /** The table column of a dotted spec key: dots become underscores. */
    static String column(String key) {
        return SpecKey.byKey(key).map(SpecKey::column).orElseGet(() -> key.replace('.', '_'));
    }

    private static Column count(RunStatus s) {
        return sum(when(col(STATUS).equalTo(s.name()), lit(1L)).otherwise(lit(0L)));
    }

    private static String text(Row r, int i) {
        if (r.isNullAt(i)) {
            return "null";
        }
        StructType schema = r.schema();
        if (schema.fields()[i].dataType() instanceof ArrayType) {
            return r.getList(i).toString();
        }
        return String.valueOf(r.get(i));
    }

    static boolean exists(SparkSession spark, String path) {
        try {
            Path p = new Path(path);
            FileSystem fs = FileSystems.of(p, spark.sparkContext().hadoopConfiguration());
            return fs.exists(p);
        } catch (IOException | IllegalArgumentException e) {
            throw new UnusableInputException("cannot access " + path + ": " + e.getMessage(), e);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
