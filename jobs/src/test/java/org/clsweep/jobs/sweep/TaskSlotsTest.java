package org.clsweep.jobs.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

class TaskSlotsTest {
    private static SparkConf conf(String... kv) {
        SparkConf c = new SparkConf(false);
        for (int i = 0; i < kv.length; i += 2) {
            c.set(kv[i], kv[i + 1]);
        }
        return c;
    }

    @Test
    void aClusterStillStartingIsPlannedForTheCoresItAsked() {
        // standalone, spark-submit --total-executor-cores 64, no executor registered yet: Spark says 2
        assertThat(TaskSlots.planned(2, false, conf(TaskSlots.CORES_MAX, "64"))).isEqualTo(64);
        // YARN / Kubernetes: --num-executors 16 --executor-cores 4
        assertThat(TaskSlots.planned(2, false, conf(TaskSlots.INSTANCES, "16", TaskSlots.EXECUTOR_CORES, "4")))
                .isEqualTo(64);
        assertThat(TaskSlots.planned(2, false, conf(TaskSlots.INSTANCES, "16"))).as("one core per executor")
                .isEqualTo(16);
        assertThat(TaskSlots.planned(2, false, conf(TaskSlots.DYNAMIC, "true", TaskSlots.MAX_EXECUTORS, "10",
                TaskSlots.EXECUTOR_CORES, "4", TaskSlots.INSTANCES, "1"))).as("dynamic: its maximum").isEqualTo(40);
    }

    @Test
    void registeredCoresCountWhenThereAreMore() {
        assertThat(TaskSlots.planned(48, false, conf(TaskSlots.CORES_MAX, "32"))).isEqualTo(48);
        assertThat(TaskSlots.planned(8, false, conf())).as("nothing requested").isEqualTo(8);
        assertThat(TaskSlots.planned(2, false, conf(TaskSlots.DYNAMIC, "true"))).as("no finite maximum")
                .isEqualTo(2);
    }

    @Test
    void anExplicitParallelismOrALocalMasterDecides() {
        assertThat(TaskSlots.planned(12, false, conf(TaskSlots.DEFAULT_PARALLELISM, "12", TaskSlots.CORES_MAX, "64")))
                .isEqualTo(12);
        assertThat(TaskSlots.planned(2, true, conf(TaskSlots.INSTANCES, "16"))).isEqualTo(2);
    }
}
