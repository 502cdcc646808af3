package org.clsweep.jobs.export.section;

import static org.clsweep.jobs.export.query.GridColumns.ACTIVATION;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clsweep.data.spec.ModelKind;
import org.clsweep.data.spec.SpecKey;
import org.clsweep.jobs.export.ExportContext;
import org.clsweep.jobs.export.chart.ChartSeries;
import org.clsweep.jobs.export.chart.ErrorBarChart;
import org.clsweep.jobs.export.query.QueryResult;
import org.clsweep.jobs.export.query.SqlQuery;
import org.clsweep.jobs.export.query.SweepParameters;
import org.clsweep.jobs.export.query.SweepSchema;
import org.clsweep.jobs.export.query.TableKind;
import org.clsweep.jobs.text.NumberText;

/**
 * Figure: the spectral gap λ1 − λ2 of every distinct optimum of the one-layer OK runs against its
 * roughness ρ(w), one series per activation, with the line gap = 2ρ (SCIENCE.md §2).
 *
 * <pre>
 *   above the line   gap &gt; 2ρ: the Davis–Kahan heuristic says an optimum exists near φ₁(A(w))
 *   below the line   the heuristic is silent; the stability margin decides
 *   check            every converged optimum off a hinge (residual ≤ {@value #CONVERGED}) is a strict
 *                    local maximum (stability margin &gt; 0); unconverged nodes are not optima yet
 * </pre>
 * Optima on a hinge (σ = 0), those without curvature ({@code analysis.curvature = none}) and the
 * {@code infonce} rows of the optima table (their sampled matrix has no curvature) have no ρ and
 * are not drawn: every point is a uniform-α population analysis.
 */
public final class GapAgainstRoughness extends FigureSection {
    static final String TITLE = "Spectral gap against roughness per optimum";
    private static final String PREDICTION = "Where λ1 − λ2 > 2ρ, w ↦ φ₁(A(w)) is a contraction near w (Davis–Kahan), "
            + "a first-order sufficient condition for a pattern optimum there; it is not necessary. Whether an "
            + "optimum is stable is decided by the stability margin, −λmax of the Riemannian Hessian of E.";

    /** Residual ‖(I − wwᵀ)A(w)w‖ up to which a node counts as converged to a fixed point. */
    static final double CONVERGED = 1e-6;

    public GapAgainstRoughness() {
        super(TITLE, PREDICTION);
    }

    @Override
    Optional<String> unavailable(ExportContext ctx) {
        SweepSchema s = ctx.schema();
        return ctx.missing(TableKind.OPTIMA, "cell_id", "seed", s.optimumGap(), s.optimumRoughness(),
                s.optimumStabilityMargin(), s.optimumResidual());
    }

    @Override
    List<String> seriesKeys(SweepParameters parameters) {
        return List.of(ACTIVATION);
    }

    @Override
    SqlQuery query(ExportContext ctx, List<String> keys) {
        SweepSchema s = ctx.schema();
        List<String> select = new ArrayList<>();
        for (String k : keys) {
            select.add("r." + k);
        }
        select.addAll(List.of("o." + s.optimumRoughness(), "o." + s.optimumGap(), "o." + s.optimumStabilityMargin(),
                "o." + s.optimumResidual()));
        List<String> order = new ArrayList<>(select.subList(0, keys.size()));
        order.add("o." + s.optimumRoughness());
        return new SqlQuery(SqlQuery.select(select) + "\nFROM {optima} o\nJOIN {runs} r ON o.cell_id = r.cell_id "
                + "AND o.seed = r.seed\nWHERE " + SqlQuery.is("r." + SpecKey.MODEL.column(),
                ModelKind.ONELAYER.specName()) + " AND r.status = 'OK' AND o." + s.optimumRoughness()
                + " IS NOT NULL\nORDER BY " + SqlQuery.list(order));
    }

    @Override
    String noRows() {
        return "no optimum of an OK one-layer run has a roughness (σ = 0 puts optima on hinges; "
                + "analysis.curvature = none computes none).";
    }

    @Override
    Drawing draw(ExportContext ctx, SeriesRows rows) {
        SweepSchema s = ctx.schema();
        QueryResult t = rows.table();
        ErrorBarChart.Builder chart = ErrorBarChart.builder("Spectral gap vs roughness, per optimum",
                "roughness ρ(w)", "spectral gap λ1 − λ2")
                .subtitle("one point per distinct optimum; dashed: gap = 2ρ")
                .noLines().intervals(ErrorBarChart.Intervals.BAND);
        double[] gapMax = {0.0};
        int[] counts = new int[4];
        List<PredictionCheck> checks = rows.drawEach((grp, colour) -> {
            double[] rho = grp.numbers(t, s.optimumRoughness());
            double[] gap = grp.numbers(t, s.optimumGap());
            double[] margin = grp.numbers(t, s.optimumStabilityMargin());
            double[] residual = grp.numbers(t, s.optimumResidual());
            chart.series(ChartSeries.line(grp.label(), rho, gap, colour, false));
            int above = 0;
            int converged = 0;
            int stable = 0;
            for (int i = 0; i < rho.length; i++) {
                gapMax[0] = Math.max(gapMax[0], gap[i]);
                above += gap[i] > 2 * rho[i] ? 1 : 0;
                if (residual[i] <= CONVERGED) {
                    converged++;
                    stable += margin[i] > 0 ? 1 : 0;
                }
            }
            counts[0] += rho.length;
            counts[1] += above;
            counts[2] += converged;
            counts[3] += stable;
            String claim = grp.label() + ": every converged optimum is a strict local maximum";
            String evidence = stable + " of " + converged + " optima with residual ≤ " + NumberText.of(CONVERGED)
                    + " have a positive stability margin (" + (rho.length - converged) + " unconverged left out); "
                    + above + " of " + rho.length + " lie above gap = 2ρ";
            return List.of(converged == 0 ? PredictionCheck.notTestable(claim, evidence)
                    : PredictionCheck.tested(claim, stable == converged, evidence));
        });
        // the line up to the largest gap, so that it stays within the points' range
        chart.series(ChartSeries.line("gap = 2ρ", new double[] {0.0, gapMax[0] / 2}, new double[] {0.0, gapMax[0]},
                9, true));
        String shows = "Each point is one distinct optimum of an OK one-layer run: its exact roughness ρ(w) = max over "
                + "tangent δ of ‖DA(w)[δ]‖₂ against its spectral gap. Above the dashed line gap = 2ρ the first-order "
                + "heuristic holds. Of " + counts[0] + " optima, " + counts[1] + " lie above it; " + counts[2]
                + " have converged (residual ≤ " + NumberText.of(CONVERGED) + ") and " + counts[3] + " of those have a positive "
                + "stability margin.";
        return Drawing.of(ctx.addFigure("gap-vs-roughness", "Spectral gap against roughness per optimum, with "
                + "gap = 2ρ.", chart.build()), shows, checks);
    }
}
