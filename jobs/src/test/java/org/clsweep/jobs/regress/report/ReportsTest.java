package org.clsweep.jobs.regress.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.clsweep.data.experiment.RunMetric;
import org.clsweep.jobs.regress.Cells;
import org.clsweep.jobs.regress.decision.RegressionCheck;
import org.clsweep.jobs.regress.decision.RegressionReport;
import org.clsweep.jobs.regress.results.SweepResults;
import org.clsweep.jobs.regress.settings.CellFilter;
import org.clsweep.jobs.regress.settings.RegressSpec;
import org.clsweep.jobs.regress.stat.Correction;
import org.junit.jupiter.api.Test;

class ReportsTest {
    private static final String COVERAGE = RunMetric.COVERAGE.column();
    private static final String OPTIMA = RunMetric.DISTINCT_OPTIMA.column();
    private static final RegressSpec SPEC = new RegressSpec(List.of(RunMetric.COVERAGE, RunMetric.DISTINCT_OPTIMA),
            Map.of(RunMetric.COVERAGE, 0.05), Map.of(RunMetric.DISTINCT_OPTIMA,
            new CellFilter(Map.of("activation", List.of("linear")))), 0.01, Correction.HOLM, true);

    /** Awkward text: JSON escapes, C0 and C1 controls, characters outside the BMP, separators, markup. */
    private static final String AWKWARD = "quote \" backslash \\ slash / tab \t nul \u0000 soh \u0001 "
            + "us \u001f del \u007f c1 \u0085\u009f é ∑ → 😀 \u2028 </script> & <b>\r\nsecond line";

    private static RegressionReport regression() {
        SweepResults b = Cells.sweep(
                Cells.at("activation", "linear", "width", "4").values(OPTIMA, 1, 1, 1, 1).values(COVERAGE, 0.17, 0.17, 0.17, 0.17),
                Cells.at("activation", "relu", "width", "4").values(OPTIMA, 6, 5, 6, 6).values(COVERAGE, 0.8, 0.82, 0.79, 0.81),
                Cells.at("activation", "relu", "width", "8").values(OPTIMA, 6, 6, 5, 6).values(COVERAGE, 0.9, 0.92, 0.91, 0.9));
        SweepResults c = Cells.sweep(
                Cells.at("activation", "linear", "width", "4").values(OPTIMA, 1, 2, 1, 1).values(COVERAGE, 0.17, 0.17, 0.17, 0.17),
                Cells.at("activation", "relu", "width", "4").values(OPTIMA, 6, 6, 6, 5).values(COVERAGE, 0.5, 0.52, 0.49, 0.51),
                Cells.at("activation", "relu", "width", "16").values(OPTIMA, 6, 6, 6, 6).values(COVERAGE, 1, 1, 1, 1));
        return RegressionCheck.compare(SPEC, b, c);
    }

    private static ReportContext context(List<String> perturbations) {
        return new ReportContext("nightly", "conf/baselines/nightly", "out/nightly", SweepResults.Source.RUNS,
                SweepResults.Source.RUNS, "0.1.0-abc", "0.1.0-def", 20_250, perturbations, List.of(), "2026-01-02T03:04:05Z");
    }

    @Test
    void markdownLeadsWithTheVerdictAndListsRegressionsWorstFirst() {
        String md = MarkdownReport.render(regression(), context(List.of("leaky_slope: 0.05 → 0.5")));
        assertThat(md).startsWith("# Regression check: nightly — REGRESSION\n");
        assertThat(md).contains("**3 regressions in 3 cells:** activation=relu, width=8; "
                + "activation=linear, width=4; activation=relu, width=4.");
        assertThat(md).contains("| comparisons | 10: 3 regressions, 6 passes, 1 not compared |")
                .contains("| false-alarm budget | α = 0.01 over 2 tests (Holm) |");
        assertThat(md).contains("| seeds | spec seeds + 20250 (fresh seeds) |");
        assertThat(md).contains("## Deliberate changes in this run").contains("- `leaky_slope: 0.05 → 0.5`");
        String regressions = section(md, "## Regressions, worst first");
        // exact (±∞) and the missing cell come before the finite effect of the Welch row
        assertThat(regressions.indexOf("`distinct_optima` | exact")).isPositive();
        assertThat(regressions.indexOf("activation=relu, width=8 | – | missing_cell")).isPositive()
                .isLessThan(regressions.indexOf("`distinct_optima` | exact"));
        assertThat(regressions.indexOf("activation=relu, width=4 | `coverage` | welch"))
                .isGreaterThan(regressions.indexOf("`distinct_optima` | exact"));
        assertThat(regressions).contains("| 0.805 ± 0.01291 (4) | 0.505 ± 0.01291 (4) | -0.3 | -23.24 |");
        assertThat(section(md, "## Missing cells"))
                .contains("- missing from the current run (regression): activation=relu, width=8")
                .contains("- not in the baseline (not compared): activation=relu, width=16");
        assertThat(md).contains("## How to read this report");
    }

