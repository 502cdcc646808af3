package org.clsweep.jobs.export.section;

import static org.clsweep.jobs.export.query.GridColumns.ACTIVATION;
import static org.clsweep.jobs.export.query.GridColumns.LEAKY_SLOPE;
import static org.clsweep.jobs.export.query.GridColumns.WIDTH;

import java.util.List;
import java.util.Optional;
import org.clsweep.data.experiment.RunMetric;
import org.clsweep.data.spec.ModelKind;
import org.clsweep.dynamics.activation.Activation;
import org.clsweep.jobs.export.ExportContext;
import org.clsweep.jobs.export.chart.ChartSeries;
import org.clsweep.jobs.export.chart.ErrorBarChart;
import org.clsweep.jobs.export.query.QueryResult;
import org.clsweep.jobs.export.query.SqlQuery;
import org.clsweep.jobs.export.query.SweepParameters;
import org.clsweep.jobs.export.query.SweepSchema;
import org.clsweep.jobs.export.query.TableKind;

/**
 * Figure: the number of distinct optima of leaky-ReLU cells against the slope c, one series per
 * width (and per value of any other grid axis), error bars the aggregates' 95% CIs.
 *
 * <pre>
 *   h(x) = x (x &gt; 0), c·x (x ≤ 0):   c = 0 is ReLU, c = 1 is linear
 *   prediction: distinct optima fall as c goes from 0 to 1
 * </pre>
 *
 * A width whose nodes all reach optima of their own at the smallest slope (mean count = n) cannot
 * show the fall — the count is bounded by the width — and its check says so.
 */
public final class DistinctOptimaBySlope extends FigureSection {
    static final String TITLE = "Distinct optima vs leaky slope";
    private static final String SHOWS = "Leaky ReLU with slope c interpolates between ReLU (c = 0) and linear "
            + "(c = 1). The figure shows the number of distinct optima of the one-layer leaky-ReLU cells against c, "
            + "one line per width: mean over seeds with the 95% confidence interval.";
    private static final String PREDICTION = "The many optima come from the nonlinearity: as c grows the activation "
            + "becomes more linear, fewer activation patterns are self-consistent, and the number of distinct optima "
            + "falls towards the single optimum of the linear case.";
    private static final RunMetric METRIC = RunMetric.DISTINCT_OPTIMA;
    private static final double TOL_COUNT = 1e-9;

    public DistinctOptimaBySlope() {
        super(TITLE, PREDICTION);
    }

    @Override
    Optional<String> unavailable(ExportContext ctx) {
        SweepSchema s = ctx.schema();
        Optional<String> missing = ctx.missing(TableKind.AGGREGATES, s.mean(METRIC), s.ciLow(METRIC),
                s.ciHigh(METRIC));
        if (missing.isEmpty() && !ctx.parameters().varyingExcept(ModelKind.ONELAYER).contains(LEAKY_SLOPE)) {
            return Optional.of("`" + LEAKY_SLOPE + "` is not a grid axis of this sweep");
        }
        return missing;
    }

    @Override
    List<String> seriesKeys(SweepParameters parameters) {
        return parameters.seriesKeys(ModelKind.ONELAYER, List.of(WIDTH), ACTIVATION, LEAKY_SLOPE);
    }

    @Override
    SqlQuery query(ExportContext ctx, List<String> keys) {
        SweepSchema s = ctx.schema();
        return SqlQuery.seriesOf(keys, LEAKY_SLOPE, List.of(s.aggregateRuns(), s.mean(METRIC), s.ciLow(METRIC),
                s.ciHigh(METRIC)), ModelKind.ONELAYER.specName(),
                List.of(SqlQuery.is(ACTIVATION, Activation.LEAKY_RELU.specName())));
    }

    @Override
    String noRows() {
        return "the sweep has no one-layer leaky_relu cells.";
    }

    @Override
    Drawing draw(ExportContext ctx, SeriesRows rows) {
        SweepSchema s = ctx.schema();
        QueryResult t = rows.table();
        ErrorBarChart.Builder chart = ErrorBarChart.builder("Distinct optima vs leaky-ReLU slope",
                "slope c (0 = ReLU, 1 = linear)", "distinct optima (mean over seeds)")
                .subtitle("bars: 95% CI over seeds");
        List<PredictionCheck> checks = rows.drawEach((grp, colour) -> {
            double[] x = grp.numbers(t, LEAKY_SLOPE);
            double[] y = grp.numbers(t, s.mean(METRIC));
            chart.series(new ChartSeries(grp.label(), x, y, grp.numbers(t, s.ciLow(METRIC)),
                    grp.numbers(t, s.ciHigh(METRIC)), colour, false));
            return List.of(fall(grp.label(), t.number(grp.rows().get(0), WIDTH), Points.finite(x, y)));
        });
        return Drawing.of(ctx.addFigure("distinct-optima-vs-leaky-slope",
                "Distinct optima vs the leaky-ReLU slope c.", chart.build()), SHOWS, checks);
    }

    private static PredictionCheck fall(String label, double width, Points p) {
        String claim = label + ": distinct optima fall as the slope goes from 0 towards 1";
        if (p.size() < 2) {
            return PredictionCheck.notTestable(claim, "fewer than two slopes with OK runs");
        }
        if (p.first() >= width - TOL_COUNT) {
            return PredictionCheck.notTestable(claim, "at c = " + Points.fmt(p.firstX()) + " every one of the "
                    + Points.fmt(width) + " nodes already has an optimum of its own: the width, not the landscape, "
                    + "bounds the count; " + p.span("c"));
        }
        return PredictionCheck.tested(claim, p.last() < p.first(), p.span("c") + "; non-increasing at every step: "
                + (p.nonIncreasing() ? "yes" : "no"));
    }
}
