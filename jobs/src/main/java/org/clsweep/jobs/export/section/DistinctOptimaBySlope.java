package org.clsweep.jobs.export.section;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clsweep.data.experiment.RunMetric;
import org.clsweep.data.spec.ModelKind;
import org.clsweep.dynamics.activation.Activation;
import org.clsweep.jobs.export.ExportContext;
import org.clsweep.jobs.export.chart.ChartSeries;
import org.clsweep.jobs.export.chart.ErrorBarChart;
import org.clsweep.jobs.export.chart.Figure;
import org.clsweep.jobs.export.notebook.NotebookCell;
import org.clsweep.jobs.export.query.QueryResult;
import org.clsweep.jobs.export.query.SqlQuery;
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
public final class DistinctOptimaBySlope implements NotebookSection {
    static final String TITLE = "Distinct optima vs leaky slope";
    private static final double TOL_COUNT = 1e-9;

    @Override
    public List<NotebookCell> cells(ExportContext ctx) {
        SweepSchema s = ctx.schema();
        RunMetric m = RunMetric.DISTINCT_OPTIMA;
        Optional<String> missing = ctx.missing(TableKind.AGGREGATES, s.mean(m), s.ciLow(m), s.ciHigh(m));
        if (missing.isPresent()) {
            return List.of(SectionCells.skipped(TITLE, missing.get() + "."));
        }
        if (!ctx.parameters().varyingExcept(ModelKind.ONELAYER).contains("leaky_slope")) {
            return List.of(SectionCells.skipped(TITLE, "`leaky_slope` is not a grid axis of this sweep."));
        }
        List<String> keys = ctx.parameters().seriesKeys(ModelKind.ONELAYER, List.of("width"), "activation",
                "leaky_slope");
        SqlQuery q = SqlQuery.seriesOf(keys, "leaky_slope", List.of(s.aggregateRuns(), s.mean(m), s.ciLow(m),
                s.ciHigh(m)), ModelKind.ONELAYER.specName(),
                List.of(SqlQuery.is("activation", Activation.LEAKY_RELU.specName())));
        QueryResult t = ctx.run(q, TITLE);
        if (t.isEmpty()) {
            return List.of(SectionCells.skipped(TITLE, "the sweep has no one-layer leaky_relu cells."));
        }

        ErrorBarChart.Builder chart = ErrorBarChart.builder("Distinct optima vs leaky-ReLU slope",
                "slope c (0 = ReLU, 1 = linear)", "distinct optima (mean over seeds)")
                .subtitle("bars: 95% CI over seeds");
        List<PredictionCheck> checks = new ArrayList<>();
        List<RowGroups.Group> groups = RowGroups.of(t, keys);
        for (int g = 0; g < groups.size(); g++) {
            RowGroups.Group grp = groups.get(g);
            double[] x = grp.numbers(t, "leaky_slope");
            double[] y = grp.numbers(t, s.mean(m));
            chart.series(new ChartSeries(grp.label(), x, y, grp.numbers(t, s.ciLow(m)), grp.numbers(t, s.ciHigh(m)),
                    g, false));
            Points p = Points.finite(x, y);
            String claim = grp.label() + ": distinct optima fall as the slope goes from 0 towards 1";
            double width = t.number(grp.rows().get(0), "width");
            if (p.size() < 2) {
                checks.add(PredictionCheck.notTestable(claim, "fewer than two slopes with OK runs"));
            } else if (p.first() >= width - TOL_COUNT) {
                checks.add(PredictionCheck.notTestable(claim, "at c = " + Points.fmt(p.firstX())
                        + " every one of the " + Points.fmt(width) + " nodes already has an optimum of its own: "
                        + "the width, not the landscape, bounds the count; " + p.span("c")));
            } else {
                checks.add(PredictionCheck.tested(claim, p.last() < p.first(), p.span("c")
                        + "; non-increasing at every step: " + (p.nonIncreasing() ? "yes" : "no")));
            }
        }
        Figure fig = ctx.addFigure("distinct-optima-vs-leaky-slope", "Distinct optima vs the leaky-ReLU slope c.",
                chart.build());
        String shows = "Leaky ReLU with slope c interpolates between ReLU (c = 0) and linear (c = 1). The figure shows "
                + "the number of distinct optima of the one-layer leaky-ReLU cells against c, one line per width: "
                + "mean over seeds with the 95% confidence interval.";
        String prediction = "The many optima come from the nonlinearity: as c grows the activation becomes more "
                + "linear, fewer activation patterns are self-consistent, and the number of distinct optima falls "
                + "towards the single optimum of the linear case.";
        return List.of(SectionCells.text(TITLE, shows, prediction, checks),
                SectionCells.query(ctx, q, List.of(fig), t));
    }
}
