package org.clsweep.jobs.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.clsweep.jobs.testing.SparkTestBase;
import org.junit.jupiter.api.Test;

/**
 * {@link LostExecutors} records the executor removals that Spark's listener bus delivers while it
 * listens, and none after it is closed. ({@code ExecutorLossIT} kills a real executor.)
 */
class LostExecutorsTest extends SparkTestBase {
    @Test
    void recordsRemovedExecutorsWhileListening() throws Exception {
        LostExecutors lost = LostExecutors.listen(spark.sparkContext());
        post(new SparkListenerExecutorRemoved(1_000L, "7", "Command exited with code 137"));
        lost.close();
        post(new SparkListenerExecutorRemoved(2_000L, "8", "after close"));

        assertThat(lost.entries()).containsExactly(
                Map.of("id", "7", "reason", "Command exited with code 137", "time", "1970-01-01T00:00:01Z"));
    }

    private static void post(SparkListenerExecutorRemoved event) throws Exception {
        spark.sparkContext().listenerBus().post(event);
        spark.sparkContext().listenerBus().waitUntilEmpty();
    }
}
