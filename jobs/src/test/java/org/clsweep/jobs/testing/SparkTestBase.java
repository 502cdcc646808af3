package org.clsweep.jobs.testing;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * One embedded SparkSession per test class: local[2], UI off, driver on the loopback address,
 * few shuffle partitions. Starting a session costs seconds, so keep Spark test classes few.
 */
public abstract class SparkTestBase {
    protected static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder()
                .master("local[2]")
                .appName("clsweep-test")
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.sql.debug.maxToStringFields", "1000")
                .getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
        spark = null;
    }
}
