package org.clsweep.jobs.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress line counts runs of earlier attempts and extrapolates from this attempt's runs. */
class ProgressReporterTest {

    @Test
    void countsIncludeEarlierRunsAndTheEtaUsesThisAttemptsRate() throws Exception {
        StringWriter text = new StringWriter();
        AtomicLong done = new AtomicLong(40);
        try (ProgressReporter r = new ProgressReporter("s", 100, 40, done::get, () -> 3, new PrintWriter(text), 5)) {
            Thread.sleep(50);
            assertThat(text.toString()).as("the runs of earlier attempts, no ETA yet")
                    .matches("\\[s\\] 40/100 runs \\(40%\\), 3 failed, \\d+:\\d\\d elapsed\n");
            done.set(70);
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!text.toString().contains("ETA") && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        }
        String[] lines = text.toString().split("\n");
        assertThat(lines[1]).matches("\\[s\\] 70/100 runs \\(70%\\), 3 failed, \\d+:\\d\\d elapsed, ETA \\d+:\\d\\d");
        assertThat(lines[lines.length - 1]).matches("\\[s\\] 70/100 runs \\(70%\\), 3 failed, \\d+:\\d\\d elapsed");
    }

    @Test
    void clock() {
        assertThat(ProgressReporter.clock(0)).isEqualTo("0:00");
        assertThat(ProgressReporter.clock(61_400)).isEqualTo("1:01");
        assertThat(ProgressReporter.clock(3_723_000)).isEqualTo("1:02:03");
    }
}
