package org.clsweep.jobs.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HadoopSettingsTest {
    private static final String KEY = "fs.clsweep-test.impl.disable.cache";

    @AfterEach
    void clear() {
        System.clearProperty(HadoopSettings.PREFIX + KEY);
        System.clearProperty(HadoopSettings.PREFIX);
    }

    /** spark-submit passes {@code --conf spark.hadoop.K=V} as a system property: it must reach the check. */
    @Test
    void sparkHadoopSettingsBecomeHadoopSettings() {
        assertThat(HadoopSettings.beforeSpark().get(KEY)).isNull();
        System.setProperty(HadoopSettings.PREFIX + KEY, "true");
        Configuration conf = HadoopSettings.beforeSpark();
        assertThat(conf.get(KEY)).isEqualTo("true");
        assertThat(conf.get("fs.defaultFS")).as("classpath defaults stay").isEqualTo("file:///");
    }

    @Test
    void theBarePrefixIsIgnored() {
        System.setProperty(HadoopSettings.PREFIX, "x");
        assertThat(HadoopSettings.beforeSpark().get("")).isNull();
    }
}
