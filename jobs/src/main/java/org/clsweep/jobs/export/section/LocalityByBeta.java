package org.clsweep.jobs.export.section;

import static org.clsweep.jobs.export.query.GridColumns.ACTIVATION;
import static org.clsweep.jobs.export.query.GridColumns.LEAKY_SLOPE;
import static org.clsweep.jobs.export.query.GridColumns.NET_BATCHNORM;
import static org.clsweep.jobs.export.query.GridColumns.WIDTH;

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
import org.clsweep.jobs.export.query.QueryResult;
import org.clsweep.jobs.export.query.SqlQuery;
import org.clsweep.jobs.export.query.SweepParameters;
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
public final class LocalityByBeta extends FigureSection {
    static final String TITLE = "Two layers: pattern recovery vs β";
    private static final String SHOWS = "For two-layer networks, how well the filters of each receptive field "
            + "recover the tokens of the global patterns: loc_all averages, over locations, the best normalised "
            + "filter response to tokens that occur at that location in some pattern; loc_other_all does the same "
            + "for tokens that never do (noise). Both against β (M = β·P filters per receptive field); mean over "
            + "seeds with the 95% confidence interval.";
    private static final String PREDICTION = "With ReLU the filters specialise: each aligns with a token that the "
            + "global patterns use, so loc_all is high and loc_other_all low. With linear activation the filters "
            + "cannot specialise into different patterns (the paper proves it): they mix tokens, and loc_all stays "
            + "below the ReLU value.";
    private static final RunMetric ALL = RunMetric.LOC_ALL;
    private static final RunMetric OTHER = RunMetric.LOC_OTHER_ALL;

    public LocalityByBeta() {
        super(TITLE, PREDICTION);
    }

    @Override
    Optional<String> unavailable(ExportContext ctx) {
        SweepSchema s = ctx.schema();
        return ctx.missing(TableKind.AGGREGATES, s.mean(ALL), s.ciLow(ALL), s.ciHigh(ALL), s.mean(OTHER),
                s.ciLow(OTHER), s.ciHigh(OTHER), NET_BATCHNORM, LEAKY_SLOPE);
    }

    @Override
    List<String> seriesKeys(SweepParameters parameters) {
        return parameters.seriesKeys(ModelKind.TWOLAYER, List.of(ACTIVATION, NET_BATCHNORM), WIDTH);
    }

    @Override
    SqlQuery query(ExportContext ctx, List<String> keys) {
        SweepSchema s = ctx.schema();
        return SqlQuery.seriesOf(keys, WIDTH, List.of(LEAKY_SLOPE, s.aggregateRuns(), s.mean(ALL),
                s.ciLow(ALL), s.ciHigh(ALL), s.mean(OTHER), s.ciLow(OTHER), s.ciHigh(OTHER)),
                ModelKind.TWOLAYER.specName(), List.of());
    }

    @Override
    String noRows() {
        return "the sweep has no two-layer cells.";
    }

    @Override
    Drawing draw(ExportContext ctx, SeriesRows rows) {
        SweepSchema s = ctx.schema();
        QueryResult t = rows.table();
        ErrorBarChart.Builder chart = ErrorBarChart.builder("Two layers: loc_all and loc_other_all vs β",
                "β (filters per receptive field M = β·P)", "score (mean over seeds)")
                .subtitle("solid: loc_all (pattern tokens), dashed: loc_other_all (other tokens); bars: 95% CI")
                .xScale(ErrorBarChart.XScale.AUTO).integerX().yRange(0, 1);
        List<PredictionCheck> checks = rows.drawEach((grp, colour) -> {
            double[] x = grp.numbers(t, WIDTH);
            double[] a = grp.numbers(t, s.mean(ALL));
            double[] o = grp.numbers(t, s.mean(OTHER));
            chart.series(new ChartSeries(grp.label() + " loc_all", x, a, grp.numbers(t, s.ciLow(ALL)),
                    grp.numbers(t, s.ciHigh(ALL)), colour, false));
            chart.series(new ChartSeries(grp.label() + " loc_other_all", x, o, grp.numbers(t, s.ciLow(OTHER)),
                    grp.numbers(t, s.ciHigh(OTHER)), colour, true));
            return grp.regime(t) == ActivationRegime.RELU ? List.of(separation(grp.label(), x, a, o)) : List.of();
        });
        comparison(t, rows.keys(), s.mean(ALL)).ifPresent(checks::add);
        return Drawing.of(ctx.addFigure("loc-vs-beta", "Two layers: loc_all and loc_other_all vs β, per activation "
                + "and BatchNorm.", chart.build()), SHOWS, checks);
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
            if (Activation.LINEAR.specName().equals(t.value(r, ACTIVATION))) {
                linear.put(matchKey(t, r, keys), t.number(r, meanAll));
            }
        }
        int tested = 0;
        int above = 0;
        double minGap = Double.POSITIVE_INFINITY;
        for (int r = 0; r < t.size(); r++) {
            Double lin = linear.get(matchKey(t, r, keys));
            double relu = t.number(r, meanAll);
            if (Activation.RELU.specName().equals(t.value(r, ACTIVATION)) && lin != null && Double.isFinite(lin)
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
            if (!k.equals(ACTIVATION)) {
                sb.append(k).append('=').append(t.text(row, k)).append(';');
            }
        }
        return sb.append(WIDTH).append('=').append(t.text(row, WIDTH)).toString();
    }
}
