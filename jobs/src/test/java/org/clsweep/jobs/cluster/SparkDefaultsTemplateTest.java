package org.clsweep.jobs.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * conf/spark-defaults.conf, the operators' template, holds only comments and {@code key value}
 * settings that Spark takes (a stray line would become a bogus property without any error).
 */
class SparkDefaultsTemplateTest {
    private static final Path TEMPLATE = Path.of("..", "conf", "spark-defaults.conf");

    @Test
    void everyLineIsACommentOrASparkSetting() throws IOException {
        Map<String, String> settings = new TreeMap<>();
        for (String line : Files.readAllLines(TEMPLATE)) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] kv = t.split("\\s+", 2);
            assertThat(kv).as("line '%s': key and value", line).hasSize(2);
            assertThat(kv[0]).as("line '%s': a Spark key", line).matches("spark(\\.[A-Za-z][A-Za-z0-9]*)+");
            assertThat(settings.put(kv[0], kv[1])).as("%s set twice", kv[0]).isNull();
        }
        assertThat(settings.keySet()).containsAll(List.of("spark.executor.cores", "spark.executor.memory",
                "spark.driver.memory", "spark.default.parallelism", "spark.scheduler.minRegisteredResourcesRatio"));
    }
}
