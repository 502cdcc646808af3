package org.clsweep.jobs.testing;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * One embedded SparkSession per test class: local[2], UI off, driver on the loopback address,
 * few shuffle partitions. Starting a session costs seconds, so keep Spark test classes few.
 * {@link #newSession} makes such a session with another master, for classes that need one.
 */
public abstract class SparkTestBase {
    protected static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = newSession("local[2]");
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
        spark = null;
    }

    /**
     * A test session (see class comment) on the given master; the caller stops it.
     *
     * @param conf more settings as key, value, key, value …
     */
    public static SparkSession newSession(String master, String... conf) {
        SparkSession.Builder b = SparkSession.builder();
        for (int i = 0; i + 1 < conf.length; i += 2) {
            b.config(conf[i], conf[i + 1]);
        }
        return b
                .master(master)
                .appName("clsweep-test")
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.sql.debug.maxToStringFields", "1000")
                .getOrCreate();
    }
}