    @Test
    void markdownOfAPassSaysSo() {
        SweepResults b = Cells.sweep(Cells.at("width", "4").values(COVERAGE, 0.8, 0.82, 0.79, 0.81));
        SweepResults c = Cells.sweep(Cells.at("width", "4").values(COVERAGE, 0.81, 0.8, 0.8, 0.82));
        String md = MarkdownReport.render(RegressionCheck.compare(SPEC, b, c), context(List.of()));
        assertThat(md).startsWith("# Regression check: nightly — PASS\n");
        assertThat(md).contains("No (cell, metric) moved").doesNotContain("## Regressions").doesNotContain("## Deliberate");
        assertThat(section(md, "## Closest calls among the passes")).contains("width=4 | `coverage` | welch");
    }

    @Test
    void jsonIsValidAndCarriesEveryComparison() throws Exception {
        RegressionReport r = regression();
        JsonNode json = new ObjectMapper().readTree(JsonReport.render(r, context(List.of("a \"quoted\" | change"))));
        assertThat(json.get("verdict").asText()).isEqualTo("REGRESSION");
        assertThat(json.get("exit_code").asInt()).isEqualTo(1);
        assertThat(json.get("seed_offset").asLong()).isEqualTo(20_250);
        assertThat(json.get("perturbations").get(0).asText()).isEqualTo("a \"quoted\" | change");
        assertThat(json.get("correction").asText()).isEqualTo("holm");
        assertThat(json.get("counts").get("regressions").asInt()).isEqualTo(3);
        assertThat(json.get("missing_in_current").get(0).asText()).isEqualTo("activation=relu, width=8");
        JsonNode comparisons = json.get("comparisons");
        assertThat(comparisons.size()).isEqualTo(r.comparisons().size());
        JsonNode first = comparisons.get(0);
        assertThat(first.get("method").asText()).isEqualTo("missing_cell");
        assertThat(first.get("metric").isNull()).isTrue();
        assertThat(first.get("current").isNull()).isTrue();
        JsonNode exact = comparisons.get(1);
        assertThat(exact.get("coordinates").get("activation").asText()).isEqualTo("linear");
        assertThat(exact.get("effect_size").isNull()).as("an infinite effect size is null").isTrue();
        assertThat(exact.get("baseline").get("n").asInt()).isEqualTo(4);
        assertThat(exact.get("baseline").get("sd").asDouble()).isZero();
    }

    /**
     * {@code awkward-report.json} is the report of {@link #regression()} with an awkward perturbation
     * as clsweep wrote it at commit 2d770df: whole numbers without a fraction, NaN and ±∞ as null.
     */
    @Test
    void jsonIsTheTextEarlierVersionsWrote() throws IOException {
        String json = JsonReport.render(regression(), context(List.of(AWKWARD, "leaky_slope: 0.05 → 0.5")));
        assertThat(json).isEqualTo(resource("awkward-report.json"));
    }

    /** The text of a markdown section, up to the next heading. */
    private static String section(String md, String heading) {
        int start = md.indexOf(heading);
        assertThat(start).as("section %s", heading).isNotNegative();
        int end = md.indexOf("\n## ", start + heading.length());
        return md.substring(start, end < 0 ? md.length() : end);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ReportsTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
