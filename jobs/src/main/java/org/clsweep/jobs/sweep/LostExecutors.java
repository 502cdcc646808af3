package org.clsweep.jobs.sweep;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;

/**
 * The executors a sweep attempt lost while it ran, as the driver's listener bus reports them
 * ({@code onExecutorRemoved}: an executor that was killed, crashed or was decommissioned). Spark
 * runs the lost executor's tasks again elsewhere; the manifest's {@code environment.lost_executors}
 * records each loss as {@code {id, reason, time}} so that an operator can tell a sweep that
 * survived lost executors from one that had none.
 *
 * <p>Register it with {@link #listen}, and {@link #close} it when the attempt ends. Events arrive
 * on Spark's listener thread; {@link #entries} may be called from any thread.
 */
final class LostExecutors extends SparkListener implements AutoCloseable {
    /** The manifest's environment entry listing the lost executors. */
    static final String ENTRY = "lost_executors";

    private final SparkContext context;
    private final List<Map<String, Object>> lost = new ArrayList<>();

    private LostExecutors(SparkContext context) {
        this.context = context;
    }

    /** Starts listening on {@code context}'s listener bus. */
    static LostExecutors listen(SparkContext context) {
        LostExecutors listener = new LostExecutors(context);
        context.addSparkListener(listener);
        return listener;
    }

    @Override
    public void onExecutorRemoved(SparkListenerExecutorRemoved removed) {
        Map<String, Object> entry = new TreeMap<>();
        entry.put("id", removed.executorId());
        entry.put("reason", removed.reason());
        entry.put("time", Instant.ofEpochMilli(removed.time()).toString());
        synchronized (lost) {
            lost.add(Collections.unmodifiableMap(entry));
        }
    }

    /** The losses so far, oldest first, as manifest values (id, reason, ISO-8601 time); unmodifiable. */
    List<Map<String, Object>> entries() {
        synchronized (lost) {
            return List.copyOf(lost);
        }
    }

    /** Stops listening. */
    @Override
    public void close() {
        context.removeSparkListener(this);
    }
}
