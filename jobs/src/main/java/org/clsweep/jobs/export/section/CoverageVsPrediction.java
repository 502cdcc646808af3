package org.clsweep.jobs.export.section;

import static org.clsweep.jobs.export.query.GridColumns.GEOMETRY_PATTERNS;
import static org.clsweep.jobs.export.query.GridColumns.LEAKY_SLOPE;
import static org.clsweep.jobs.export.query.GridColumns.WIDTH;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clsweep.data.experiment.RunMetric;
import org.clsweep.jobs.export.ExportContext;
import org.clsweep.jobs.export.chart.ChartSeries;
import org.clsweep.jobs.export.chart.ErrorBarChart;
import org.clsweep.jobs.export.query.QueryResult;
import org.clsweep.jobs.export.query.SqlQuery;
import org.clsweep.jobs.export.query.SweepParameters;
import org.clsweep.jobs.export.query.SweepSchema;
import org.clsweep.jobs.export.query.TableKind;

/**
 * Figure: observed coverage (patterns recovered / L) against the width n, beside the brute-force
 * prediction computed from the cell's basin probabilities, one colour per activation.
 *
 * <pre>
 *   predicted coverage(n) = (1/L) Σ_l [1 − (1 − p_l)^n]
 *   agrees at n  ⇔  prediction ∈ [ci_low − 1/(2L), ci_high + 1/(2L)]
 * </pre>
 *
 * The interval is the observed mean's 95% CI widened by half a pattern: a run's coverage moves in
 * steps of 1/L, and a CI over a few seeds of identical runs has zero width. The prediction drawn
 * is, where the aggregates have it, the one pooled over the widths of a series, and for a series
 * whose patterns are drawn per seed (random, pairs) the mean of the per-seed predictions: pooling
 * p_l over seeds with different patterns overstates the coverage (Jensen; AggregatesTable).
 */
public final class CoverageVsPrediction extends FigureSection {
    static final String TITLE = "Coverage vs the brute-force prediction";
    private static final String PREDICTION = "Over-parameterisation is a brute-force search over the basins: if one "
            + "node lands in pattern l's basin with probability p_l, n independent nodes cover pattern l with "
            + "probability 1 − (1 − p_l)^n, so the expected coverage is the mean over l of 1 − (1 − p_l)^n, which "
            + "grows towards 1 with n for ReLU (every pattern has a basin). In population mode the nodes are "
            + "independent and the prediction is exact up to the estimation of p_l; in SGD the loss couples them. A "
            + "width counts as agreeing when the prediction lies in the observed 95% interval widened by half a "
            + "pattern, 1/(2L): coverage moves in steps of 1/L.";
    private static final RunMetric METRIC = RunMetric.COVERAGE;

    public CoverageVsPrediction() {
        super(TITLE, PREDICTION);
    }

    @Override
    Optional<String> unavailable(ExportContext ctx) {
        SweepSchema s = ctx.schema();
        return ctx.missing(TableKind.AGGREGATES, s.mean(METRIC), s.ciLow(METRIC), s.ciHigh(METRIC),
                s.coveragePrediction(), LEAKY_SLOPE, GEOMETRY_PATTERNS);
    }

    @Override
    List<String> seriesKeys(SweepParameters parameters) {
        return WidthSeries.keys(parameters);
    }

    @Override
    SqlQuery query(ExportContext ctx, List<String> keys) {
        SweepSchema s = ctx.schema();
        List<String> columns = new ArrayList<>(List.of(LEAKY_SLOPE, GEOMETRY_PATTERNS, s.aggregateRuns(),
                s.mean(METRIC), s.ciLow(METRIC), s.ciHigh(METRIC), s.coveragePrediction()));
        if (pooled(ctx)) {
            columns.add(s.pooledCoveragePrediction());
        }
        if (perSeed(ctx)) {
            columns.add(s.perSeedCoveragePrediction());
        }
        return WidthSeries.query(keys, columns, List.of());
    }

    @Override
    String noRows() {
        return "the sweep has no one-layer cells.";
    }

