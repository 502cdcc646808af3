package org.clsweep.jobs.sweep;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.posexplode;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.clsweep.jobs.output.OptimaTable;
import org.clsweep.jobs.output.OutputDirectory;
import org.clsweep.jobs.output.ResultTable;
import org.clsweep.jobs.output.RunsTable;
import org.clsweep.jobs.output.TokensTable;
import org.clsweep.jobs.output.TraceTable;

/**
 * The Spark side of a sweep, a thin adapter: a Dataset of {@link RunTask}s laid out by
 * {@link TaskLayout}, {@code mapPartitions(new SimulatePartition(broadcast plan))} into
 * {@link ResultTable} rows written once as Parquet, then split into the runs, optima, trace and
 * tokens tables. The caller labels the Spark jobs ({@link #jobGroup}).
 */
public final class SweepJob {
    /** Milliseconds between progress lines. */
    static final long PROGRESS_EVERY_MS = 2000;
    /** Runs per output file, roughly. */
    static final long ROWS_PER_FILE = 100_000;

    private SweepJob() {
    }

    /**
     * Runs every task and writes the result table.
     *
     * @param spark       the session
     * @param plan        the plan, broadcast to executors. Not modified.
     * @param tasks       the runs to do. Not modified.
     * @param resultPath  where to write the {@link ResultTable} (must not exist)
     * @param progress    where progress lines go, or null for none
     */
    public static void simulate(SparkSession spark, SweepPlan plan, List<RunTask> tasks, String resultPath,
                                PrintWriter progress) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        double[] costs = new double[tasks.size()];
        for (int i = 0; i < costs.length; i++) {
            costs[i] = TaskLayout.cost(plan.spec(tasks.get(i).getCellIndex()));
        }
        List<ArrayList<RunTask>> bins = TaskLayout.assign(tasks, costs,
                TaskLayout.binCount(tasks.size(), jsc.defaultParallelism()));
        JavaRDD<RunTask> laidOut = jsc.parallelize(bins, bins.size()).flatMap(new FlattenBin());
        Dataset<RunTask> input = spark.createDataset(laidOut.rdd(), RunTask.ENCODER);

        Broadcast<SweepPlan> bc = jsc.broadcast(plan);
        LongAccumulator done = jsc.sc().longAccumulator("runs done");
        LongAccumulator failed = jsc.sc().longAccumulator("runs failed");
        Dataset<Row> results = input.mapPartitions(new SimulatePartition(bc, done, failed),
                Encoders.row(ResultTable.schema()));
        if (progress == null) {
            results.write().mode(SaveMode.ErrorIfExists).parquet(resultPath);
        } else {
            try (ProgressReporter r = new ProgressReporter(plan.sweep(), tasks.size(), done::value,
                    failed::value, progress, PROGRESS_EVERY_MS)) {
                results.write().mode(SaveMode.ErrorIfExists).parquet(resultPath);
            }
        }
        bc.destroy();
    }

    /**
     * Splits a result table into the output tables. No shuffle: each file is sorted by cell index,
     * seed (and position within the run), and the files are fewer than the result's partitions
     * ({@value #ROWS_PER_FILE} runs per file or so). Readers that need an order ORDER BY.
     *
     * @param spark      the session
     * @param resultPath the result table written by {@link #simulate}
     * @param runs       the number of runs in the result
     * @param out        where the tables are staged: runs, optima, trace and tokens (the last
     *                   three written even when empty)
     */
    public static void split(SparkSession spark, String resultPath, long runs, OutputDirectory out) {
        Dataset<Row> result = spark.read().schema(ResultTable.schema()).parquet(resultPath);
        int files = (int) Math.max(1, Math.min(result.rdd().getNumPartitions(), runs / ROWS_PER_FILE + 1));
        Dataset<Row> few = result.coalesce(files);
        few.sortWithinPartitions(ResultTable.CELL_INDEX, RunsTable.SEED)
                .select(columns(RunsTable.schema().fieldNames()))
                .write().mode(SaveMode.ErrorIfExists).parquet(out.staged(OutputDirectory.RUNS));
        nested(few, ResultTable.OPTIMA, OptimaTable.struct().fieldNames()).write()
                .mode(SaveMode.ErrorIfExists).parquet(out.staged(OutputDirectory.OPTIMA));
        nested(few, ResultTable.TRACE, TraceTable.struct().fieldNames()).write()
                .mode(SaveMode.ErrorIfExists).parquet(out.staged(OutputDirectory.TRACE));
        nested(few, ResultTable.TOKENS, TokensTable.struct().fieldNames()).write()
                .mode(SaveMode.ErrorIfExists).parquet(out.staged(OutputDirectory.TOKENS));
    }

    /** The Spark job group id of a sweep's jobs. */
    public static String jobGroup(String sweep) {
        return "sweep-" + sweep;
    }

    private static Dataset<Row> nested(Dataset<Row> result, String arrayColumn, String[] fields) {
        Column[] cols = new Column[3 + fields.length];
        cols[0] = col(RunsTable.SWEEP);
        cols[1] = col(RunsTable.CELL_ID);
        cols[2] = col(RunsTable.SEED);
        for (int i = 0; i < fields.length; i++) {
            cols[3 + i] = col("col." + fields[i]).as(fields[i]);
        }
        // posexplode yields columns pos (position in the array) and col (the element)
        return result.select(col(RunsTable.SWEEP), col(RunsTable.CELL_ID), col(RunsTable.SEED),
                col(ResultTable.CELL_INDEX), posexplode(col(arrayColumn)))
                .sortWithinPartitions(ResultTable.CELL_INDEX, RunsTable.SEED, "pos")
                .select(cols);
    }

    private static Column[] columns(String[] names) {
        Column[] c = new Column[names.length];
        for (int i = 0; i < names.length; i++) {
            c[i] = col(names[i]);
        }
        return c;
    }
}
