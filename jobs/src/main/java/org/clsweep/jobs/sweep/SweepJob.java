package org.clsweep.jobs.sweep;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.row_number;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import org.clsweep.jobs.grid.Cell;
import org.clsweep.jobs.output.OptimaTable;
import org.clsweep.jobs.output.OutputDirectory;
import org.clsweep.jobs.output.ResultParts;
import org.clsweep.jobs.output.ResultTable;
import org.clsweep.jobs.output.RunsTable;
import org.clsweep.jobs.output.TokensTable;
import org.clsweep.jobs.output.TraceTable;
import org.clsweep.jobs.spec.SeedRanges;

/**
 * The Spark side of a sweep, a thin adapter.
 *
 * <p>{@link #simulate}: every bin of {@link RunSegment}s ({@link TaskLayout}) is one Spark job of one
 * task, {@code parallelize(bin, 1).mapPartitions(new SimulatePartition(broadcast plan, part))} into
 * {@link ResultTable}
 * rows written as Parquet to the part's own new directory and then committed by the part's
 * commit record ({@link ResultParts}). Up to two jobs per task slot are in flight, so a free core
 * always finds the next bin queued; bins are submitted heaviest first. Spark's output commit
 * protocol keeps one attempt's file per task (a retried or speculative task adds nothing), and a
 * bin's rows count only once its commit record names them.
 *
 * <p>{@link #compact}: reads every committed part, keeps one row per (cell, seed) — the row of the
 * latest part — when parts overlap, and writes the runs table, then the optima, trace and tokens
 * tables and whatever reads the runs table (aggregation) as concurrent jobs.
 */
public final class SweepJob {
    /** Milliseconds between progress lines. */
    static final long PROGRESS_EVERY_MS = 2000;
    /** Runs per output file, roughly. */
    static final long ROWS_PER_FILE = 100_000;
    /**
     * The Parquet codec of result parts: zstd keeps {@code _results} no larger than the tables
     * (snappy) it is compacted into, for a fraction of a second of CPU per 100 000 runs.
     */
    static final String PART_CODEC = "zstd";
    /** Spark jobs in flight per task slot. */
    static final int JOBS_PER_SLOT = 2;
    /** The column the compaction adds: the cell's index in the current spec, the files' sort order. */
    static final String CELL_INDEX = "cell_index";
    private static final String RANK = "_rank";
    /** The columns posexplode yields: the position in the array and the element. */
    private static final String POSITION = "pos";
    private static final String ELEMENT = "col";

    private SweepJob() {
    }

    /**
     * Where progress lines go and what is already done.
     *
     * @param out          the console
     * @param total        runs in the sweep
     * @param doneBefore   runs committed before this attempt and not run again
     * @param failedBefore of those, the FAILED ones
     */
    public record Progress(PrintWriter out, long total, long doneBefore, long failedBefore) {
    }

