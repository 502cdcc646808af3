package org.clsweep.jobs.regress.decision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.clsweep.data.experiment.RunMetric;
import org.clsweep.jobs.regress.report.ReportFormat;
import org.clsweep.jobs.regress.results.CellResults;
import org.clsweep.jobs.regress.results.MetricSample;
import org.clsweep.jobs.regress.results.SweepResults;
import org.clsweep.jobs.regress.settings.RegressSpec;
import org.clsweep.jobs.regress.stat.FisherExact;
import org.clsweep.jobs.regress.stat.SampleSummary;
import org.clsweep.jobs.regress.stat.WelchTest;

/**
 * The comparison engine of the nightly check: decides, for every (cell, metric) present in a
 * baseline and a current sweep, whether the science moved. Pure Java; no Spark.
 *
 * <pre>
 *   metric m of cell c, baseline sample B, current sample C (OK runs, finite values):
 *     m exact in c and B constant   → EXACT:    regression iff some current value ≠ B's value
 *     B and C constant (n ≥ 2)      → CONSTANT: regression iff |C − B| &gt; tol_m
 *     n_B, n_C ≥ 2                  → WELCH:    regression iff p_adj ≤ α and |mean_C − mean_B| &gt; tol_m
 *     values on one side only       → NO_DATA:  regression iff B has values and C none
 *   run status of cell c:
 *     share of FAILED runs rises    → STATUS:   regression (a thrown exception is never noise)
 *     DIVERGED runs on either side  → FISHER:   regression iff p_adj ≤ α (one-sided: C diverges more)
 *   p_adj: all Welch and Fisher p-values of the night adjusted together (Holm by default), so
 *          that P(any false alarm) ≤ α when nothing moved.
 *   cells: matched by grid coordinates; a baseline cell missing from the current run is a
 *          regression, a current cell without baseline is reported as not compared.
 * </pre>
 *
 * @see RegressSpec
 * @see org.clsweep.jobs.regress.stat.WelchTest
 * @see org.clsweep.jobs.regress.stat.Correction
 */
public final class RegressionCheck {
    /**
     * Relative difference of two constant sides that counts as round-off, not as a move: a value
     * that is the same in exact arithmetic (a linear cell's spectral gap, say) can come out a few
     * units in the last place apart when another seed's optimum or another summation order feeds
     * it (observed: 1e-17 on 0.078).
     */
    static final double ROUND_OFF = 1e-9;

    private RegressionCheck() {
    }

    /**
     * @param spec     what to compare and how
     * @param baseline the reference sweep
     * @param current  the sweep under test
     * @return every comparison and the overall outcome
     */
    public static RegressionReport compare(RegressSpec spec, SweepResults baseline, SweepResults current) {
        Map<Map<String, String>, CellResults> base = baseline.byCoordinates();
        Map<Map<String, String>, CellResults> cur = current.byCoordinates();
        List<Draft> drafts = new ArrayList<>();
        List<String> missingInCurrent = new ArrayList<>();
        List<String> missingInBaseline = new ArrayList<>();
        int compared = 0;
        for (CellResults b : baseline.cells()) {
            CellResults c = cur.get(b.coordinates());
            if (c == null) {
                missingInCurrent.add(b.label());
                Draft d = new Draft(b.coordinates(), b.cellId(), null, Comparison.Method.MISSING_CELL);
                d.verdict = Comparison.Verdict.REGRESSION;
                d.reason = "cell missing from the current run (baseline has " + b.runs() + " runs)";
                drafts.add(d);
                continue;
            }
            compared++;
            compareStatus(b, c, drafts);
            for (RunMetric m : spec.metrics()) {
                Draft d = compareMetric(spec, m, b, c);
                if (d != null) {
                    drafts.add(d);
                }
            }
        }
        for (CellResults c : current.cells()) {
            if (!base.containsKey(c.coordinates())) {
                missingInBaseline.add(c.label());
                Draft d = new Draft(c.coordinates(), c.cellId(), null, Comparison.Method.MISSING_CELL);
                d.verdict = Comparison.Verdict.NOT_COMPARED;
                d.reason = "cell has no baseline (current run has " + c.runs() + " runs)";
                drafts.add(d);
            }
        }
        int tests = adjust(spec, drafts);
        List<Comparison> out = new ArrayList<>(drafts.size());
        boolean regression = false;
        for (Draft d : drafts) {
            Comparison cmp = d.build();
            regression |= cmp.verdict() == Comparison.Verdict.REGRESSION;
            out.add(cmp);
        }
        out.sort(WORST_FIRST);
        return new RegressionReport(regression ? RegressionReport.Outcome.REGRESSION : RegressionReport.Outcome.PASS,
                spec.alpha(), spec.correction(), tests, compared, out, missingInCurrent, missingInBaseline);
    }

