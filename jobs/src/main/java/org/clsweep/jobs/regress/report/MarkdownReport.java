package org.clsweep.jobs.regress.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.clsweep.jobs.regress.decision.Comparison;
import org.clsweep.jobs.regress.decision.RegressionReport;
import org.clsweep.jobs.regress.results.SweepResults;
import org.clsweep.jobs.regress.stat.Correction;

/**
 * Renders a {@link RegressionReport} as {@code report.md}: the verdict first, then the
 * regressions worst first (effect size and p-value), missing cells, what was not compared, the
 * closest calls among the passes and a short guide to reading it. Every comparison is in
 * {@code report.json} and {@code comparisons/}; this page is for people.
 *
 * @see JsonReport
 */
public final class MarkdownReport {
    /** How many passing comparisons, closest to the threshold, the page lists. */
    static final int CLOSEST_CALLS = 10;

    private MarkdownReport() {
    }

    public static String render(RegressionReport r, ReportContext ctx) {
        StringBuilder md = new StringBuilder();
        List<Comparison> regressions = r.withVerdict(Comparison.Verdict.REGRESSION);
        List<Comparison> notCompared = r.withVerdict(Comparison.Verdict.NOT_COMPARED);
        List<Comparison> passes = r.withVerdict(Comparison.Verdict.PASS);
        Set<String> regressedCells = new LinkedHashSet<>();
        for (Comparison c : regressions) {
            regressedCells.add(c.cell());
        }

        md.append("# Regression check: ").append(ctx.sweep()).append(" — ").append(r.outcome()).append("\n\n");
        if (r.outcome() == RegressionReport.Outcome.PASS) {
            md.append("No (cell, metric) moved beyond both its statistical uncertainty and its tolerance.\n\n");
        } else {
            md.append("**").append(plural(regressions.size(), "regression")).append(" in ")
                    .append(plural(regressedCells.size(), "cell")).append(":** ")
                    .append(String.join("; ", regressedCells)).append(".\n\n");
        }
        md.append("| | |\n|---|---|\n");
        row(md, "verdict", "**" + r.outcome() + "**");
        row(md, "baseline", "`" + ctx.baselineDir() + "` (" + source(ctx.baselineSource()) + ", code "
                + orUnknown(ctx.baselineCodeVersion()) + ")");
        row(md, "current run", "`" + ctx.currentDir() + "` (" + source(ctx.currentSource()) + ", code "
                + orUnknown(ctx.currentCodeVersion()) + ")");
        row(md, "seeds", ctx.seedOffset() == 0 ? "as in the spec" : "spec seeds + " + ctx.seedOffset() + " (fresh seeds)");
        row(md, "cells", r.cellsCompared() + " compared, " + r.missingInCurrent().size() + " missing from the current run, "
                + r.missingInBaseline().size() + " without baseline");
        row(md, "comparisons", r.comparisons().size() + ": " + plural(regressions.size(), "regression") + ", "
                + plural(passes.size(), "pass") + ", " + notCompared.size() + " not compared");
        row(md, "false-alarm budget", "α = " + ReportFormat.num(r.alpha()) + " over " + r.tests() + " tests ("
                + (r.correction() == Correction.HOLM ? "Holm" : "Benjamini–Hochberg")
                + ")");
        row(md, "generated", ctx.generatedAt());
        md.append('\n');

        if (!ctx.perturbations().isEmpty()) {
            md.append("## Deliberate changes in this run\n\n");
            md.append("The current run was started with `--set` overrides that the baseline does not have:\n\n");
            for (String p : ctx.perturbations()) {
                md.append("- `").append(p).append("`\n");
            }
            if (!ctx.ignoredAxes().isEmpty()) {
                md.append("\nCells are matched without the grid axes ").append(String.join(", ", ctx.ignoredAxes()))
                        .append(", which this run changed.\n");
            }
            md.append('\n');
        }

        if (!regressions.isEmpty()) {
            md.append("## Regressions, worst first\n\n");
            table(md, regressions);
        }
        if (!r.missingInCurrent().isEmpty() || !r.missingInBaseline().isEmpty()) {
            md.append("## Missing cells\n\n");
            for (String c : r.missingInCurrent()) {
                md.append("- missing from the current run (regression): ").append(c).append('\n');
            }
            for (String c : r.missingInBaseline()) {
                md.append("- not in the baseline (not compared): ").append(c).append('\n');
            }
            md.append('\n');
        }
        List<Comparison> notComparedMetrics = new ArrayList<>();
        for (Comparison c : notCompared) {
            if (c.method() != Comparison.Method.MISSING_CELL) {
                notComparedMetrics.add(c);
            }
        }
        if (!notComparedMetrics.isEmpty()) {
            md.append("## Not compared\n\n");
            table(md, notComparedMetrics);
        }
        List<Comparison> tested = new ArrayList<>();
        for (Comparison c : passes) {
            if (!Double.isNaN(c.pAdjusted()) && tested.size() < CLOSEST_CALLS) {
                tested.add(c);
            }
        }
        if (!tested.isEmpty()) {
            md.append("## Closest calls among the passes\n\n");
            table(md, tested);
        }
        md.append("## How to read this report\n\n");
        md.append("A (cell, metric) is a regression when its mean moved by more than the spec's tolerance "
                + "(`regress.tolerance`) *and* Welch's t-test finds the move significant after the "
                + "multiple-testing correction (adjusted p ≤ α), so that a night where nothing changed raises "
                + "an alarm with probability at most α. Metrics listed in `regress.exact` are compared "
                + "value by value in the cells they name; a rise in FAILED runs is always a regression; "
                + "DIVERGED runs are tested with Fisher's exact test. `Δ` is current − baseline; "
                + "`d` is Δ over the pooled standard deviation (±∞ when both sides are constant). "
                + "Every comparison is in `report.json` and in the Parquet table `comparisons/`.\n");
        return md.toString();
    }

    private static void table(StringBuilder md, List<Comparison> rows) {
        md.append("| cell | metric | method | baseline mean ± sd (n) | current mean ± sd (n) | Δ | d | p | p adj "
                + "| why |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (Comparison c : rows) {
            md.append("| ").append(escape(c.cell()))
                    .append(" | ").append(c.metric() == null ? "–" : "`" + c.metric() + "`")
                    .append(" | ").append(c.method().name().toLowerCase(Locale.ROOT))
                    .append(" | ").append(ReportFormat.sample(c.baseline()))
                    .append(" | ").append(ReportFormat.sample(c.current()))
                    .append(" | ").append(ReportFormat.signed(c.difference()))
                    .append(" | ").append(ReportFormat.num(c.effectSize()))
                    .append(" | ").append(ReportFormat.p(c.p()))
                    .append(" | ").append(ReportFormat.p(c.pAdjusted()))
                    .append(" | ").append(escape(c.reason())).append(" |\n");
        }
        md.append('\n');
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : noun.endsWith("s") ? "es" : "s");
    }

    private static void row(StringBuilder md, String key, String value) {
        md.append("| ").append(key).append(" | ").append(value).append(" |\n");
    }

    private static String source(SweepResults.Source s) {
        return s == SweepResults.Source.RUNS ? "per-seed values from runs/" : "mean, std and n from aggregates/";
    }

    private static String orUnknown(String s) {
        return s == null || s.isEmpty() ? "unknown" : "`" + s + "`";
    }

    private static String escape(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
