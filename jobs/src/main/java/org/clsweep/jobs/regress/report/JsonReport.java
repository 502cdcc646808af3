package org.clsweep.jobs.regress.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.clsweep.jobs.regress.decision.Comparison;
import org.clsweep.jobs.regress.decision.RegressionReport;
import org.clsweep.jobs.regress.results.SweepResults;
import org.clsweep.jobs.json.IndentedLayout;
import org.clsweep.jobs.json.JsonText;
import org.clsweep.jobs.regress.stat.SampleSummary;

/**
 * Renders a {@link RegressionReport} as {@code report.json}, for schedulers and dashboards.
 *
 * <pre>
 *   { "verdict": "PASS" | "REGRESSION", "exit_code": 0 | 1, "sweep", "generated_at",
 *     "baseline": {dir, source, code_version}, "current": {dir, source, code_version},
 *     "seed_offset", "perturbations": [..], "ignored_axes": [..], "alpha", "correction", "tests",
 *     "counts": {cells_compared, comparisons, regressions, passes, not_compared},
 *     "missing_in_current": [cell, ..], "missing_in_baseline": [cell, ..],
 *     "comparisons": [ {cell, coordinates{axis: value}, cell_id, metric, method, verdict,
 *                       baseline{n, mean, sd}, current{n, mean, sd}, difference, tolerance,
 *                       effect_size, t, df, p, p_adjusted, reason}, .. ]   worst first }
 * </pre>
 *
 * Numbers that are undefined or infinite (NaN, the ±∞ effect size of two constant sides) are
 * null; the comparison's method and difference say which case it is. Whole numbers below 10¹⁵ are
 * written without a fraction ({@code 1}, not {@code 1.0}). Two spaces of indent per level.
 *
 * @see MarkdownReport
 */
public final class JsonReport {
    private static final IndentedLayout LAYOUT = new IndentedLayout(2, ": ");
    /** Whole numbers below this magnitude are written as integers. */
    private static final double WHOLE_LIMIT = 1e15;

    private JsonReport() {
    }

    public static String render(RegressionReport r, ReportContext ctx) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("verdict", r.outcome().name());
        json.put("exit_code", r.outcome() == RegressionReport.Outcome.PASS ? 0 : 1);
        json.put("sweep", ctx.sweep());
        json.put("generated_at", ctx.generatedAt());
        side(json.putObject("baseline"), ctx.baselineDir(), ctx.baselineSource(), ctx.baselineCodeVersion());
        side(json.putObject("current"), ctx.currentDir(), ctx.currentSource(), ctx.currentCodeVersion());
        json.put("seed_offset", ctx.seedOffset());
        strings(json.putArray("perturbations"), ctx.perturbations());
        strings(json.putArray("ignored_axes"), ctx.ignoredAxes());
        json.set("alpha", number(r.alpha()));
        json.put("correction", r.correction().specName());
        json.put("tests", r.tests());
        json.putObject("counts")
                .put("cells_compared", r.cellsCompared())
                .put("comparisons", r.comparisons().size())
                .put("regressions", r.count(Comparison.Verdict.REGRESSION))
                .put("passes", r.count(Comparison.Verdict.PASS))
                .put("not_compared", r.count(Comparison.Verdict.NOT_COMPARED));
        strings(json.putArray("missing_in_current"), r.missingInCurrent());
        strings(json.putArray("missing_in_baseline"), r.missingInBaseline());
        ArrayNode comparisons = json.putArray("comparisons");
        for (Comparison c : r.comparisons()) {
            comparison(comparisons.addObject(), c);
        }
        return JsonText.write(json, LAYOUT);
    }

    private static void side(ObjectNode json, String dir, SweepResults.Source source, String codeVersion) {
        json.put("dir", dir);
        json.put("source", source.name().toLowerCase(Locale.ROOT));
        json.put("code_version", codeVersion);
    }

    private static void strings(ArrayNode json, List<String> values) {
        values.forEach(json::add);
    }

    private static void comparison(ObjectNode json, Comparison c) {
        json.put("cell", c.cell());
        ObjectNode coordinates = json.putObject("coordinates");
        for (Map.Entry<String, String> e : c.coordinates().entrySet()) {
            coordinates.put(e.getKey(), e.getValue());
        }
        json.put("cell_id", c.cellId());
        json.put("metric", c.metric());
        json.put("method", c.method().name().toLowerCase(Locale.ROOT));
        json.put("verdict", c.verdict().name());
        json.set("baseline", summary(c.baseline()));
        json.set("current", summary(c.current()));
        json.set("difference", number(c.difference()));
        json.set("tolerance", number(c.tolerance()));
        json.set("effect_size", number(c.effectSize()));
        json.set("t", number(c.t()));
        json.set("df", number(c.df()));
        json.set("p", number(c.p()));
        json.set("p_adjusted", number(c.pAdjusted()));
        json.put("reason", c.reason());
    }

    private static JsonNode summary(SampleSummary s) {
        if (s == null) {
            return NullNode.getInstance();
        }
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("n", s.n());
        json.set("mean", number(s.mean()));
        json.set("sd", number(s.sd()));
        return json;
    }

    private static JsonNode number(double v) {
        if (!Double.isFinite(v)) {
            return NullNode.getInstance();
        }
        return v == Math.rint(v) && Math.abs(v) < WHOLE_LIMIT ? LongNode.valueOf((long) v) : DoubleNode.valueOf(v);
    }
}
