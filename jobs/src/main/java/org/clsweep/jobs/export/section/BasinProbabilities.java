package org.clsweep.jobs.export.section;

import static org.clsweep.jobs.export.query.GridColumns.GEOMETRY_KIND;
import static org.clsweep.jobs.export.query.GridColumns.LEAKY_SLOPE;
import static org.clsweep.jobs.export.query.GridColumns.MODEL;
import static org.clsweep.jobs.export.query.GridColumns.WIDTH;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clsweep.data.spec.GeometryKind;
import org.clsweep.data.spec.ModelKind;
import org.clsweep.jobs.aggregate.CellSummary;
import org.clsweep.jobs.export.ExportContext;
import org.clsweep.jobs.export.chart.ChartSeries;
import org.clsweep.jobs.export.chart.ErrorBarChart;
import org.clsweep.jobs.export.query.QueryResult;
import org.clsweep.jobs.export.query.SqlQuery;
import org.clsweep.jobs.export.query.SweepParameters;
import org.clsweep.jobs.export.query.SweepSchema;
import org.clsweep.jobs.export.query.TableKind;

/**
 * Figure: the basin probability p_l of every pattern l, one series per activation (and per value
 * of any other grid axis except the width), each at its largest width, where p_l rests on the
 * most nodes. p_l is the aggregates' mean over OK runs of the runs' basin shares; its 95% interval
 * is the Student t interval of that mean over the runs, computed from the runs table (the
 * aggregates hold no interval for p_l).
 *
 * <pre>
 *   p_l = (1/R) Σ_r share_r[l],   CI = p_l ± t_{0.975, R−1} · sd_r(share_r[l]) / √R, within [0, 1]
 *   relu (leaky c = 0), orthogonal patterns:   p_l &gt; 0 for every l        (one optimum per pattern)
 *   linear (leaky c = 1):                      p_l &gt; 0 for at most one l  (one major pattern)
 * </pre>
 *
 * Arrays are read whole and expanded here: array indexing differs between Spark SQL (from 0) and
 * DuckDB (from 1), so the queries do not index them.
 */
public final class BasinProbabilities extends FigureSection {
    static final String TITLE = "Basin probabilities per pattern";
    private static final String SHOWS = "For each pattern l, the probability p_l that one node's training ends in the "
            + "basin of the optimum aligned with μ_l (cosine at least `analysis.match_cosine`): the mean over the "
            + "cell's OK runs of the fraction of its nodes that did. One series per activation, at its largest "
            + "width. The first query gives p_l; the second gives the per-run shares behind the 95% intervals "
            + "(Student t over runs).";
    private static final String PREDICTION = "With ReLU every pattern carries a local optimum of its own, so for "
            + "orthogonal patterns every p_l is positive; how large each basin is depends on the geometry and the "
            + "pattern probabilities. With linear activation only one major pattern can be learned: at most one "
            + "pattern has a basin (none, when the top eigenvector is not aligned with any single pattern).";

    public BasinProbabilities() {
        super(TITLE, PREDICTION);
    }

    @Override
    Optional<String> unavailable(ExportContext ctx) {
        return ctx.missing(TableKind.AGGREGATES, ctx.schema().basinProbability(), LEAKY_SLOPE, GEOMETRY_KIND);
    }

    @Override
    List<String> seriesKeys(SweepParameters parameters) {
        return WidthSeries.keys(parameters);
    }

    @Override
    SqlQuery query(ExportContext ctx, List<String> keys) {
        SweepSchema s = ctx.schema();
        return WidthSeries.query(keys, List.of(LEAKY_SLOPE, GEOMETRY_KIND, "cell_id", s.aggregateRuns(),
                s.basinProbability()), List.of(s.basinProbability() + " IS NOT NULL"));
    }

    @Override
    String noRows() {
        return "no one-layer cell has basin probabilities (no OK one-layer runs).";
    }

