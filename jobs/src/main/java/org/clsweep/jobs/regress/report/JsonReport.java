package org.clsweep.jobs.regress.report;

import java.util.Locale;
import java.util.Map;
import org.clsweep.jobs.regress.decision.Comparison;
import org.clsweep.jobs.regress.decision.RegressionReport;
import org.clsweep.jobs.regress.results.SweepResults;
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
 * null; the comparison's method and difference say which case it is.
 *
 * @see MarkdownReport
 */
public final class JsonReport {
    private JsonReport() {
    }

    public static String render(RegressionReport r, ReportContext ctx) {
        JsonWriter w = new JsonWriter().beginObject();
        w.name("verdict").value(r.outcome().name());
        w.name("exit_code").value(r.outcome() == RegressionReport.Outcome.PASS ? 0 : 1);
        w.name("sweep").value(ctx.sweep());
        w.name("generated_at").value(ctx.generatedAt());
        side(w, "baseline", ctx.baselineDir(), ctx.baselineSource(), ctx.baselineCodeVersion());
        side(w, "current", ctx.currentDir(), ctx.currentSource(), ctx.currentCodeVersion());
        w.name("seed_offset").value(ctx.seedOffset());
        w.name("perturbations").beginArray();
        for (String p : ctx.perturbations()) {
            w.value(p);
        }
        w.endArray();
        w.name("ignored_axes").beginArray();
        for (String a : ctx.ignoredAxes()) {
            w.value(a);
        }
        w.endArray();
        w.name("alpha").value(r.alpha());
        w.name("correction").value(r.correction().specName());
        w.name("tests").value(r.tests());
        w.name("counts").beginObject()
                .name("cells_compared").value(r.cellsCompared())
                .name("comparisons").value(r.comparisons().size())
                .name("regressions").value(r.count(Comparison.Verdict.REGRESSION))
                .name("passes").value(r.count(Comparison.Verdict.PASS))
                .name("not_compared").value(r.count(Comparison.Verdict.NOT_COMPARED))
                .endObject();
        w.name("missing_in_current").beginArray();
        for (String c : r.missingInCurrent()) {
            w.value(c);
        }
        w.endArray();
        w.name("missing_in_baseline").beginArray();
        for (String c : r.missingInBaseline()) {
            w.value(c);
        }
        w.endArray();
        w.name("comparisons").beginArray();
        for (Comparison c : r.comparisons()) {
            comparison(w, c);
        }
        w.endArray();
        return w.endObject().toJson();
    }

    private static void side(JsonWriter w, String name, String dir, SweepResults.Source source, String codeVersion) {
        w.name(name).beginObject()
                .name("dir").value(dir)
                .name("source").value(source.name().toLowerCase(Locale.ROOT))
                .name("code_version").value(codeVersion)
                .endObject();
    }

    private static void comparison(JsonWriter w, Comparison c) {
        w.beginObject();
        w.name("cell").value(c.cell());
        w.name("coordinates").beginObject();
        for (Map.Entry<String, String> e : c.coordinates().entrySet()) {
            w.name(e.getKey()).value(e.getValue());
        }
        w.endObject();
        w.name("cell_id").value(c.cellId());
        w.name("metric").value(c.metric());
        w.name("method").value(c.method().name().toLowerCase(Locale.ROOT));
        w.name("verdict").value(c.verdict().name());
        summary(w, "baseline", c.baseline());
        summary(w, "current", c.current());
        w.name("difference").value(c.difference());
        w.name("tolerance").value(c.tolerance());
        w.name("effect_size").value(c.effectSize());
        w.name("t").value(c.t());
        w.name("df").value(c.df());
        w.name("p").value(c.p());
        w.name("p_adjusted").value(c.pAdjusted());
        w.name("reason").value(c.reason());
        w.endObject();
    }

    private static void summary(JsonWriter w, String name, SampleSummary s) {
        w.name(name);
        if (s == null) {
            w.nullValue();
            return;
        }
        w.beginObject().name("n").value(s.n()).name("mean").value(s.mean()).name("sd").value(s.sd()).endObject();
    }
}