    @Override
    Drawing draw(ExportContext ctx, SeriesRows rows) {
        SweepSchema s = ctx.schema();
        QueryResult t = rows.table();
        boolean pooled = pooled(ctx);
        boolean perSeed = perSeed(ctx);
        String predicted = pooled ? s.pooledCoveragePrediction() : s.coveragePrediction();
        List<String> perSeedSeries = new ArrayList<>();
        ErrorBarChart.Builder chart = WidthSeries.chart("Observed coverage vs the brute-force prediction",
                "coverage (patterns recovered / L)")
                .subtitle("solid: observed (bars: 95% CI over seeds); dashed: brute-force prediction")
                .yRange(0, 1);
        List<PredictionCheck> checks = rows.drawEach((grp, colour) -> {
            double[] x = grp.numbers(t, WIDTH);
            double[] obs = grp.numbers(t, s.mean(METRIC));
            double[] lo = grp.numbers(t, s.ciLow(METRIC));
            double[] hi = grp.numbers(t, s.ciHigh(METRIC));
            double[] pred = grp.numbers(t, predicted);
            if (perSeed && Points.finite(x, grp.numbers(t, s.perSeedCoveragePrediction())).size() > 0) {
                pred = grp.numbers(t, s.perSeedCoveragePrediction());
                perSeedSeries.add(grp.label());
            }
            chart.series(WidthSeries.mean(grp.label() + " observed", grp, t, s, METRIC, colour));
            chart.series(ChartSeries.line(grp.label() + " predicted", x, pred, colour, true));
            double patterns = t.number(grp.rows().get(0), GEOMETRY_PATTERNS);
            List<PredictionCheck> out = new ArrayList<>();
            out.add(agreement(grp.label(), x, obs, lo, hi, pred, patterns));
            if (grp.regime(t) == ActivationRegime.RELU) {
                Points p = Points.finite(x, obs);
                String claim = grp.label() + ": coverage grows with width towards 1";
                out.add(p.size() < 2
                        ? PredictionCheck.notTestable(claim, "one width only")
                        : PredictionCheck.tested(claim, p.last() > p.first() || p.first() >= 1.0, p.span(WIDTH)));
            }
            return out;
        });
        String shows = "Coverage is the fraction of the L patterns that some optimum of the run matches (cosine at "
                + "least `analysis.match_cosine`). Solid lines: the observed coverage, mean over seeds with its 95% "
                + "confidence interval. Dashed lines of the same colour: the brute-force prediction from basin "
                + "probabilities p_l, the fraction of nodes that ended in pattern l's basin, "
                + (pooled ? "pooled over every width of the series (column `" + predicted + "`; `"
                        + s.coveragePrediction() + "` uses the cell's own nodes only)."
                        : "over all seeds of the cell (column `" + predicted + "`).")
                + (perSeedSeries.isEmpty() ? "" : " Where every seed draws its own patterns ("
                        + String.join(", ", perSeedSeries) + ") the dashed line is instead the mean over seeds of "
                        + "the prediction from each seed's own p_l (column `" + s.perSeedCoveragePrediction()
                        + "`): pooling p_l over seeds with different patterns would overstate the coverage.");
        return Drawing.of(ctx.addFigure("coverage-vs-prediction",
                "Observed coverage and the brute-force prediction vs width.", chart.build()), shows, checks);
    }

    /** Whether the aggregates hold the mean of the per-seed predictions. */
    private static boolean perSeed(ExportContext ctx) {
        return ctx.hasColumns(TableKind.AGGREGATES, ctx.schema().perSeedCoveragePrediction());
    }

    /** Whether the aggregates hold the prediction pooled over the widths of a series. */
    private static boolean pooled(ExportContext ctx) {
        return ctx.hasColumns(TableKind.AGGREGATES, ctx.schema().pooledCoveragePrediction());
    }

    private static PredictionCheck agreement(String label, double[] x, double[] obs, double[] lo, double[] hi,
                                             double[] pred, double patterns) {
        double slack = 0.5 / patterns;
        int tested = 0;
        int agree = 0;
        double worstGap = -1;
        double worstWidth = Double.NaN;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(obs[i]) || !Double.isFinite(pred[i])) {
                continue;
            }
            double low = Double.isFinite(lo[i]) ? lo[i] : obs[i];
            double high = Double.isFinite(hi[i]) ? hi[i] : obs[i];
            tested++;
            if (pred[i] >= low - slack && pred[i] <= high + slack) {
                agree++;
            }
            double gap = Math.abs(obs[i] - pred[i]);
            if (gap > worstGap) {
                worstGap = gap;
                worstWidth = x[i];
            }
        }
        String claim = label + ": observed coverage agrees with the brute-force prediction";
        if (tested == 0) {
            return PredictionCheck.notTestable(claim, "no width has both values");
        }
        return PredictionCheck.tested(claim, agree == tested, agree + " of " + tested + " widths; largest gap "
                + Points.fmt(worstGap) + " at width " + Points.fmt(worstWidth));
    }
}