    /** The figure, and a second query: the runs' basin shares behind each p_l's interval. */
    @Override
    Drawing draw(ExportContext ctx, SeriesRows rows) {
        SweepSchema s = ctx.schema();
        QueryResult t = rows.table();
        SqlQuery sharesQuery = new SqlQuery("SELECT cell_id, seed, " + s.runBasinShare() + "\nFROM {runs}\n"
                + "WHERE " + SqlQuery.is(MODEL, ModelKind.ONELAYER.specName()) + " AND status = 'OK' AND "
                + s.runBasinShare() + " IS NOT NULL\n"
                + "ORDER BY cell_id, seed");
        QueryResult shares = ctx.run(sharesQuery, TITLE + ": intervals");
        Map<String, List<double[]>> byCell = new HashMap<>();
        for (int r = 0; r < shares.size(); r++) {
            byCell.computeIfAbsent(shares.text(r, "cell_id"), k -> new ArrayList<>())
                    .add(shares.numbers(r, s.runBasinShare()));
        }

        ErrorBarChart.Builder chart = ErrorBarChart.builder("Basin probability per pattern", "pattern l",
                "basin probability p_l").integerX().noLines().yRange(0, 1)
                .subtitle("each series at its largest width; bars: 95% CI over seeds");
        List<PredictionCheck> checks = rows.drawEach((grp, colour) -> {
            int row = grp.rows().get(grp.rows().size() - 1);
            double[] p = t.numbers(row, s.basinProbability());
            double[] lo = new double[p.length];
            double[] hi = new double[p.length];
            interval(byCell.getOrDefault(t.text(row, "cell_id"), List.of()), p, lo, hi);
            double[] x = new double[p.length];
            for (int l = 0; l < p.length; l++) {
                x[l] = l + 1;
            }
            String width = t.text(row, WIDTH);
            chart.series(new ChartSeries(grp.label() + " (width " + width + ")", x, p, lo, hi, colour, false));
            return checks(grp.label(), grp.regime(t), t.text(row, GEOMETRY_KIND), p, width);
        });
        return new Drawing(List.of(ctx.addFigure("basin-probabilities",
                "Basin probability of each pattern, per activation.", chart.build())), SHOWS, checks,
                List.of(SectionCells.query(ctx, sharesQuery, List.of(), shares)));
    }

    /**
     * The 95% interval of each p_l over the cell's runs, clipped to [0, 1] where a probability lies.
     *
     * @param runs per run, the basin shares. Not modified.
     * @param p    the means. Not modified.
     * @param lo   lower ends, NaN with fewer than two runs. Modified.
     * @param hi   upper ends, NaN with fewer than two runs. Modified.
     */
    static void interval(List<double[]> runs, double[] p, double[] lo, double[] hi) {
        Arrays.fill(lo, Double.NaN);
        Arrays.fill(hi, Double.NaN);
        int n = runs.size();
        if (n < 2) {
            return;
        }
        for (int l = 0; l < p.length; l++) {
            double ss = 0;
            for (double[] r : runs) {
                double d = (l < r.length ? r[l] : 0.0) - p[l];
                ss += d * d;
            }
            double half = CellSummary.ciHalfWidth(Math.sqrt(ss / (n - 1)), n);
            lo[l] = Math.max(0.0, p[l] - half);
            hi[l] = Math.min(1.0, p[l] + half);
        }
    }

    private static List<PredictionCheck> checks(String label, ActivationRegime regime, String geometry, double[] p,
                                      String width) {
        int withBasin = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double v : p) {
            withBasin += v > 0 ? 1 : 0;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        String evidence = withBasin + " of " + p.length + " patterns with p_l > 0, p_l from " + Points.fmt(min)
                + " to " + Points.fmt(max) + " (width " + width + ")";
        switch (regime) {
            case RELU -> {
                String claim = label + ": every pattern has a basin";
                if (!geometry.equals(GeometryKind.ORTHOGONAL.specName())) {
                    return List.of(PredictionCheck.notTestable(claim, "the prediction is for orthogonal "
                            + "patterns, this cell's geometry is " + geometry + "; " + evidence));
                }
                return List.of(PredictionCheck.tested(claim, withBasin == p.length, evidence));
            }
            case LINEAR -> {
                return List.of(PredictionCheck.tested(label + ": at most one pattern has a basin", withBasin <= 1,
                        evidence));
            }
            default -> {
                return List.of();
            }
        }
    }
}
