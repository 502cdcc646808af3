package org.clsweep.jobs.export.section;

import static org.clsweep.jobs.export.query.GridColumns.ACTIVATION;
import static org.clsweep.jobs.export.query.GridColumns.LEAKY_SLOPE;
import static org.clsweep.jobs.export.query.GridColumns.WIDTH;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clsweep.data.experiment.RunMetric;
import org.clsweep.data.spec.GeometryKind;
import org.clsweep.data.spec.SpecKey;
import org.clsweep.jobs.export.ExportContext;
import org.clsweep.jobs.export.chart.ErrorBarChart;
import org.clsweep.jobs.export.chart.Figure;
import org.clsweep.jobs.export.query.QueryResult;
import org.clsweep.jobs.export.query.SqlQuery;
import org.clsweep.jobs.export.query.SweepParameters;
import org.clsweep.jobs.export.query.SweepSchema;
import org.clsweep.jobs.export.query.TableKind;

/**
 * Figures: the mean label purity and the labels covered by the distinct optima against the width
 * n, for the one-layer cells on labelled data ({@code geometry.kind = dataset}), one series per
 * activation (and per value of any other grid axis), error bars the aggregates' 95% CIs over seeds.
 *
 * <pre>
 *   check   ReLU (and leaky c = 0): mean_label_purity above that of the linear series with the same
 *           other axes, at every width both have
 * </pre>
 * The number of distinct optima of the same cells is drawn by {@link DistinctOptimaByWidth}.
 */
public final class LabelPurityByWidth extends FigureSection {
    static final String TITLE = "Label purity and labels covered vs width (labelled data)";
    private static final String SHOWS = "For the one-layer cells on labelled data: the mean label purity of the "
            + "distinct optima (the share of an optimum's ReLU response max(wᵀμ_i, 0) that falls on its majority "
            + "label) and the number of labels that are the majority label of some optimum, against the width n. "
            + "One point per grid cell: the mean over its seeds, with the 95% confidence interval.";
    private static final String PREDICTION = "Each ReLU optimum is tied to a pattern of the data, so its response "
            + "should concentrate on one label: a higher label purity than the linear node's single principal "
            + "direction, and more labels covered as the width grows.";
    private static final RunMetric PURITY = RunMetric.MEAN_LABEL_PURITY;
    private static final RunMetric COVERED = RunMetric.LABELS_COVERED;

    public LabelPurityByWidth() {
        super(TITLE, PREDICTION);
    }

    @Override
    Optional<String> unavailable(ExportContext ctx) {
        SweepSchema s = ctx.schema();
        return ctx.missing(TableKind.AGGREGATES, s.mean(PURITY), s.ciLow(PURITY), s.ciHigh(PURITY), s.mean(COVERED),
                s.ciLow(COVERED), s.ciHigh(COVERED), LEAKY_SLOPE, SpecKey.GEOMETRY_KIND.column());
    }

    @Override
    List<String> seriesKeys(SweepParameters parameters) {
        return WidthSeries.keys(parameters);
    }

    @Override
    SqlQuery query(ExportContext ctx, List<String> keys) {
        SweepSchema s = ctx.schema();
        return WidthSeries.query(keys, List.of(LEAKY_SLOPE, s.aggregateRuns(), s.mean(PURITY), s.ciLow(PURITY),
                s.ciHigh(PURITY), s.mean(COVERED), s.ciLow(COVERED), s.ciHigh(COVERED)),
                List.of(SqlQuery.is(SpecKey.GEOMETRY_KIND.column(), GeometryKind.DATASET.specName()),
                        s.mean(PURITY) + " IS NOT NULL"));
    }

    @Override
    String noRows() {
        return "the sweep has no one-layer cell on labelled data (geometry.kind = dataset with labels) with OK runs.";
    }

    @Override
    Drawing draw(ExportContext ctx, SeriesRows rows) {
        SweepSchema s = ctx.schema();
        QueryResult t = rows.table();
        ErrorBarChart.Builder purity = WidthSeries.chart("Label purity vs width",
                "mean label purity (mean over seeds)");
        ErrorBarChart.Builder covered = WidthSeries.chart("Labels covered vs width",
                "labels covered (mean over seeds)");
        Map<Map<String, Object>, Map<Double, Double>> linear = new HashMap<>();
        for (RowGroups.Group g : rows.groups()) {
            if (g.regime(t) == ActivationRegime.LINEAR) {
                Map<Double, Double> byWidth = new HashMap<>();
                for (int r : g.rows()) {
                    byWidth.put(t.number(r, WIDTH), t.number(r, s.mean(PURITY)));
                }
                linear.put(otherAxes(g), byWidth);
            }
        }
        List<PredictionCheck> checks = rows.drawEach((grp, colour) -> {
            double[] x = grp.numbers(t, WIDTH);
            double[] p = grp.numbers(t, s.mean(PURITY));
            purity.series(WidthSeries.mean(grp.label(), grp, t, s, PURITY, colour));
            covered.series(WidthSeries.mean(grp.label(), grp, t, s, COVERED, colour));
            if (grp.regime(t) != ActivationRegime.RELU) {
                return List.of();
            }
            String claim = grp.label() + ": label purity above linear's at every width";
            Map<Double, Double> lin = linear.get(otherAxes(grp));
            List<String> pairs = new ArrayList<>();
            boolean above = true;
            for (int i = 0; i < x.length; i++) {
                Double l = lin == null ? null : lin.get(x[i]);
                if (l != null && !Double.isNaN(p[i])) {
                    pairs.add(Points.fmt(p[i]) + " vs " + Points.fmt(l) + " at n = " + Points.fmt(x[i]));
                    above &= p[i] > l;
                }
            }
            return List.of(pairs.isEmpty()
                    ? PredictionCheck.notTestable(claim, "no linear cell with the same other axes and width")
                    : PredictionCheck.tested(claim, above, String.join("; ", pairs)));
        });
        List<Figure> figures = List.of(
                ctx.addFigure("label-purity-vs-width", "Mean label purity of the distinct optima vs width, per "
                        + "activation.", purity.build()),
                ctx.addFigure("labels-covered-vs-width", "Labels covered by the distinct optima vs width, per "
                        + "activation.", covered.build()));
        return new Drawing(figures, SHOWS, checks, List.of());
    }

    /** The group's key without the activation and its slope: what a ReLU and a linear series share. */
    private static Map<String, Object> otherAxes(RowGroups.Group g) {
        Map<String, Object> k = new HashMap<>(g.key());
        k.remove(ACTIVATION);
        k.remove(LEAKY_SLOPE);
        return k;
    }
}
