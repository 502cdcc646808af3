package org.clsweep.jobs.export.section;

import static org.clsweep.jobs.export.query.GridColumns.ACTIVATION;
import static org.clsweep.jobs.export.query.GridColumns.NET_BATCHNORM;
import static org.clsweep.jobs.export.query.GridColumns.WIDTH;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clsweep.data.spec.ModelKind;
import org.clsweep.jobs.aggregate.CellSummary;
import org.clsweep.jobs.export.ExportContext;
import org.clsweep.jobs.export.chart.ChartSeries;
import org.clsweep.jobs.export.chart.ErrorBarChart;
import org.clsweep.jobs.export.chart.Figure;
import org.clsweep.jobs.export.query.QueryResult;
import org.clsweep.jobs.export.query.SqlQuery;
import org.clsweep.jobs.export.query.SweepParameters;
import org.clsweep.jobs.export.query.SweepSchema;
import org.clsweep.jobs.export.query.TableKind;

/**
 * Figure(s): two-layer learning curves — loc_all (solid) and loc_other_all (dashed) against the
 * iteration, averaged over the OK runs of each cell, with a 95% band; one chart per β (at most
 * {@value #MAX_CHARTS}, spread over the β values), one colour per activation × BatchNorm.
 *
 * <pre>
 *   band = mean ± t_{0.975, n−1} · sd / √n      over the n OK runs at that iteration
 *   relu (leaky c = 0): loc_all rises during training and ends above loc_other_all
 * </pre>
 *
 * The aggregates table does not summarise traces, so the query returns mean, sample standard
 * deviation and count, and the band is computed here as the aggregates compute theirs
 * ({@link CellSummary#ciHalfWidth}).
 */
public final class LearningCurves extends FigureSection {
    static final String TITLE = "Two layers: learning curves";
    static final int MAX_CHARTS = 4;
    private static final String PREDICTION = "Global modulation: tokens that discriminate between global patterns are "
            + "learned, tokens that are only noise are not. With ReLU, loc_all rises during training while "
            + "loc_other_all stays below it.";

    public LearningCurves() {
        super(TITLE, PREDICTION);
    }

    @Override
    Optional<String> unavailable(ExportContext ctx) {
        SweepSchema s = ctx.schema();
        return ctx.missing(TableKind.TRACE, "cell_id", "seed", s.traceIteration(), s.traceLocAll(),
                s.traceLocOtherAll());
    }

    @Override
    List<String> seriesKeys(SweepParameters parameters) {
        return parameters.seriesKeys(ModelKind.TWOLAYER, List.of(ACTIVATION, NET_BATCHNORM), WIDTH);
    }

    @Override
    SqlQuery query(ExportContext ctx, List<String> keys) {
        SweepSchema s = ctx.schema();
        List<String> group = SqlQuery.runSeriesColumns(keys);
        group.add("t." + s.traceIteration());
        List<String> select = new ArrayList<>(group);
        select.addAll(List.of("COUNT(*) AS runs",
                "AVG(t." + s.traceLocAll() + ") AS loc_all_mean",
                "STDDEV_SAMP(t." + s.traceLocAll() + ") AS loc_all_sd",
                "AVG(t." + s.traceLocOtherAll() + ") AS loc_other_all_mean",
                "STDDEV_SAMP(t." + s.traceLocOtherAll() + ") AS loc_other_all_sd"));
        return SqlQuery.groupedOverOkRuns(select, TableKind.TRACE, "t", ModelKind.TWOLAYER.specName(), group);
    }

    @Override
    String noRows() {
        return "the trace table has no rows of OK two-layer runs.";
    }

