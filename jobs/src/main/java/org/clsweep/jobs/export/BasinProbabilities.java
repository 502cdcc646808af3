package org.clsweep.jobs.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clsweep.data.spec.ModelKind;

/**
 * Figure: the basin probability p_l of every pattern l (the fraction of nodes, pooled over seeds,
 * whose optimum matches μ_l), one series per activation (and per value of any other grid axis
 * except the width), each at its largest width, where p_l is estimated from the most nodes.
 *
 * <pre>
 *   relu, orthogonal patterns:   p_l &gt; 0 for every l        (one optimum per pattern)
 *   linear:                      p_l &gt; 0 for at most one l  (one major pattern)
 *   leaky_relu:                  no check here; see {@link DistinctOptimaBySlope}
 * </pre>
 *
 * The per-pattern arrays are read whole and expanded here: array indexing differs between
 * Spark SQL (from 0) and DuckDB (from 1), so the query does not index them.
 */
final class BasinProbabilities implements NotebookSection {
    static final String TITLE = "Basin probabilities per pattern";

    @Override
    public List<NotebookCell> cells(ExportContext ctx) {
        SweepSchema s = ctx.schema();
        Optional<String> missing = ctx.missing(SweepTable.AGGREGATES, s.basinProbability(), "leaky_slope", "geometry_kind");
        if (missing.isPresent()) {
            return List.of(SectionCells.skipped(TITLE, missing.get() + "."));
        }
        boolean intervals = ctx.hasColumns(SweepTable.AGGREGATES, s.basinCiLow(), s.basinCiHigh());
        List<String> keys = new ArrayList<>();
        keys.add("activation");
        keys.addAll(ctx.parameters().varyingExcept(ModelKind.ONELAYER, "activation", "width"));
        List<String> select = new ArrayList<>(keys);
        select.addAll(List.of("width", "leaky_slope", "geometry_kind", s.aggregateRuns(), s.basinProbability()));
        if (intervals) {
            select.addAll(List.of(s.basinCiLow(), s.basinCiHigh()));
        }
        List<String> order = new ArrayList<>(keys);
        order.add("width");
        SqlQuery q = new SqlQuery(SqlQuery.select(select) + "\nFROM {aggregates}\nWHERE model = '" + ModelKind.ONELAYER.specName() + "'\nORDER BY "
                + SqlQuery.list(order));
        ResultTable t = ctx.run(q, TITLE);
        if (t.isEmpty()) {
            return List.of(SectionCells.skipped(TITLE, "the sweep has no one-layer cells."));
        }

        ErrorBarChart.Builder chart = ErrorBarChart.builder("Basin probability per pattern", "pattern l",
                "basin probability p_l").integerX().noLines()
                .subtitle(intervals ? "each series at its largest width; bars: 95% interval" : "each series at its "
                        + "largest width; the aggregates have no intervals for p_l");
        List<Check> checks = new ArrayList<>();
        List<RowGroups.Group> groups = RowGroups.of(t, keys);
        int drawn = 0;
        for (int g = 0; g < groups.size(); g++) {
            RowGroups.Group grp = groups.get(g);
            int row = grp.rows().get(grp.rows().size() - 1);
            double[] p = t.numbers(row, s.basinProbability());
            if (p.length == 0) {
                checks.add(new Check(grp.label(), Check.Outcome.NOT_TESTABLE, "no basin probabilities (no OK runs)"));
                continue;
            }
            double[] x = new double[p.length];
            for (int l = 0; l < p.length; l++) {
                x[l] = l + 1;
            }
            double[] lo = intervals ? t.numbers(row, s.basinCiLow()) : nan(p.length);
            double[] hi = intervals ? t.numbers(row, s.basinCiHigh()) : nan(p.length);
            String width = t.text(row, "width");
            chart.series(new ChartSeries(grp.label() + " (width " + width + ")", x, p,
                    lo.length == p.length ? lo : nan(p.length), hi.length == p.length ? hi : nan(p.length), g, false));
            drawn++;
            checks.addAll(checks(grp, grp.regime(t), t.text(row, "geometry_kind"), p, width));
        }
        if (drawn == 0) {
            return List.of(SectionCells.skipped(TITLE, "no one-layer cell has basin probabilities (no OK runs)."));
        }
        Figure fig = ctx.addFigure("basin-probabilities", "Basin probability of each pattern, per activation.",
                chart.build());
        String shows = "For each pattern l, the probability p_l that one node's training ends in the basin of the "
                + "optimum aligned with μ_l (cosine at least `analysis.match_cosine`), estimated as the fraction of "
                + "all nodes of all OK runs of the cell. One series per activation, at its largest width.";
        String prediction = "With ReLU every pattern carries a local optimum of its own, so for orthogonal patterns "
                + "every p_l is positive; how large each basin is depends on the geometry and the pattern "
                + "probabilities. With linear activation only one major pattern can be learned: at most one "
                + "pattern has a basin (none, when the top eigenvector is not aligned with any single pattern).";
        return List.of(SectionCells.text(TITLE, shows, prediction, checks),
                SectionCells.query(ctx, q, List.of(fig), t));
    }

    private static List<Check> checks(RowGroups.Group grp, ActivationRegime regime, String geometry, double[] p, String width) {
        int withBasin = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double v : p) {
            withBasin += v > 0 ? 1 : 0;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        String evidence = withBasin + " of " + p.length + " patterns have p_l > 0, p_l from " + Points.fmt(min)
                + " to " + Points.fmt(max) + " (width " + width + ")";
        switch (regime) {
            case RELU -> {
                String claim = grp.label() + ": every pattern has a basin";
                if (!geometry.equals("orthogonal")) {
                    return List.of(new Check(claim, Check.Outcome.NOT_TESTABLE, "the prediction is for orthogonal "
                            + "patterns, this cell's geometry is " + geometry + "; " + evidence));
                }
                return List.of(new Check(claim, Check.Outcome.of(withBasin == p.length), evidence));
            }
            case LINEAR -> {
                return List.of(new Check(grp.label() + ": at most one pattern has a basin",
                        Check.Outcome.of(withBasin <= 1), evidence));
            }
            default -> {
                return List.of();
            }
        }
    }

    private static double[] nan(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, Double.NaN);
        return a;
    }
}
