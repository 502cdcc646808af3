package org.clsweep.jobs.export.section;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Figure: loc_all (solid) and loc_other_all (dashed, same colour) of two-layer cells against the
 * over-parameterisation β, one colour per activation × BatchNorm (and per value of any other grid
 * axis), error bars the aggregates' 95% CIs.
 *
 * <pre>
 *   relu (leaky c = 0): loc_all &gt; loc_other_all at every β   (filters specialise to pattern tokens)
 *   relu vs linear:     loc_all(relu) &gt; loc_all(linear) at every matching (BatchNorm, β, …)
 * </pre>
 */
public final class LocalityByBeta implements NotebookSection {
    static final String TITLE = "Two layers: pattern recovery vs β";

    @Override
    public List<NotebookCell> cells(ExportContext ctx) {
        SweepSchema s = ctx.schema();
        RunMetric all = RunMetric.LOC_ALL;
        RunMetric other = RunMetric.LOC_OTHER_ALL;
        Optional<String> missing = ctx.missing(TableKind.AGGREGATES, s.mean(all), s.ciLow(all), s.ciHigh(all),
                s.mean(other), s.ciLow(other), s.ciHigh(other), "net_batchnorm", "leaky_slope");
        if (missing.isPresent()) {
            return List.of(SectionCells.skipped(TITLE, missing.get() + "."));
        }
        List<String> keys = ctx.parameters().seriesKeys(ModelKind.TWOLAYER, List.of("activation", "net_batchnorm"),
                "width");
        SqlQuery q = SqlQuery.seriesOf(keys, "width", List.of("leaky_slope", s.aggregateRuns(), s.mean(all),
                s.ciLow(all), s.ciHigh(all), s.mean(other), s.ciLow(other), s.ciHigh(other)),
                ModelKind.TWOLAYER.specName(), List.of());
        QueryResult t = ctx.run(q, TITLE);
        if (t.isEmpty()) {
            return List.of(SectionCells.skipped(TITLE, "the sweep has no two-layer cells."));
        }

        ErrorBarChart.Builder chart = ErrorBarChart.builder("Two layers: loc_all and loc_other_all vs β",
                "β (filters per receptive field M = β·P)", "score (mean over seeds)")
                .subtitle("solid: loc_all (pattern tokens), dashed: loc_other_all (other tokens); bars: 95% CI")
                .xScale(ErrorBarChart.XScale.AUTO).integerX().yRange(0, 1);
        List<PredictionCheck> checks = new ArrayList<>();
        List<RowGroups.Group> groups = RowGroups.of(t, keys);
        for (int g = 0; g < groups.size(); g++) {
            RowGroups.Group grp = groups.get(g);
            double[] x = grp.numbers(t, "width");
            double[] a = grp.numbers(t, s.mean(all));
            double[] o = grp.numbers(t, s.mean(other));
            chart.series(new ChartSeries(grp.label() + " loc_all", x, a, grp.numbers(t, s.ciLow(all)),
                    grp.numbers(t, s.ciHigh(all)), g, false));
            chart.series(new ChartSeries(grp.label() + " loc_other_all", x, o, grp.numbers(t, s.ciLow(other)),
                    grp.numbers(t, s.ciHigh(other)), g, true));
            if (grp.regime(t) == ActivationRegime.RELU) {
                checks.add(separation(grp.label(), x, a, o));
            }
        }
        comparison(t, keys, s.mean(all)).ifPresent(checks::add);
        Figure fig = ctx.addFigure("loc-vs-beta", "Two layers: loc_all and loc_other_all vs β, per activation and "
                + "BatchNorm.", chart.build());
        String shows = "For two-layer networks, how well the filters of each receptive field recover the tokens of the "
                + "global patterns: loc_all averages, over locations, the best normalised filter response to tokens "
                + "that occur at that location in some pattern; loc_other_all does the same for tokens that never "
                + "do (noise). Both against β (M = β·P filters per receptive field); mean over seeds with the 95% "
                + "confidence interval.";
        String prediction = "With ReLU the filters specialise: each aligns with a token that the global patterns use, "
                + "so loc_all is high and loc_other_all low. With linear activation the filters cannot specialise "
                + "into different patterns (the paper proves it): they mix tokens, and loc_all stays below the "
                + "ReLU value.";
        return List.of(SectionCells.text(TITLE, shows, prediction, checks),
                SectionCells.query(ctx, q, List.of(fig), t));
    }

    private static PredictionCheck separation(String label, double[] x, double[] a, double[] o) {
        String claim = label + ": loc_all above loc_other_all at every β";
        int tested = 0;
        int above = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(a[i]) && Double.isFinite(o[i])) {
                tested++;
                above += a[i] > o[i] ? 1 : 0;
            }
        }
        if (tested == 0) {
            return PredictionCheck.notTestable(claim, "no β has OK runs");
        }
        Points pa = Points.finite(x, a);
        Points po = Points.finite(x, o);
        return PredictionCheck.tested(claim, above == tested, above + " of " + tested + " β; loc_all "
                + Points.fmt(pa.min()) + "–" + Points.fmt(pa.max()) + ", loc_other_all " + Points.fmt(po.min())
                + "–" + Points.fmt(po.max()));
    }

    /** ReLU against linear at each matching key (other than the activation) and β, when both are present. */
    private static Optional<PredictionCheck> comparison(QueryResult t, List<String> keys, String meanAll) {
        Map<String, Double> linear = new HashMap<>();
        for (int r = 0; r < t.size(); r++) {
            if (Activation.LINEAR.specName().equals(t.value(r, "activation"))) {
                linear.put(matchKey(t, r, keys), t.number(r, meanAll));
            }
        }
        int tested = 0;
        int above = 0;
        double minGap = Double.POSITIVE_INFINITY;
        for (int r = 0; r < t.size(); r++) {
            Double lin = linear.get(matchKey(t, r, keys));
            double relu = t.number(r, meanAll);
            if (Activation.RELU.specName().equals(t.value(r, "activation")) && lin != null && Double.isFinite(lin)
                    && Double.isFinite(relu)) {
                tested++;
                above += relu > lin ? 1 : 0;
                minGap = Math.min(minGap, relu - lin);
            }
        }
        if (tested == 0) {
            return Optional.empty();
        }
        return Optional.of(PredictionCheck.tested("relu recovers more pattern tokens than linear (loc_all) at the same "
                + "BatchNorm setting and β", above == tested, above + " of " + tested
                + " matching cells; smallest difference " + Points.fmt(minGap)));
    }

    private static String matchKey(QueryResult t, int row, List<String> keys) {
        StringBuilder sb = new StringBuilder();
        for (String k : keys) {
            if (!k.equals("activation")) {
                sb.append(k).append('=').append(t.text(row, k)).append(';');
            }
        }
        return sb.append("width=").append(t.text(row, "width")).toString();
    }
}
