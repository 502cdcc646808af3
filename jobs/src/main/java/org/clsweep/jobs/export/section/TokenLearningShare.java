package org.clsweep.jobs.export.section;

import static org.clsweep.jobs.export.query.GridColumns.WIDTH;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clsweep.jobs.export.ExportContext;
import org.clsweep.jobs.export.chart.ChartSeries;
import org.clsweep.jobs.export.chart.ErrorBarChart;
import org.clsweep.jobs.export.chart.Figure;
import org.clsweep.jobs.export.query.QueryResult;

/**
 * Figures: global modulation as learning curves of tokens — for every two-layer cell, the share of
 * its (location, token) records learned by each iteration, pattern tokens (some global pattern
 * fixes the token at its location) against background tokens (the token only fills wildcards
 * there), one figure per series at its largest β.
 *
 * <pre>
 *   F_role(t) = share of the role's records with learning time ≤ t        (Kaplan–Meier under the
 *               common censoring at the step budget; {@link LearningTimes})
 *   band      = 95% percentile-bootstrap interval over runs, inside [0, 1]
 * </pre>
 * Records of tokens that never occur at their location are left out. With
 * {@code conf/global-modulation.conf}, background and pattern tokens of its matched block have
 * equal pair covariance and differ only in discriminativeness (docs/twolayer.md).
 */
public final class TokenLearningShare extends TokenLearningSection {
    static final String TITLE = "Two layers: share of tokens learned by iteration, pattern vs background";
    private static final String PREDICTION = "Global modulation: tokens that discriminate between global patterns "
            + "(pattern tokens) are learned first; a token that is only noise at its location is not learned. When "
            + "the locations are decoupled (tokens.decouple), no location's tokens are modulated by the others.";

    public TokenLearningShare() {
        super(TITLE, PREDICTION);
    }

    @Override
    String groupedBy(ExportContext ctx) {
        return TokenLearningRecords.ROLE;
    }

    @Override
    Drawing draw(ExportContext ctx, SeriesRows rows) {
        QueryResult t = rows.table();
        List<Figure> figures = new ArrayList<>();
        List<String> summaries = new ArrayList<>();
        rows.drawEach((grp, colour) -> {
            RowGroups.Group at = TokenLearningRecords.atLargestWidth(t, grp);
            double budget = TokenLearningRecords.budget(t, at.rows());
            Map<Object, LearningTimes> byRole = TokenLearningRecords.byValue(t, at.rows(), TokenLearningRecords.ROLE);
            String label = (grp.label().isEmpty() ? "" : grp.label() + ", ") + "β = " + t.text(at.rows().get(0), WIDTH);
            ErrorBarChart.Builder chart = ErrorBarChart.builder("Tokens learned by iteration: " + label,
                    "iteration", "share of records learned")
                    .subtitle("never-learned records censored at the budget; bands: 95% bootstrap interval over runs")
                    .intervals(ErrorBarChart.Intervals.BAND).yRange(0.0, 1.0);
            int c = 0;
            List<String> parts = new ArrayList<>();
            for (String role : List.of("pattern", "background")) {
                LearningTimes lt = byRole.get(role);
                if (lt == null) {
                    continue;
                }
                double[] f = lt.shares();
                double[][] band = lt.shareIntervals();
                chart.series(curve(role, lt.grid(), f, band, budget, c++));
                int last = f.length - 1;
                double med = lt.median();
                double[] medCi = lt.medianInterval();
                parts.add(role + " " + lt.records() + " records of " + lt.runs() + " runs: learned by the budget "
                        + (last < 0 ? "0" : Points.fmt(f[last]) + " [" + Points.fmt(band[0][last]) + ", "
                        + Points.fmt(band[1][last]) + "]") + ", median time " + time(med) + " [" + time(medCi[0])
                        + ", " + time(medCi[1]) + "]");
            }
            figures.add(ctx.addFigure("token-learning-share-" + (figures.size() + 1), "Share of tokens learned by iteration, " + label + ".",
                    chart.build()));
            summaries.add(label + " (budget " + Points.fmt(budget) + "): " + String.join("; ", parts));
            return List.of();
        });
        String shows = "For every series of two-layer cells at its largest β, the share of its (location, token) records — tokens that occur at "
                + "their location — whose score s_k(a) reached 0.9 by each traced iteration, for pattern tokens "
                + "(some global pattern fixes the token there) and background tokens (it only fills wildcards there). "
                + "A record never learned is censored at the step budget, which every record of a cell shares, so "
                + "this share is the Kaplan–Meier estimate; bands and intervals are 95% percentile-bootstrap "
                + "intervals over runs. Median times beyond the budget read \"> budget\". "
                + String.join(". ", summaries) + ".";
        return new Drawing(figures, shows, List.of(), List.of());
    }

    /**
     * F(t) as a step curve from iteration 0 to the budget, with its band.
     *
     * @param grid the learning times of {@link LearningTimes#grid()}; f and band at those times
     */
    private static ChartSeries curve(String role, double[] grid, double[] f, double[][] band, double budget,
                                     int colour) {
        int m = grid.length;
        double[] x = new double[2 * m + 2];
        double[] y = new double[x.length];
        double[] lo = new double[x.length];
        double[] hi = new double[x.length];
        double prev = 0.0;
        double prevLo = 0.0;
        double prevHi = 0.0;
        int j = 0;
        x[j] = 0.0;
        j++;
        for (int i = 0; i < m; i++) {
            x[j] = grid[i];
            y[j] = prev;
            lo[j] = prevLo;
            hi[j] = prevHi;
            j++;
            x[j] = grid[i];
            y[j] = f[i];
            lo[j] = band[0][i];
            hi[j] = band[1][i];
            prev = f[i];
            prevLo = band[0][i];
            prevHi = band[1][i];
            j++;
        }
        x[j] = Math.max(budget, m == 0 ? 0.0 : grid[m - 1]);
        y[j] = prev;
        lo[j] = prevLo;
        hi[j] = prevHi;
        return new ChartSeries(role + " tokens", x, y, lo, hi, colour, false);
    }

    private static String time(double t) {
        return Double.isInfinite(t) ? "> budget" : Points.fmt(t);
    }
}
