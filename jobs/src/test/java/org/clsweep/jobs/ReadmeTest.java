package org.clsweep.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.types.StructField;
import org.clsweep.data.experiment.RunMetric;
import org.clsweep.data.spec.SpecKey;
import org.clsweep.jobs.aggregate.AggregatesTable;
import org.clsweep.jobs.output.OptimaTable;
import org.clsweep.jobs.output.RunsTable;
import org.clsweep.jobs.output.TokensTable;
import org.clsweep.jobs.output.TraceTable;
import org.clsweep.jobs.spec.SpecParser;
import org.junit.jupiter.api.Test;

/** The README documents every spec key and every output column the code writes. */
class ReadmeTest {
    private static final String README = readme();

    private static String readme() {
        try {
            return Files.readString(Path.of("..", "README.md"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("README.md not found beside the jobs module", e);
        }
    }

    private static void documented(String name) {
        assertThat(README).as("README documents `%s`", name).contains("`" + name + "`");
    }

    @Test
    void everySpecKeyWithItsMeaning() {
        for (String k : new String[] {SpecParser.NAME, SpecParser.SEEDS, SpecParser.GRID}) {
            documented(k);
        }
        for (SpecKey p : SpecKey.values()) {
            assertThat(README).contains("| `" + p.key() + "` |").contains(p.description().replace("|", "\\|"));
        }
    }

    @Test
    void everyMetricColumnWithItsType() {
        for (RunMetric m : RunMetric.values()) {
            assertThat(README).contains("| `" + m.column() + "` | " + (m.isIntegral() ? "int" : "double") + " |");
        }
    }

    @Test
    void everyOtherColumnOfEveryTable() {
        for (StructField f : RunsTable.schema().fields()) {
            boolean parameterOrMetric = SpecKey.byKey(f.name().replace('_', '.')).isPresent()
                    || java.util.Arrays.stream(SpecKey.values()).anyMatch(p -> p.column().equals(f.name()))
                    || java.util.Arrays.stream(RunMetric.values()).anyMatch(m -> m.column().equals(f.name()));
            if (!parameterOrMetric) {
                documented(f.name());
            }
        }
        for (StructField f : OptimaTable.schema().fields()) {
            documented(f.name());
        }
        for (StructField f : TraceTable.schema().fields()) {
            documented(f.name());
        }
        for (StructField f : TokensTable.schema().fields()) {
            documented(f.name());
        }
        for (StructField f : AggregatesTable.schema().fields()) {
            boolean perParameterOrMetric = java.util.Arrays.stream(SpecKey.values())
                    .anyMatch(p -> p.column().equals(f.name()))
                    || java.util.Arrays.stream(RunMetric.values()).anyMatch(m -> f.name().startsWith(m.column() + "_"));
            if (!perParameterOrMetric) {
                documented(f.name());
            }
        }
        for (String suffix : new String[] {"m_mean", "m_std", "m_ci_low", "m_ci_high"}) {
            documented(suffix);
        }
    }
}