    /**
     * Regressions first — lost cells, lost metrics and new failures, then by decreasing |effect
     * size| — then comparisons not made, then passes by increasing adjusted p.
     */
    static final Comparator<Comparison> WORST_FIRST = Comparator
            .comparingInt((Comparison c) -> rank(c.verdict()))
            .thenComparingInt(c -> c.verdict() == Comparison.Verdict.REGRESSION ? tier(c.method()) : 0)
            .thenComparingDouble(c -> c.verdict() == Comparison.Verdict.REGRESSION ? -effect(c) : 0.0)
            .thenComparingDouble(c -> Double.isNaN(c.pAdjusted()) ? 2.0 : c.pAdjusted())
            .thenComparing(Comparison::cell)
            .thenComparing(c -> c.metric() == null ? "" : c.metric());

    private static int rank(Comparison.Verdict v) {
        switch (v) {
            case REGRESSION:
                return 0;
            case NOT_COMPARED:
                return 1;
            case PASS:
            default:
                return 2;
        }
    }

    /** Lost cells, lost metrics and new failures before moved values. */
    private static int tier(Comparison.Method m) {
        switch (m) {
            case MISSING_CELL:
            case NO_DATA:
            case STATUS:
                return 0;
            default:
                return 1;
        }
    }

    private static double effect(Comparison c) {
        double e = Math.abs(c.effectSize());
        return Double.isNaN(e) ? 0.0 : e;
    }

    private static void compareStatus(CellResults b, CellResults c, List<Draft> drafts) {
        Draft failed = new Draft(c.coordinates(), c.cellId(), Comparison.RUNS_FAILED, Comparison.Method.STATUS);
        failed.fill(indicator(b.failed(), b.runs()), indicator(c.failed(), c.runs()), 0.0);
        double fb = share(b.failed(), b.runs());
        double fc = share(c.failed(), c.runs());
        if (fc > fb) {
            failed.verdict = Comparison.Verdict.REGRESSION;
            failed.reason = "FAILED runs rose from " + b.failed() + "/" + b.runs() + " to " + c.failed() + "/"
                    + c.runs();
        } else {
            failed.verdict = Comparison.Verdict.PASS;
            failed.reason = "FAILED runs " + b.failed() + "/" + b.runs() + " → " + c.failed() + "/" + c.runs();
        }
        drafts.add(failed);

        Draft div = new Draft(c.coordinates(), c.cellId(), Comparison.RUNS_DIVERGED, Comparison.Method.FISHER);
        div.fill(indicator(b.diverged(), b.runs()), indicator(c.diverged(), c.runs()), 0.0);
        if (b.diverged() + c.diverged() == 0) {
            div.verdict = Comparison.Verdict.PASS;
            div.reason = "no DIVERGED runs";
        } else {
            div.p = FisherExact.greater(b.diverged(), b.runs(), c.diverged(), c.runs());
            div.inFamily = true;
            div.reason = "DIVERGED runs " + b.diverged() + "/" + b.runs() + " → " + c.diverged() + "/" + c.runs();
        }
        drafts.add(div);
    }

    private static Draft compareMetric(RegressSpec spec, RunMetric metric, CellResults b, CellResults c) {
        String col = metric.column();
        MetricSample bs = b.metric(col);
        MetricSample cs = c.metric(col);
        if (bs.n() == 0 && cs.n() == 0) {
            return null;
        }
        double tol = spec.toleranceOf(metric);
        Draft d = new Draft(c.coordinates(), c.cellId(), col, Comparison.Method.NO_DATA);
        d.fill(bs.summary(), cs.summary(), tol);
        if (cs.n() == 0) {
            d.verdict = Comparison.Verdict.REGRESSION;
            d.reason = "no values in the current run; the baseline has " + bs.n();
            return d;
        }
        if (bs.n() == 0) {
            d.verdict = Comparison.Verdict.NOT_COMPARED;
            d.reason = "no values in the baseline; the current run has " + cs.n();
            return d;
        }
        String note = "";
        if (spec.isExact(metric, c.coordinates())) {
            if (bs.isConstant()) {
                return exact(d, bs, cs);
            }
            note = " (exact metric varies over the baseline's seeds, so compared statistically)";
        }
        SampleSummary sb = bs.summary();
        SampleSummary sc = cs.summary();
        if (sb.n() >= 2 && sc.n() >= 2 && bs.isConstant() && cs.isConstant()) {
            d.method = Comparison.Method.CONSTANT;
            double diff = sc.mean() - sb.mean();
            d.effectSize = diff == 0.0 ? 0.0 : Math.copySign(Double.POSITIVE_INFINITY, diff);
            boolean moved = Math.abs(diff) > Math.max(tol, ROUND_OFF * Math.max(Math.abs(sb.mean()),
                    Math.abs(sc.mean())));
            d.verdict = moved ? Comparison.Verdict.REGRESSION : Comparison.Verdict.PASS;
            d.reason = (moved ? "both sides constant and the value moved from " : "both sides constant: ")
                    + num(sb.mean()) + (moved ? " to " : " → ") + num(sc.mean()) + tolText(tol) + note;
            return d;
        }
        if (!WelchTest.applicable(sb, sc)) {
            d.method = Comparison.Method.TOO_FEW;
            d.verdict = Comparison.Verdict.NOT_COMPARED;
            d.reason = "fewer than two values on a side (baseline n = " + sb.n() + ", current n = " + sc.n() + ")"
                    + note;
            return d;
        }
        WelchTest.Result w = WelchTest.test(sb, sc);
        d.method = Comparison.Method.WELCH;
        d.t = w.t();
        d.df = w.df();
        d.p = w.p();
        double pooled = Math.sqrt((sb.sd() * sb.sd() + sc.sd() * sc.sd()) / 2.0);
        d.effectSize = w.difference() / pooled;
        d.inFamily = true;
        d.note = note;
        return d;
    }

