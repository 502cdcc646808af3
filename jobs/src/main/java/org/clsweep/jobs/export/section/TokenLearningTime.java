package org.clsweep.jobs.export.section;

import static org.clsweep.jobs.export.query.GridColumns.WIDTH;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clsweep.jobs.export.ExportContext;
import org.clsweep.jobs.export.chart.ChartSeries;
import org.clsweep.jobs.export.chart.ErrorBarChart;
import org.clsweep.jobs.export.chart.Figure;
import org.clsweep.jobs.export.query.QueryResult;

/**
 * Figure: global modulation — when a (location, token) is learned against the number of global
 * patterns that put the token at that location, for the two-layer cells at their largest β, one
 * series per activation × BatchNorm (and any other grid axis).
 *
 * <pre>
 *   learning time = first traced iteration with s_k(a) ≥ 0.9; never learned: censored at the
 *                   step budget ({@link LearningTimes})
 *   point = the median learning time of the records (+∞, not drawn, when fewer than half were
 *           learned);  bar = its 95% percentile-bootstrap interval over runs, an end beyond the
 *           budget drawn at the budget
 *   relu (leaky c = 0):  tokens no pattern uses are learned less often than pattern tokens
 * </pre>
 * Records of tokens that never occur at their location are left out. The paper predicts that
 * tokens which are only noise are not learned; it states no direction for the time against the
 * number of patterns, so the figure reports that relation without a check.
 */
public final class TokenLearningTime extends TokenLearningSection {
    static final String TITLE = "Two layers: token learning time vs patterns using the token";
    private static final String PREDICTION = "Global modulation: local patterns that discriminate between global "
            + "patterns are learned preferentially, and tokens that are only noise at a location are not learned. "
            + "The paper does not state how the learning time depends on the number of patterns using a token; the "
            + "median times above report it.";

    public TokenLearningTime() {
        super(TITLE, PREDICTION);
    }

    @Override
    String groupedBy(ExportContext ctx) {
        return ctx.schema().tokenPatternsUsing();
    }

    /** Each series at its largest β; no figure when no record was learned. */
    @Override
    Drawing draw(ExportContext ctx, SeriesRows rows) {
        QueryResult t = rows.table();
        String using = ctx.schema().tokenPatternsUsing();
        ErrorBarChart.Builder chart = ErrorBarChart.builder("Token learning time vs patterns using the token",
                "patterns using the token at its location", "median learning time (iterations)")
                .subtitle("each series at its largest β; never-learned records censored at the budget; bars: 95% "
                        + "bootstrap interval over runs")
                .integerX();
        List<String> trends = new ArrayList<>();
        List<PredictionCheck> checks = rows.drawEach((grp, colour) -> {
            RowGroups.Group at = TokenLearningRecords.atLargestWidth(t, grp);
            String beta = t.text(at.rows().get(0), WIDTH);
            double budget = TokenLearningRecords.budget(t, at.rows());
            Map<Object, LearningTimes> byUsing = TokenLearningRecords.byValue(t, at.rows(), using);
            int m = byUsing.size();
            double[] x = new double[m];
            double[] median = new double[m];
            double[] lo = new double[m];
            double[] hi = new double[m];
            List<String> censored = new ArrayList<>();
            int i = 0;
            for (Map.Entry<Object, LearningTimes> e : byUsing.entrySet()) {
                x[i] = ((Number) e.getKey()).doubleValue();
                double med = e.getValue().median();
                double[] ci = e.getValue().medianInterval();
                median[i] = Double.isInfinite(med) ? Double.NaN : med;
                lo[i] = Math.min(ci[0], budget);
                hi[i] = Math.min(ci[1], budget);
                if (Double.isInfinite(med)) {
                    censored.add(Points.fmt(x[i]));
                }
                i++;
            }
            String label = grp.label() + ", β = " + beta;
            Points p = Points.finite(x, median);
            if (p.size() > 0) {
                chart.series(new ChartSeries(label, x, median, lo, hi, colour, false));
                trends.add(label + ": " + (p.size() < 2 ? "one group only" : p.span("patterns using"))
                        + (censored.isEmpty() ? "" : " (fewer than half learned at " + String.join(", ", censored)
                        + " patterns)"));
            }
            return at.regime(t) == ActivationRegime.RELU ? List.of(noiseLearnedLess(label, byUsing)) : List.of();
        });
        List<Figure> figures = new ArrayList<>();
        if (!trends.isEmpty()) {
            figures.add(ctx.addFigure("token-learning-time", "Median token learning time vs the number of patterns "
                    + "using the token.", chart.build()));
        }
        String shows = "For every location k and token a that occurs at k, in every OK two-layer run: how many global "
                + "patterns put a at k (0: a is noise there), and the first traced iteration at which the token's "
                + "score s_k(a) reached 0.9 (its learning time). A token never learned is censored at the step "
                + "budget, the same for every record of a cell, so the share learned by iteration t is the "
                + "Kaplan–Meier estimate and the median is the first t at which half the records are learned. The "
                + "figure shows that median against the number of patterns, for each series at its largest β, with "
                + "a 95% percentile-bootstrap interval over runs (an end beyond the budget is drawn at the budget); "
                + "the table counts the records per run and learning time (−1: never). The resolution is "
                + "`train.trace_every`. Median time from the fewest to the most patterns: "
                + (trends.isEmpty() ? "no group had half its records learned." : String.join("; ", trends) + ".");
        return new Drawing(figures, shows, checks, List.of());
    }

    private static PredictionCheck noiseLearnedLess(String label, Map<Object, LearningTimes> byUsing) {
        String claim = label + ": tokens no pattern uses are learned less often than pattern tokens";
        long[] noise = new long[2];
        long[] pattern = new long[2];
        for (Map.Entry<Object, LearningTimes> e : byUsing.entrySet()) {
            long[] c = ((Number) e.getKey()).doubleValue() > 0 ? pattern : noise;
            c[0] += e.getValue().records();
            c[1] += e.getValue().learned();
        }
        if (noise[0] == 0 || pattern[0] == 0) {
            return PredictionCheck.notTestable(claim, "the run has only " + (noise[0] == 0 ? "pattern"
                    : "noise") + " tokens");
        }
        double fNoise = noise[1] / (double) noise[0];
        double fPattern = pattern[1] / (double) pattern[0];
        return PredictionCheck.tested(claim, fNoise < fPattern, "learned: " + noise[1] + " of " + noise[0]
                + " noise records (" + Points.fmt(fNoise) + "), " + pattern[1] + " of " + pattern[0]
                + " pattern records (" + Points.fmt(fPattern) + ")");
    }
}