    /** One chart per charted β, each holding the series' rows at that β. */
    @Override
    Drawing draw(ExportContext ctx, SeriesRows rows) {
        QueryResult t = rows.table();
        String iteration = ctx.schema().traceIteration();
        List<Object> betas = distinct(t, WIDTH);
        List<Object> charted = spread(betas);
        List<Figure> figures = new ArrayList<>();
        List<PredictionCheck> checks = new ArrayList<>();
        for (Object beta : charted) {
            String b = QueryResult.format(beta);
            ErrorBarChart.Builder chart = ErrorBarChart.builder("Learning curves, β = " + b,
                    "iteration", "score (mean over seeds)")
                    .subtitle("solid: loc_all, dashed: loc_other_all; band: 95% CI over seeds")
                    .intervals(ErrorBarChart.Intervals.BAND).yRange(0, 1);
            checks.addAll(rows.where(WIDTH, beta).drawEach((at, colour) -> {
                double[] x = at.numbers(t, iteration);
                double[] n = at.numbers(t, "runs");
                double[] a = at.numbers(t, "loc_all_mean");
                double[] o = at.numbers(t, "loc_other_all_mean");
                chart.series(band(at.label() + " loc_all", x, a, at.numbers(t, "loc_all_sd"), n, colour, false));
                chart.series(band(at.label() + " loc_other_all", x, o, at.numbers(t, "loc_other_all_sd"), n, colour,
                        true));
                return at.regime(t) == ActivationRegime.RELU ? List.of(rise(at.label() + ", β = " + b, x, a, o))
                        : List.of();
            }));
            figures.add(ctx.addFigure("learning-curves-beta-" + b.replace('.', '_'),
                    "Learning curves at β = " + b + ".", chart.build()));
        }
        String shows = "How loc_all (tokens of the global patterns) and loc_other_all (tokens no pattern uses at that "
                + "location) evolve during training, recorded every `train.trace_every` iterations; mean over the "
                + "OK runs of each cell with a 95% band (Student t over seeds)."
                + (charted.size() < betas.size() ? " Charts are drawn for β = " + join(charted) + " of "
                + join(betas) + "; the table holds every β." : "");
        return new Drawing(figures, shows, checks, List.of());
    }

    private static ChartSeries band(String label, double[] x, double[] mean, double[] sd, double[] n, int colour,
                                    boolean dashed) {
        double[] lo = new double[x.length];
        double[] hi = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double h = CellSummary.ciHalfWidth(sd[i], (long) n[i]);
            lo[i] = mean[i] - h;
            hi[i] = mean[i] + h;
        }
        return new ChartSeries(label, x, mean, lo, hi, colour, dashed);
    }

    private static PredictionCheck rise(String label, double[] x, double[] a, double[] o) {
        String claim = label + ": loc_all rises during training and ends above loc_other_all";
        Points pa = Points.finite(x, a);
        Points po = Points.finite(x, o);
        if (pa.size() < 2 || po.size() < 2) {
            return PredictionCheck.notTestable(claim, "fewer than two trace points");
        }
        boolean holds = pa.last() > pa.first() && pa.last() > po.last();
        return PredictionCheck.tested(claim, holds, "loc_all " + Points.fmt(pa.first()) + " → "
                + Points.fmt(pa.last()) + ", loc_other_all " + Points.fmt(po.first()) + " → " + Points.fmt(po.last())
                + " over iterations " + Points.fmt(pa.firstX()) + "–" + Points.fmt(pa.lastX()));
    }

    private static List<Object> distinct(QueryResult t, String column) {
        List<Object> out = new ArrayList<>();
        for (int r = 0; r < t.size(); r++) {
            Object v = t.value(r, column);
            if (!out.contains(v)) {
                out.add(v);
            }
        }
        out.sort((p, q) -> Double.compare(((Number) p).doubleValue(), ((Number) q).doubleValue()));
        return out;
    }

    /** At most {@link #MAX_CHARTS} values, evenly spread, first and last included. */
    static List<Object> spread(List<Object> values) {
        if (values.size() <= MAX_CHARTS) {
            return values;
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < MAX_CHARTS; i++) {
            Object v = values.get((int) Math.round(i * (values.size() - 1) / (double) (MAX_CHARTS - 1)));
            if (!out.contains(v)) {
                out.add(v);
            }
        }
        return out;
    }

    private static String join(List<Object> values) {
        List<String> s = new ArrayList<>();
        for (Object v : values) {
            s.add(QueryResult.format(v));
        }
        return String.join(", ", s);
    }
}
