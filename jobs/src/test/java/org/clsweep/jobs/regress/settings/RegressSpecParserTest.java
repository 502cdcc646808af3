package org.clsweep.jobs.regress.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.clsweep.data.experiment.RunMetric;
import org.clsweep.data.spec.SpecException;
import org.clsweep.jobs.regress.stat.Correction;
import org.clsweep.jobs.spec.SpecParser;
import org.junit.jupiter.api.Test;

class RegressSpecParserTest {

    /** The block as the spec parser hands it over. */
    private static Map<String, Object> block(String hocon) throws IOException {
        Path file = Files.createTempFile("regress", ".conf");
        try {
            Files.writeString(file, "sweep { name = r, seeds = 2, regress { " + hocon + " } }");
            return SpecParser.parseForRegress(file, List.of()).regress();
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void anAbsentBlockGivesTheDefaults() {
        RegressSpec d = RegressSpecParser.parse(null);
        assertThat(d).isEqualTo(RegressSpec.defaults());
        assertThat(d.metrics()).containsExactly(RunMetric.values());
        assertThat(d.alpha()).isEqualTo(0.01);
        assertThat(d.correction()).isEqualTo(Correction.HOLM);
        assertThat(d.freshSeeds()).isFalse();
        assertThat(d.toleranceOf(RunMetric.COVERAGE)).isZero();
    }

    @Test
    void readsEveryKey() throws IOException {
        RegressSpec s = RegressSpecParser.parse(block("metrics = [coverage, distinct_optima], "
                + "tolerance { coverage = 0.1 }, exact = [distinct_optima], alpha = 0.05, correction = bh, "
                + "fresh_seeds = true"));
        assertThat(s.metrics()).containsExactly(RunMetric.COVERAGE, RunMetric.DISTINCT_OPTIMA);
        assertThat(s.toleranceOf(RunMetric.COVERAGE)).isEqualTo(0.1);
        assertThat(s.exact()).containsEntry(RunMetric.DISTINCT_OPTIMA, CellFilter.ALL);
        assertThat(s.alpha()).isEqualTo(0.05);
        assertThat(s.correction()).isEqualTo(Correction.BENJAMINI_HOCHBERG);
        assertThat(s.freshSeeds()).isTrue();
    }

    @Test
    void exactCanBeLimitedToCells() throws IOException {
        RegressSpec s = RegressSpecParser.parse(block("exact { distinct_optima { activation = [linear], width = 4 } }"));
        assertThat(s.isExact(RunMetric.DISTINCT_OPTIMA, Map.of("activation", "linear", "width", "4"))).isTrue();
        assertThat(s.isExact(RunMetric.DISTINCT_OPTIMA, Map.of("activation", "relu", "width", "4"))).isFalse();
        assertThat(s.isExact(RunMetric.DISTINCT_OPTIMA, Map.of("activation", "linear"))).isFalse();
        assertThat(s.isExact(RunMetric.COVERAGE, Map.of("activation", "linear", "width", "4"))).isFalse();
        assertThat(s.exact().get(RunMetric.DISTINCT_OPTIMA).allowed())
                .containsEntry("activation", List.of("linear")).containsEntry("width", List.of("4"));
    }

    @Test
    void nestedAndQuotedAxesNameTheSameDottedKey() throws IOException {
        RegressSpec nested = RegressSpecParser.parse(block("exact { coverage { geometry { noise = [0.1] } } }"));
        RegressSpec quoted = RegressSpecParser.parse(block("exact { coverage { \"geometry.noise\" = [0.1] } }"));
        assertThat(nested.exact()).isEqualTo(quoted.exact());
        assertThat(nested.isExact(RunMetric.COVERAGE, Map.of("geometry.noise", "0.1"))).isTrue();
    }

    @Test
    void numbersInCellFiltersCompareByValue() throws IOException {
        CellFilter f = new CellFilter(Map.of("geometry.noise", List.of("0.10"), "width", List.of("1")));
        assertThat(f.matches(Map.of("geometry.noise", "0.1", "width", "1"))).isTrue();
        assertThat(f.matches(Map.of("geometry.noise", "0.2", "width", "1"))).isFalse();
        assertThat(f.unknownAxes(List.of("width"))).containsExactly("geometry.noise");
    }

    @Test
    void rejectsUnknownKeysAndMetricsNamingTheKey() throws IOException {
        assertThatThrownBy(() -> RegressSpecParser.parse(block("alfa = 0.1")))
                .isInstanceOf(SpecException.class).hasMessageContaining("unknown key regress.alfa")
                .extracting(e -> ((SpecException) e).key()).isEqualTo("regress.alfa");
        assertThatThrownBy(() -> RegressSpecParser.parse(block("metrics = [coverage, covrage]")))
                .isInstanceOf(SpecException.class).hasMessageContaining("regress.metrics: unknown metric covrage");
        assertThatThrownBy(() -> RegressSpecParser.parse(block("tolerance { nope = 1 }")))
                .isInstanceOf(SpecException.class).hasMessageContaining("regress.tolerance.nope: unknown metric nope");
        assertThatThrownBy(() -> RegressSpecParser.parse(block("exact { coverage = 3 }")))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("regress.exact.coverage must be an object grid axis → allowed values, found 3");
    }

    @Test
    void rejectsBadValuesNamingTheKey() throws IOException {
        assertThatThrownBy(() -> RegressSpecParser.parse(block("alpha = 1.5")))
                .isInstanceOf(SpecException.class).hasMessageContaining("regress.alpha must be in (0, 1), found 1.5");
        assertThatThrownBy(() -> RegressSpecParser.parse(block("alpha = lots")))
                .isInstanceOf(SpecException.class).hasMessageContaining("regress.alpha must be a number, found \"lots\"");
        assertThatThrownBy(() -> RegressSpecParser.parse(block("tolerance { coverage = -0.1 }")))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("regress.tolerance.coverage must be >= 0 and finite, found -0.1");
        assertThatThrownBy(() -> RegressSpecParser.parse(block("correction = bonferroni")))
                .isInstanceOf(SpecException.class).hasMessageContaining("regress.correction must be holm or bh, found bonferroni");
        assertThatThrownBy(() -> RegressSpecParser.parse(block("metrics = []")))
                .isInstanceOf(SpecException.class).hasMessageContaining("regress.metrics must name at least one metric");
        assertThatThrownBy(() -> RegressSpecParser.parse(block("fresh_seeds = maybe")))
                .isInstanceOf(SpecException.class).hasMessageContaining("regress.fresh_seeds must be true or false, found \"maybe\"");
        assertThatThrownBy(() -> RegressSpecParser.parse(block("metrics = coverage")))
                .isInstanceOf(SpecException.class).hasMessageContaining("regress.metrics must be a list of metric names");
        assertThatThrownBy(() -> RegressSpecParser.parse(block("tolerance = 0.1")))
                .isInstanceOf(SpecException.class).hasMessageContaining("regress.tolerance must be an object");
    }
}
