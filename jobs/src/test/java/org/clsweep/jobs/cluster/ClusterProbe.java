package org.clsweep.jobs.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * A minimal Spark application for the harness self-test: its tasks run on the cluster's
 * executors, which must load this class from the submitted jar. Prints
 * {@code PROBE sum=<Σ i², i = 1..1000> executors=<ids of the executors that ran tasks>}.
 *
 * @see ClusterSweepIT
 */
public final class ClusterProbe {
    static final int N = 1000;
    static final int PARTITIONS = 4;

    private ClusterProbe() {
    }

    public static void main(String[] args) {
        try (JavaSparkContext sc = new JavaSparkContext(new SparkConf().setAppName("cluster-probe"))) {
            List<Long> values = new ArrayList<>();
            for (long i = 1; i <= N; i++) {
                values.add(i);
            }
            long sum = sc.parallelize(values, PARTITIONS).map(ClusterProbe::square).reduce(Long::sum);
            List<String> executors = sc.parallelize(values, PARTITIONS).map(ClusterProbe::executorId).collect();
            System.out.println("PROBE sum=" + sum + " executors=" + new TreeSet<>(executors));
        }
    }

    private static long square(long i) {
        return i * i;
    }

    private static String executorId(long ignored) {
        return SparkEnv.get().executorId();
    }
}