    /**
     * Runs every bin and commits each as a result part named {@link ResultParts#name(int, int)
     * name(attempt, bin index)}. If a bin's job fails, no further bin starts; those in flight
     * finish and commit, then the first failure is thrown.
     *
     * @param spark       the session
     * @param plan        the plan, broadcast to executors. Not modified.
     * @param bins        the runs to do, in submission order. Not modified.
     * @param slots       the task slots planned for ({@link TaskSlots}): up to
     *                    {@value #JOBS_PER_SLOT} jobs per slot are in flight
     * @param parts       where parts are committed
     * @param attempt     this attempt's number
     * @param description the Spark job description prefix (the sweep's summary)
     * @param progress    where progress lines go, or null for none
     * @param committed   counts the runs of the committed parts. Modified.
     */
    public static void simulate(SparkSession spark, SweepPlan plan, List<ArrayList<RunSegment>> bins, int slots,
                                ResultParts parts, int attempt, String description, Progress progress,
                                AtomicLong committed) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<SweepPlan> bc = jsc.broadcast(plan);
        LongAccumulator done = jsc.sc().longAccumulator("runs done");
        LongAccumulator failed = jsc.sc().longAccumulator("runs failed");
        String group = jobGroup(plan.sweep());
        int threads = (int) Math.max(1, Math.min(bins.size(), (long) JOBS_PER_SLOT * slots));
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads("clsweep-bins"));
        AtomicReference<RuntimeException> firstFailure = new AtomicReference<>();
        ProgressReporter reporter = progress == null ? null : new ProgressReporter(plan.sweep(), progress.total(),
                progress.doneBefore(), () -> progress.doneBefore() + done.value(),
                () -> progress.failedBefore() + failed.value(), progress.out(), PROGRESS_EVERY_MS);
        try {
            List<Future<?>> futures = new ArrayList<>(bins.size());
            for (int b = 0; b < bins.size(); b++) {
                String part = ResultParts.name(attempt, b);
                ArrayList<RunSegment> bin = bins.get(b);
                long runs = bin.stream().mapToLong(RunSegment::runs).sum();
                String label = description + " · part " + part + " (" + runs + " runs, " + (b + 1) + " of "
                        + bins.size() + ")";
                futures.add(pool.submit(() -> {
                    if (firstFailure.get() != null) {
                        return;
                    }
                    try {
                        runBin(spark, jsc, bc, bin, part, parts, group, label, done, failed);
                        committed.addAndGet(runs);
                    } catch (RuntimeException e) {
                        firstFailure.compareAndSet(null, e);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the sweep's jobs", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a bin's job failed", e.getCause());
        } finally {
            pool.shutdownNow();
            if (reporter != null) {
                reporter.close();
            }
        }
        bc.destroy();
        if (firstFailure.get() != null) {
            throw firstFailure.get();
        }
    }

    /** One bin: one Spark job with one task, written to the part's directory, then committed. */
    private static void runBin(SparkSession spark, JavaSparkContext jsc, Broadcast<SweepPlan> bc, List<RunSegment> bin,
                               String part, ResultParts parts, String group, String label, LongAccumulator done,
                               LongAccumulator failed) {
        SparkContext sc = spark.sparkContext();
        sc.setJobGroup(group, label, false);
        try {
            // plain RDD in, rows out: no input encoder and no Dataset operator to plan per bin
            JavaRDD<Row> rows = jsc.parallelize(bin, 1).mapPartitions(new SimulatePartition(bc, part, done, failed));
            String directory = parts.directoryFor(part);
            spark.createDataFrame(rows, ResultTable.schema()).write().mode(SaveMode.ErrorIfExists)
                    .option("compression", PART_CODEC).parquet(directory);
            parts.commit(directory, part);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit result part " + part, e);
        } finally {
            sc.clearJobGroup();
        }
    }

    /**
     * Derives the runs, optima, trace and tokens tables from the committed results and stages them
     * in {@code out}. Keeps only the rows of the spec's cells and seeds; sets every row's spec hash
     * to the plan's (the spec the directory now holds; {@code code_version} stays the code that did
     * the run). No shuffle unless {@code dedupe}: each file is sorted by cell index, seed (and
     * position within the run), and there are fewer files than parts ({@value #ROWS_PER_FILE} runs
     * per file or so). Readers that need an order ORDER BY.
     *
     * @param spark     the session
     * @param plan      the plan. Not modified.
     * @param cells     the spec's cells. Not modified.
     * @param seeds     the spec's seeds. Not modified.
     * @param locations the committed parts. Not modified.
     * @param dedupe    whether parts may hold a run more than once: then only the row of the
     *                  greatest part name (the latest attempt) is kept (ties: the shorter wall_ms)
     * @param out       where the tables are staged: runs, optima, trace and tokens (the last three
     *                  written even when empty)
     * @param fromRuns  work that reads only the staged runs table (aggregation): run once that table
     *                  is written, concurrently with the other three writes
     */
    public static void compact(SparkSession spark, SweepPlan plan, List<Cell> cells, SeedRanges seeds,
                               List<String> locations, boolean dedupe, OutputDirectory out, Runnable fromRuns) {
        Dataset<Row> all = spark.read().schema(ResultTable.schema()).parquet(locations.toArray(new String[0]));
        if (dedupe) {
            all = all.withColumn(RANK, row_number().over(Window.partitionBy(col(RunsTable.CELL_ID), col(RunsTable.SEED))
                    .orderBy(col(ResultTable.PART).desc(), col(RunsTable.WALL_MS).asc())))
                    .filter(col(RANK).equalTo(1)).drop(RANK);
        }
        Dataset<Row> result = all.join(broadcast(cellIndex(spark, cells)), RunsTable.CELL_ID)
                .filter(SeedFilter.within(spark, seeds, col(RunsTable.SEED)))
                .withColumn(RunsTable.SPEC_HASH, lit(plan.specHash()));
        long runs = cells.size() * seeds.size();
        int files = (int) Math.max(1, Math.min(Math.max(1, locations.size()), runs / ROWS_PER_FILE + 1));
        // Four tables are written from the same rows. Each reads only its own columns of the parts
        // (Parquet is columnar), which costs less than caching every column of every row; only a
        // de-duplicating read, whose window shuffles, is cached and done once.
        Dataset<Row> few = dedupe ? result.coalesce(files).persist(StorageLevel.MEMORY_AND_DISK())
                : result.coalesce(files);
        // The runs table first, alone: it and the aggregation that reads it are the longest chain.
        // Started beside the other writes it shares the cores with them, and the phase took 20 s
        // instead of 17 s at 600 000 tiny runs.
        few.sortWithinPartitions(CELL_INDEX, RunsTable.SEED)
                .select(columns(RunsTable.schema().fieldNames()))
                .write().mode(SaveMode.ErrorIfExists).parquet(out.staged(OutputDirectory.RUNS));
        // the driver plans one job while another one's task runs
        try {
            concurrently(List.of(fromRuns,
                    () -> nested(few, ResultTable.OPTIMA, OptimaTable.readBack(col(ELEMENT))).write()
                            .mode(SaveMode.ErrorIfExists).parquet(out.staged(OutputDirectory.OPTIMA)),
                    () -> nested(few, ResultTable.TRACE, fields(TraceTable.struct())).write()
                            .mode(SaveMode.ErrorIfExists).parquet(out.staged(OutputDirectory.TRACE)),
                    () -> nested(few, ResultTable.TOKENS, fields(TokensTable.struct())).write()
                            .mode(SaveMode.ErrorIfExists).parquet(out.staged(OutputDirectory.TOKENS))));
        } finally {
            if (dedupe) {
                few.unpersist();
            }
        }
    }

    /** The table (cell_id, {@value #CELL_INDEX}) of the cells, to join result rows to their cell. */
    static Dataset<Row> cellIndex(SparkSession spark, List<Cell> cells) {
        List<Row> index = new ArrayList<>(cells.size());
        for (Cell c : cells) {
            index.add(RowFactory.create(c.cellId(), c.index()));
        }
        StructType schema = DataTypes.createStructType(List.of(
                DataTypes.createStructField(RunsTable.CELL_ID, DataTypes.StringType, false),
                DataTypes.createStructField(CELL_INDEX, DataTypes.IntegerType, false)));
        return spark.createDataFrame(index, schema);
    }

    /**
     * Runs the actions on threads of their own (which inherit the caller's Spark job group) and
     * waits for all of them; then throws the first failure, if any, with the others suppressed.
     */
    static void concurrently(List<Runnable> actions) {
        ExecutorService pool = Executors.newFixedThreadPool(actions.size(), daemonThreads("clsweep-tables"));
        try {
            Throwable first = null;
            for (Future<Object> f : pool.invokeAll(actions.stream().map(Executors::callable).toList())) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (first == null) {
                        first = e.getCause();
                    } else {
                        first.addSuppressed(e.getCause());
                    }
                }
            }
            if (first instanceof RuntimeException r) {
                throw r;
            }
            if (first instanceof Error err) {
                throw err;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the run tables", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Daemon threads named {@code name}. A pool creates them on the thread that submits its first
     * tasks, so they inherit that thread's Spark job group.
     */
    private static ThreadFactory daemonThreads(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** The Spark job group id of a sweep's jobs. */
    public static String jobGroup(String sweep) {
        return "sweep-" + sweep;
    }

    /**
     * One row per element of {@code arrayColumn}: sweep, cell_id, seed, then {@code fields}, columns
     * over the element {@code col(ELEMENT)}, in the order of the array within each run.
     */
    private static Dataset<Row> nested(Dataset<Row> result, String arrayColumn, Column[] fields) {
        Column[] cols = new Column[3 + fields.length];
        cols[0] = col(RunsTable.SWEEP);
        cols[1] = col(RunsTable.CELL_ID);
        cols[2] = col(RunsTable.SEED);
        System.arraycopy(fields, 0, cols, 3, fields.length);
        return result.select(col(RunsTable.SWEEP), col(RunsTable.CELL_ID), col(RunsTable.SEED),
                col(CELL_INDEX), posexplode(col(arrayColumn)))
                .sortWithinPartitions(CELL_INDEX, RunsTable.SEED, POSITION)
                .select(cols);
    }

    /** Each field of {@code struct} from the element, under its own name. */
    private static Column[] fields(StructType struct) {
        String[] names = struct.fieldNames();
        Column[] c = new Column[names.length];
        for (int i = 0; i < names.length; i++) {
            c[i] = col(ELEMENT).getField(names[i]).as(names[i]);
        }
        return c;
    }

    private static Column[] columns(String[] names) {
        Column[] c = new Column[names.length];
        for (int i = 0; i < names.length; i++) {
            c[i] = col(names[i]);
        }
        return c;
    }
}
