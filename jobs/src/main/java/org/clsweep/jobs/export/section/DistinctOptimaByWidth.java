package org.clsweep.jobs.export.section;

import static org.clsweep.jobs.export.query.GridColumns.GEOMETRY_MAG_END;
import static org.clsweep.jobs.export.query.GridColumns.GEOMETRY_MAG_START;
import static org.clsweep.jobs.export.query.GridColumns.LEAKY_SLOPE;
import static org.clsweep.jobs.export.query.GridColumns.WIDTH;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clsweep.data.experiment.RunMetric;
import org.clsweep.jobs.export.ExportContext;
import org.clsweep.jobs.export.chart.ErrorBarChart;
import org.clsweep.jobs.export.query.QueryResult;
import org.clsweep.jobs.export.query.SqlQuery;
import org.clsweep.jobs.export.query.SweepParameters;
import org.clsweep.jobs.export.query.SweepSchema;
import org.clsweep.jobs.export.query.TableKind;

/**
 * Figure: the number of distinct optima against the width n, one series per activation (and per
 * value of any other grid axis), error bars the aggregates' 95% CIs over seeds.
 *
 * <pre>
 *   linear (distinct magnitudes)   distinct optima = 1 at every n
 *   relu (and leaky c = 0)         distinct optima &gt; 1, growing with n
 * </pre>
 *
 * With equal pattern magnitudes the top eigenvalue of Cov(μ) is degenerate, every direction in
 * its eigenspace is a fixed point, and the single-optimum statement does not apply: the check
 * says so instead of failing.
 */
public final class DistinctOptimaByWidth extends FigureSection {
    static final String TITLE = "Distinct optima vs width";
    private static final String SHOWS = "The number of distinct optima the n nodes of a one-layer network reach "
            + "(nodes whose final directions agree count once; for linear activation w and −w are one optimum), "
            + "against the width n. One point per grid cell: the mean over its seeds, with the 95% confidence "
            + "interval.";
    private static final String PREDICTION = "With linear activation the training flow is power iteration: every "
            + "node converges to ± the top eigenvector of the pattern covariance, so there is exactly one distinct "
            + "optimum whatever the width — provided the patterns have distinct magnitudes, which makes that "
            + "eigenvector unique. With ReLU or leaky ReLU every self-consistent set of active patterns is its own "
            + "local optimum, so there are many, and more nodes (more independent initialisations) find more of "
            + "them.";
    private static final RunMetric METRIC = RunMetric.DISTINCT_OPTIMA;
    private static final double TOL_COUNT = 1e-9;

    public DistinctOptimaByWidth() {
        super(TITLE, PREDICTION);
    }

    @Override
    Optional<String> unavailable(ExportContext ctx) {
        SweepSchema s = ctx.schema();
        return ctx.missing(TableKind.AGGREGATES, s.mean(METRIC), s.ciLow(METRIC), s.ciHigh(METRIC),
                LEAKY_SLOPE, GEOMETRY_MAG_START, GEOMETRY_MAG_END);
    }

    @Override
    List<String> seriesKeys(SweepParameters parameters) {
        return WidthSeries.keys(parameters);
    }

    @Override
    SqlQuery query(ExportContext ctx, List<String> keys) {
        SweepSchema s = ctx.schema();
        return WidthSeries.query(keys, List.of(LEAKY_SLOPE, GEOMETRY_MAG_START, GEOMETRY_MAG_END,
                s.aggregateRuns(), s.mean(METRIC), s.ciLow(METRIC), s.ciHigh(METRIC)), List.of());
    }

    @Override
    String noRows() {
        return "the sweep has no one-layer cells.";
    }

    @Override
    Drawing draw(ExportContext ctx, SeriesRows rows) {
        SweepSchema s = ctx.schema();
        QueryResult t = rows.table();
        ErrorBarChart.Builder chart = WidthSeries.chart("Distinct optima vs width",
                "distinct optima (mean over seeds)");
        List<PredictionCheck> checks = rows.drawEach((grp, colour) -> {
            chart.series(WidthSeries.mean(grp.label(), grp, t, s, METRIC, colour));
            Points p = Points.finite(grp.numbers(t, WIDTH), grp.numbers(t, s.mean(METRIC)));
            return p.size() == 0 ? List.of(PredictionCheck.notTestable(grp.label(), "no cell has OK runs"))
                    : checks(grp, t, p);
        });
        return Drawing.of(ctx.addFigure("distinct-optima-vs-width", "Distinct optima vs width, per activation.",
                chart.build()), SHOWS, checks);
    }

    private static List<PredictionCheck> checks(RowGroups.Group grp, QueryResult t, Points p) {
        int row = grp.rows().get(0);
        switch (grp.regime(t)) {
            case LINEAR -> {
                String claim = grp.label() + ": distinct optima = 1 at every width";
                boolean distinctMagnitudes = t.number(row, GEOMETRY_MAG_START) != t.number(row, GEOMETRY_MAG_END);
                if (!distinctMagnitudes) {
                    return List.of(PredictionCheck.notTestable(claim, "the patterns have equal magnitudes "
                            + "(geometry.mag_start = geometry.mag_end), so the top eigenvalue is degenerate and the "
                            + "prediction does not apply; observed " + p.list(WIDTH)));
                }
                boolean allOne = p.min() > 1 - TOL_COUNT && p.max() < 1 + TOL_COUNT;
                return List.of(PredictionCheck.tested(claim, allOne, p.list(WIDTH)));
            }
            case RELU -> {
                List<PredictionCheck> out = new ArrayList<>();
                out.add(PredictionCheck.tested(grp.label() + ": more than one distinct optimum at the largest width",
                        p.last() > 1 + TOL_COUNT, Points.fmt(p.last()) + " at width " + Points.fmt(p.lastX())));
                String claim = grp.label() + ": distinct optima grow with width";
                out.add(p.size() < 2
                        ? PredictionCheck.notTestable(claim, "one width only")
                        : PredictionCheck.tested(claim, p.last() > p.first(), p.span(WIDTH)));
                return out;
            }
            default -> {
                return List.of();
            }
        }
    }
}
