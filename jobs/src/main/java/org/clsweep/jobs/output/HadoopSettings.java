package org.clsweep.jobs.output;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import scala.Tuple2;

/**
 * The Hadoop configuration that the commands use before a SparkSession exists (to check an
 * output directory before Spark starts): the defaults on the classpath ({@code core-site.xml},
 * {@code HADOOP_CONF_DIR}) plus every {@code spark.hadoop.K=V} Spark setting as {@code K=V}, as
 * Spark itself derives its Hadoop configuration. Spark settings are read as {@code new SparkConf()}
 * reads them: the {@code spark.*} system properties, which is how {@code spark-submit} passes its
 * {@code --conf} options and {@code spark-defaults.conf}.
 */
public final class HadoopSettings {
    static final String PREFIX = "spark.hadoop.";

    private HadoopSettings() {
    }

    /** A new configuration: classpath defaults, then the {@code spark.hadoop.*} settings. */
    public static Configuration beforeSpark() {
        Configuration conf = new Configuration();
        for (Tuple2<String, String> kv : new SparkConf().getAll()) {
            if (kv._1().startsWith(PREFIX) && kv._1().length() > PREFIX.length()) {
                conf.set(kv._1().substring(PREFIX.length()), kv._2(), "spark.hadoop setting");
            }
        }
        return conf;
    }
}
