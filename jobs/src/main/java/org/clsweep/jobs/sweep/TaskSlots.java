package org.clsweep.jobs.sweep;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;

/**
 * How many task slots a sweep plans its bins and jobs in flight for ({@link TaskLayout#binCount},
 * {@link SweepJob#simulate}). Spark's default parallelism is the executor cores registered at the
 * moment it is asked (at least 2) unless {@code spark.default.parallelism} is set, and on a
 * cluster whose executors are still starting that is far below what the job asked for; so the
 * plan takes the larger of it and the cores the configuration asks for:
 *
 * <pre>
 *   spark.default.parallelism set                    → that
 *   local master                                      → the default parallelism (local[n]: n)
 *   otherwise max(default parallelism, requested) where requested =
 *     spark.cores.max                                   (standalone: total executor cores), else
 *     spark.dynamicAllocation.maxExecutors × cores     (dynamic allocation with a finite maximum), else
 *     spark.executor.instances × spark.executor.cores  (YARN, Kubernetes; cores default to 1), else 0
 * </pre>
 * Planning for more slots than arrive costs only more, smaller bins and queued jobs; planning for
 * fewer leaves the late executors without work.
 */
public final class TaskSlots {
    static final String DEFAULT_PARALLELISM = "spark.default.parallelism";
    static final String CORES_MAX = "spark.cores.max";
    static final String DYNAMIC = "spark.dynamicAllocation.enabled";
    static final String MAX_EXECUTORS = "spark.dynamicAllocation.maxExecutors";
    static final String INSTANCES = "spark.executor.instances";
    static final String EXECUTOR_CORES = "spark.executor.cores";

    private TaskSlots() {
    }

    /** The slots to plan for in this context. */
    public static int planned(SparkContext sc) {
        return planned(sc.defaultParallelism(), sc.isLocal(), sc.getConf());
    }

    /**
     * @param defaultParallelism Spark's default parallelism now
     * @param local              whether the master runs everything in the driver's JVM
     * @param conf               the application's settings. Not modified.
     */
    static int planned(int defaultParallelism, boolean local, SparkConf conf) {
        if (local || conf.contains(DEFAULT_PARALLELISM)) {
            return defaultParallelism;
        }
        long requested = 0;
        int cores = conf.getInt(EXECUTOR_CORES, 1);
        if (conf.contains(CORES_MAX)) {
            requested = conf.getInt(CORES_MAX, 0);
        } else if (conf.getBoolean(DYNAMIC, false) && conf.contains(MAX_EXECUTORS)) {
            requested = (long) conf.getInt(MAX_EXECUTORS, 0) * cores;
        } else if (conf.contains(INSTANCES)) {
            requested = (long) conf.getInt(INSTANCES, 0) * cores;
        }
        return (int) Math.max(defaultParallelism, Math.min(requested, Integer.MAX_VALUE));
    }
}
