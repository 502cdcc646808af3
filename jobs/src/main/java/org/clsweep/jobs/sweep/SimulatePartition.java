package org.clsweep.jobs.sweep;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;
import org.clsweep.data.experiment.RunResult;
import org.clsweep.data.experiment.RunStatus;
import org.clsweep.data.spec.RunSpec;
import org.clsweep.jobs.output.ResultTable;
import org.clsweep.jobs.output.RunIdentity;
import org.clsweep.jobs.output.RunsTable;
import org.ejml.concurrency.EjmlConcurrency;

/**
 * The executor side of the sweep: for each run of the {@link RunSegment}s of a partition, in order,
 * runs the cell's spec with the run's seed and returns its {@link ResultTable} row, tagged with the result part the
 * rows are written to. Holds only the broadcast plan, the part name and two progress counters. A
 * run that throws becomes a FAILED row carrying the error; it never fails the task. Out-of-memory
 * and internal JVM errors do fail it, so Spark can retry the task elsewhere; a stack overflow is
 * the run's own fault and is recorded like an exception. Test-only faults
 * ({@link FaultInjection}) are applied here.
 */
public final class SimulatePartition implements FlatMapFunction<Iterator<RunSegment>, Row> {
    private static final long serialVersionUID = 1L;
    /** Stack frames kept in a FAILED run's error text. */
    static final int ERROR_FRAMES = 8;
    /** Longest error text kept. */
    static final int ERROR_CHARS = 4000;
    private static final int STATUS_INDEX = ResultTable.schema().fieldIndex(RunsTable.STATUS);

    private final Broadcast<SweepPlan> plan;
    private final String part;
    private final LongAccumulator done;
    private final LongAccumulator failed;

    /**
     * @param plan   the broadcast plan
     * @param part   the name of the result part the rows go to
     * @param done   counts finished runs
     * @param failed counts FAILED runs
     */
    public SimulatePartition(Broadcast<SweepPlan> plan, String part, LongAccumulator done, LongAccumulator failed) {
        this.plan = plan;
        this.part = part;
        this.done = done;
        this.failed = failed;
    }

    @Override
    public Iterator<Row> call(Iterator<RunSegment> segments) {
        // EJML's own thread pool competes with Spark's task slots: one task, one thread.
        EjmlConcurrency.USE_CONCURRENT = false;
        SweepPlan p = plan.value();
        TaskContext context = TaskContext.get();
        int attempt = context == null ? 0 : context.attemptNumber();
        return new Iterator<>() {
            private long rows;
            private RunSegment segment;
            private long nextSeed;

            @Override
            public boolean hasNext() {
                p.faults().onMoreRows(attempt, rows);
                while (segment == null || nextSeed > segment.last()) {
                    if (!segments.hasNext()) {
                        return false;
                    }
                    segment = segments.next();
                    nextSeed = segment.first();
                }
                return true;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("the partition's runs are done");
                }
                Row row = simulate(p, new RunTask(segment.cellIndex(), nextSeed++), part);
                rows++;
                done.add(1);
                if (RunStatus.FAILED.name().equals(row.getString(STATUS_INDEX))) {
                    failed.add(1);
                }
                return row;
            }
        };
    }

    /**
     * Does one run and builds its row.
     *
     * @param plan the sweep plan. Not modified.
     * @param task the run. Not modified.
     * @param part the result part the row goes to
     */
    static Row simulate(SweepPlan plan, RunTask task, String part) {
        RunSpec spec = plan.spec(task.cellIndex());
        RunIdentity id = plan.identity(task.cellIndex());
        long start = System.nanoTime();
        RunResult result;
        try {
            plan.faults().beforeRun(id.cellId(), task.seed());
            result = plan.runner().run(spec, task.seed(), plan.data());
            if (result == null) {
                throw new IllegalStateException("the run function returned no result");
            }
        } catch (Exception | AssertionError | LinkageError | StackOverflowError e) {
            result = RunResult.failed(errorText(e), (System.nanoTime() - start) / 1_000_000L);
        }
        long wallMs = (System.nanoTime() - start) / 1_000_000L;
        return ResultTable.row(id, part, task.seed(), spec, result, wallMs);
    }

    /** The exception, its causes and the top stack frames, at most {@link #ERROR_CHARS} characters. */
    static String errorText(Throwable e) {
        StringBuilder sb = new StringBuilder(e.toString());
        StackTraceElement[] st = e.getStackTrace();
        for (int i = 0; i < Math.min(ERROR_FRAMES, st.length); i++) {
            sb.append("\n\tat ").append(st[i]);
        }
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            sb.append("\ncaused by: ").append(c);
        }
        return sb.length() > ERROR_CHARS ? sb.substring(0, ERROR_CHARS) : sb.toString();
    }
}