    private static Draft exact(Draft d, MetricSample bs, MetricSample cs) {
        d.method = Comparison.Method.EXACT;
        double ref = bs.summary().mean();
        int off = 0;
        if (cs.hasValues()) {
            for (double v : cs.values()) {
                if (v != ref) {
                    off++;
                }
            }
        } else if (cs.summary().mean() != ref || !cs.isConstant()) {
            off = cs.n();
        }
        double diff = cs.summary().mean() - ref;
        d.effectSize = diff == 0.0 && off == 0 ? 0.0 : Math.copySign(Double.POSITIVE_INFINITY, diff);
        if (off == 0) {
            d.verdict = Comparison.Verdict.PASS;
            d.reason = "exact: every value equals " + num(ref);
        } else {
            d.verdict = Comparison.Verdict.REGRESSION;
            d.reason = "exact: baseline is " + num(ref) + " on every seed, the current run differs on "
                    + (cs.hasValues() ? off + " of " + cs.n() + " seeds" : "its summary (mean " + num(cs.summary().mean())
                    + ", sd " + num(cs.summary().sd()) + ")");
        }
        return d;
    }

    /** Adjusts the family's p-values together and decides the statistical comparisons. */
    private static int adjust(RegressSpec spec, List<Draft> drafts) {
        int m = 0;
        for (Draft d : drafts) {
            m += d.inFamily ? 1 : 0;
        }
        double[] p = new double[m];
        double[] adj = new double[m];
        int i = 0;
        for (Draft d : drafts) {
            if (d.inFamily) {
                p[i++] = d.p;
            }
        }
        spec.correction().adjust(p, adj);
        i = 0;
        for (Draft d : drafts) {
            if (!d.inFamily) {
                continue;
            }
            d.pAdjusted = adj[i++];
            boolean significant = d.pAdjusted <= spec.alpha();
            String pText = "adjusted p = " + num(d.pAdjusted) + (significant ? " ≤ " : " > ") + "α = " + num(spec.alpha());
            if (d.method == Comparison.Method.FISHER) {
                d.verdict = significant ? Comparison.Verdict.REGRESSION : Comparison.Verdict.PASS;
                d.reason = d.reason + (significant ? ": more divergence, " : ": ") + pText;
                continue;
            }
            boolean practical = Math.abs(d.difference) > d.tolerance;
            d.verdict = significant && practical ? Comparison.Verdict.REGRESSION : Comparison.Verdict.PASS;
            String moved = "mean " + num(d.baseline.mean()) + " → " + num(d.current.mean());
            if (significant && practical) {
                d.reason = moved + (d.tolerance > 0.0 ? ", beyond tolerance " + num(d.tolerance) : "") + ", " + pText;
            } else if (significant) {
                d.reason = moved + " is significant (" + pText + ") but within tolerance " + num(d.tolerance);
            } else {
                d.reason = moved + ", not significant (" + pText + ")";
            }
            d.reason += d.note;
        }
        return m;
    }

    private static SampleSummary indicator(int events, int runs) {
        double[] v = new double[runs];
        for (int i = 0; i < events; i++) {
            v[i] = 1.0;
        }
        return SampleSummary.of(v);
    }

    private static double share(int events, int runs) {
        return runs == 0 ? 0.0 : (double) events / runs;
    }

    private static String tolText(double tol) {
        return tol > 0.0 ? " (tolerance " + num(tol) + ")" : "";
    }

    private static String num(double v) {
        return ReportFormat.num(v);
    }

    /** A comparison under construction: filled in two passes (raw, then after adjustment). */
    private static final class Draft {
        final Map<String, String> coordinates;
        final String cellId;
        final String metric;
        Comparison.Method method;
        Comparison.Verdict verdict;
        SampleSummary baseline;
        SampleSummary current;
        double difference = Double.NaN;
        double tolerance = Double.NaN;
        double effectSize = Double.NaN;
        double t = Double.NaN;
        double df = Double.NaN;
        double p = Double.NaN;
        double pAdjusted = Double.NaN;
        boolean inFamily;
        String reason;
        String note = "";

        Draft(Map<String, String> coordinates, String cellId, String metric, Comparison.Method method) {
            this.coordinates = coordinates;
            this.cellId = cellId;
            this.metric = metric;
            this.method = method;
        }

        void fill(SampleSummary b, SampleSummary c, double tol) {
            baseline = b;
            current = c;
            difference = c.mean() - b.mean();
            tolerance = tol;
        }

        Comparison build() {
            return new Comparison(coordinates, cellId, metric, method, verdict, baseline, current, difference,
                    tolerance, effectSize, t, df, p, pAdjusted, reason);
        }
    }
}
