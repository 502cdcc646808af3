package org.clsweep.jobs.export.section;

import static org.clsweep.jobs.export.query.GridColumns.ACTIVATION;
import static org.clsweep.jobs.export.query.GridColumns.NET_BATCHNORM;
import static org.clsweep.jobs.export.query.GridColumns.WIDTH;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Figure: global modulation — the learning time of a (location, token) against the number of
 * global patterns that put the token at that location, for the two-layer cells at their largest
 * β, one series per activation × BatchNorm (and any other grid axis), with the fraction of
 * records learned at all.
 *
 * <pre>
 *   learning time = first traced iteration with s_k(a) ≥ 0.9 (NULL: never)
 *   mean ± t_{0.975, m−1} · sd / √m   over the m learned records (locations × tokens × seeds)
 *   relu (leaky c = 0):  tokens no pattern uses are learned less often than pattern tokens
 * </pre>
 *
 * The paper predicts that tokens which are only noise are not learned; it states no direction for
 * the time against the number of patterns, so the figure reports that relation without a check.
 */
public final class TokenLearningTime extends FigureSection {
    static final String TITLE = "Two layers: token learning time vs patterns using the token";
    private static final String PREDICTION = "Global modulation: local patterns that discriminate between global "
            + "patterns are learned preferentially, and tokens that are only noise at a location are not learned. "
            + "The paper does not state how the learning time depends on the number of patterns using a token; the "
            + "mean times above report it.";

    public TokenLearningTime() {
        super(TITLE, PREDICTION);
    }

    @Override
    Optional<String> unavailable(ExportContext ctx) {
        SweepSchema s = ctx.schema();
        return ctx.missing(TableKind.TOKENS, "cell_id", "seed", s.tokenPatternsUsing(), s.tokenLearningTime());
    }

    @Override
    List<String> seriesKeys(SweepParameters parameters) {
        return parameters.seriesKeys(ModelKind.TWOLAYER, List.of(ACTIVATION, NET_BATCHNORM), WIDTH);
    }

    @Override
    SqlQuery query(ExportContext ctx, List<String> keys) {
        SweepSchema s = ctx.schema();
        List<String> group = SqlQuery.runSeriesColumns(keys);
        group.add("k." + s.tokenPatternsUsing());
        String time = "k." + s.tokenLearningTime();
        List<String> select = new ArrayList<>(group);
        select.addAll(List.of("COUNT(*) AS records", "COUNT(" + time + ") AS learned",
                "AVG(" + time + ") AS time_mean", "STDDEV_SAMP(" + time + ") AS time_sd"));
        return SqlQuery.groupedOverOkRuns(select, TableKind.TOKENS, "k", ModelKind.TWOLAYER.specName(), group);
    }

    @Override
    String noRows() {
        return "the tokens table has no rows of OK two-layer runs.";
    }

    /** Each series at its largest β; no figure when no record was learned. */
    @Override
    Drawing draw(ExportContext ctx, SeriesRows rows) {
        QueryResult t = rows.table();
        String using = ctx.schema().tokenPatternsUsing();
        ErrorBarChart.Builder chart = ErrorBarChart.builder("Token learning time vs patterns using the token",
                "patterns using the token at its location", "learning time (iterations)")
                .subtitle("learned records only, each series at its largest β; bars: 95% CI over records")
                .integerX();
        List<String> trends = new ArrayList<>();
        List<PredictionCheck> checks = rows.drawEach((grp, colour) -> {
            RowGroups.Group at = atLargestWidth(t, grp);
            String beta = t.text(at.rows().get(0), WIDTH);
            double[] x = at.numbers(t, using);
            double[] mean = at.numbers(t, "time_mean");
            double[] sd = at.numbers(t, "time_sd");
            double[] learned = at.numbers(t, "learned");
            double[] lo = new double[x.length];
            double[] hi = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                double h = CellSummary.ciHalfWidth(sd[i], (long) learned[i]);
                lo[i] = mean[i] - h;
                hi[i] = mean[i] + h;
            }
            String label = grp.label() + ", β = " + beta;
            Points p = Points.finite(x, mean);
            if (p.size() > 0) {
                chart.series(new ChartSeries(label, x, mean, lo, hi, colour, false));
                trends.add(label + ": " + (p.size() < 2 ? "one group only" : p.span("patterns using")));
            }
            return at.regime(t) == ActivationRegime.RELU ? List.of(noiseLearnedLess(label, t, at, using)) : List.of();
        });
        List<Figure> figures = new ArrayList<>();
        if (!trends.isEmpty()) {
            figures.add(ctx.addFigure("token-learning-time", "Token learning time vs the number of patterns using "
                    + "the token.", chart.build()));
        }
        String shows = "For every location k and token a of every OK two-layer run: how many global patterns put a at "
                + "k (0: a is noise there), and the first traced iteration at which the token's score s_k(a) "
                + "reached 0.9 (its learning time; never, if it did not). The figure shows the mean learning time "
                + "of the records that were learned, against the number of patterns, for each series at its "
                + "largest β; the table also gives how many records there are and how many were learned. The "
                + "resolution is `train.trace_every`. Mean time from the fewest to the most patterns: "
                + (trends.isEmpty() ? "no record was learned." : String.join("; ", trends) + ".");
        return new Drawing(figures, shows, checks, List.of());
    }

    /** The group's rows at its largest width. */
    private static RowGroups.Group atLargestWidth(QueryResult t, RowGroups.Group grp) {
        double max = Double.NEGATIVE_INFINITY;
        for (int r : grp.rows()) {
            max = Math.max(max, t.number(r, WIDTH));
        }
        List<Integer> rows = new ArrayList<>();
        for (int r : grp.rows()) {
            if (t.number(r, WIDTH) == max) {
                rows.add(r);
            }
        }
        return new RowGroups.Group(grp.label(), grp.key(), rows);
    }

    private static PredictionCheck noiseLearnedLess(String label, QueryResult t, RowGroups.Group at, String using) {
        Map<Boolean, long[]> counts = new HashMap<>();
        for (int r : at.rows()) {
            long[] c = counts.computeIfAbsent(t.number(r, using) > 0, k -> new long[2]);
            c[0] += (long) t.number(r, "records");
            c[1] += (long) t.number(r, "learned");
        }
        String claim = label + ": tokens no pattern uses are learned less often than pattern tokens";
        long[] noise = counts.get(false);
        long[] pattern = counts.get(true);
        if (noise == null || pattern == null) {
            return PredictionCheck.notTestable(claim, "the run has only " + (noise == null ? "pattern"
                    : "noise") + " tokens");
        }
        double fNoise = noise[1] / (double) noise[0];
        double fPattern = pattern[1] / (double) pattern[0];
        return PredictionCheck.tested(claim, fNoise < fPattern, "learned: " + noise[1] + " of " + noise[0]
                + " noise records (" + Points.fmt(fNoise) + "), " + pattern[1] + " of " + pattern[0]
                + " pattern records (" + Points.fmt(fPattern) + ")");
    }
}
