package org.clsweep.jobs.sweep;

import java.util.Iterator;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;
import org.clsweep.data.experiment.RunResult;
import org.clsweep.data.experiment.RunStatus;
import org.clsweep.data.spec.RunSpec;
import org.clsweep.jobs.output.ResultTable;
import org.clsweep.jobs.output.RunsTable;
import org.ejml.concurrency.EjmlConcurrency;

/**
 * The executor side of the sweep: for each {@link RunTask} of a partition, runs the cell's spec
 * with the task's seed and returns its {@link ResultTable} row. Holds only the broadcast plan and
 * two progress counters. A run that throws becomes a FAILED row carrying the error; it never
 * fails the task. Out-of-memory and internal JVM errors do fail it, so Spark can retry the task
 * elsewhere; a stack overflow is the run's own fault and is recorded like an exception.
 */
public final class SimulatePartition implements MapPartitionsFunction<RunTask, Row> {
    private static final long serialVersionUID = 1L;
    /** Stack frames kept in a FAILED run's error text. */
    static final int ERROR_FRAMES = 8;
    /** Longest error text kept. */
    static final int ERROR_CHARS = 4000;
    private static final int STATUS_INDEX = ResultTable.schema().fieldIndex(RunsTable.STATUS);

    private final Broadcast<SweepPlan> plan;
    private final LongAccumulator done;
    private final LongAccumulator failed;

    public SimulatePartition(Broadcast<SweepPlan> plan, LongAccumulator done, LongAccumulator failed) {
        this.plan = plan;
        this.done = done;
        this.failed = failed;
    }

    @Override
    public Iterator<Row> call(Iterator<RunTask> tasks) {
        // EJML's own thread pool competes with Spark's task slots: one task, one thread.
        EjmlConcurrency.USE_CONCURRENT = false;
        SweepPlan p = plan.value();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return tasks.hasNext();
            }

            @Override
            public Row next() {
                Row row = simulate(p, tasks.next());
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
     */
    static Row simulate(SweepPlan plan, RunTask task) {
        RunSpec spec = plan.spec(task.getCellIndex());
        long start = System.nanoTime();
        RunResult result;
        try {
            result = plan.runner().run(spec, task.getSeed());
            if (result == null) {
                throw new IllegalStateException("the run function returned no result");
            }
        } catch (Exception | AssertionError | LinkageError | StackOverflowError e) {
            result = RunResult.failed(errorText(e), (System.nanoTime() - start) / 1_000_000L);
        }
        long wallMs = (System.nanoTime() - start) / 1_000_000L;
        return ResultTable.row(plan.identity(task.getCellIndex()), task.getCellIndex(), task.getSeed(), spec, result,
                wallMs);
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
