package org.clsweep.jobs.regress.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.clsweep.data.experiment.RunMetric;
import org.clsweep.jobs.regress.Cells;
import org.clsweep.jobs.regress.decision.Comparison.Method;
import org.clsweep.jobs.regress.decision.Comparison.Verdict;
import org.clsweep.jobs.regress.decision.RegressionReport.Outcome;
import org.clsweep.jobs.regress.results.CellResults;
import org.clsweep.jobs.regress.results.MetricSample;
import org.clsweep.jobs.regress.results.SweepResults;
import org.clsweep.jobs.regress.settings.CellFilter;
import org.clsweep.jobs.regress.settings.RegressSpec;
import org.clsweep.jobs.regress.stat.Correction;
import org.junit.jupiter.api.Test;

class RegressionCheckTest {
    private static final String COVERAGE = RunMetric.COVERAGE.column();
    private static final String OPTIMA = RunMetric.DISTINCT_OPTIMA.column();
    private static final String RESIDUAL = RunMetric.MAX_RESIDUAL.column();
    private static final String COSINE = RunMetric.MEAN_BEST_COSINE.column();
    private static final List<RunMetric> FOUR = List.of(RunMetric.COVERAGE, RunMetric.DISTINCT_OPTIMA,
            RunMetric.MAX_RESIDUAL, RunMetric.MEAN_BEST_COSINE);
    private static final int SEEDS = 8;
    /** distinct_optima is exactly 1 in linear cells; random elsewhere. */
    private static final Map<RunMetric, CellFilter> LINEAR_OPTIMA = Map.of(RunMetric.DISTINCT_OPTIMA,
            new CellFilter(Map.of("activation", List.of("linear"))));

    private static RegressSpec spec(double alpha, Map<RunMetric, Double> tolerance, Map<RunMetric, CellFilter> exact) {
        return new RegressSpec(FOUR, tolerance, exact, alpha, Correction.HOLM, false);
    }

    /**
     * A night's sweep of 12 cells drawn from fixed distributions that look like the one-layer
     * metrics: coverage in steps of 1/6, a distinct-optima count with rare deviations, a
     * log-normal residual, a near-1 cosine, and one cell that diverges on some seeds.
     */
    private static SweepResults night(SplittableRandom rnd, double coverageShiftInCell5) {
        List<CellResults> cells = new ArrayList<>();
        String[] acts = {"linear", "relu", "leaky_relu"};
        int[] widths = {1, 4, 8, 16};
        int cell = 0;
        for (String act : acts) {
            for (int width : widths) {
                double[] cov = new double[SEEDS];
                double[] opt = new double[SEEDS];
                double[] res = new double[SEEDS];
                double[] cos = new double[SEEDS];
                int diverged = 0;
                double pDiverge = cell == 7 ? 0.3 : 0.0;
                int ok = 0;
                for (int s = 0; s < SEEDS; s++) {
                    if (rnd.nextDouble() < pDiverge) {
                        diverged++;
                        continue;
                    }
                    int k = 0;
                    for (int l = 0; l < 6; l++) {
                        k += rnd.nextDouble() < 0.3 + 0.05 * width ? 1 : 0;
                    }
                    cov[ok] = k / 6.0 + (cell == 5 ? coverageShiftInCell5 : 0.0);
                    double u = rnd.nextDouble();
                    opt[ok] = act.equals("linear") ? 1 : u < 0.85 ? 6 : u < 0.95 ? 5 : 7;
                    res[ok] = Math.exp(-20 + Cells.gaussian(rnd));
                    cos[ok] = 0.99 + 0.003 * Cells.gaussian(rnd);
                    ok++;
                }
                cells.add(Cells.at("activation", act, "width", Integer.toString(width))
                        .values(COVERAGE, Arrays.copyOf(cov, ok))
                        .values(OPTIMA, Arrays.copyOf(opt, ok))
                        .values(RESIDUAL, Arrays.copyOf(res, ok))
                        .values(COSINE, Arrays.copyOf(cos, ok))
                        .status(ok, diverged, 0).build());
                cell++;
            }
        }
        return new SweepResults(SweepResults.Source.RUNS, cells);
    }

    @Test
    void noFalseAlarmsBeyondTheBudgetOverManyNightsFromTheSameDistribution() {
        SplittableRandom rnd = new SplittableRandom(2024);
        int nights = 1000;
        for (double alpha : new double[] {0.01, 0.05}) {
            RegressSpec spec = spec(alpha, Map.of(), LINEAR_OPTIMA);
            int alarms = 0;
            int tests = 0;
            for (int night = 0; night < nights; night++) {
                RegressionReport r = RegressionCheck.compare(spec, night(rnd, 0.0), night(rnd, 0.0));
                alarms += r.outcome() == Outcome.REGRESSION ? 1 : 0;
                tests += r.tests();
            }
            double rate = (double) alarms / nights;
            double sigma = Math.sqrt(alpha * (1 - alpha) / nights);
            assertThat(rate).as("nightly false-alarm rate at alpha %s", alpha).isLessThanOrEqualTo(alpha + 3 * sigma);
            assertThat(tests / nights).as("tests per night").isGreaterThan(30);
        }
    }

    @Test
    void welchIsCalibratedPerComparison() {
        // raw p-values of same-distribution normal samples are uniform: P(p <= 0.05) ≈ 0.05
        SplittableRandom rnd = new SplittableRandom(7);
        RegressSpec spec = new RegressSpec(List.of(RunMetric.MEAN_BEST_COSINE), Map.of(), Map.of(), 0.05,
                Correction.HOLM, false);
        int reps = 20_000;
        int rejections = 0;
        for (int i = 0; i < reps; i++) {
            SweepResults b = Cells.sweep(Cells.at("width", "4").values(COSINE, Cells.normal(rnd, 6, 0.9, 0.01)));
            SweepResults c = Cells.sweep(Cells.at("width", "4").values(COSINE, Cells.normal(rnd, 9, 0.9, 0.03)));
            Comparison cmp = find(RegressionCheck.compare(spec, b, c), "width=4", COSINE);
            rejections += cmp.p() <= 0.05 ? 1 : 0;
        }
        double rate = (double) rejections / reps;
        double sigma = Math.sqrt(0.05 * 0.95 / reps);
        assertThat(rate).isCloseTo(0.05, within(4 * sigma));
    }

    @Test
    void detectsAShiftedMeanAndNamesTheCellAndMetric() {
        SplittableRandom rnd = new SplittableRandom(99);
        RegressSpec spec = spec(0.01, Map.of(RunMetric.COVERAGE, 0.1), LINEAR_OPTIMA);
        RegressionReport r = RegressionCheck.compare(spec, night(rnd, 0.0), night(rnd, 0.8));
        assertThat(r.outcome()).isEqualTo(Outcome.REGRESSION);
        List<Comparison> regressions = r.withVerdict(Verdict.REGRESSION);
        assertThat(regressions).hasSize(1);
        Comparison c = regressions.get(0);
        assertThat(c.cell()).isEqualTo("activation=relu, width=4");
        assertThat(c.metric()).isEqualTo(COVERAGE);
        assertThat(c.method()).isEqualTo(Method.WELCH);
        assertThat(c.difference()).isCloseTo(0.8, within(0.2));
        assertThat(c.pAdjusted()).isLessThanOrEqualTo(0.01);
        assertThat(c.reason()).contains("beyond tolerance 0.1");
        assertThat(r.comparisons().get(0)).isEqualTo(c);
    }

    @Test
    void aSignificantMoveWithinTheToleranceIsNotARegression() {
        SplittableRandom rnd = new SplittableRandom(5);
        SweepResults b = Cells.sweep(Cells.at("width", "4").values(COSINE, Cells.normal(rnd, 50, 0.90, 0.001)));
        SweepResults c = Cells.sweep(Cells.at("width", "4").values(COSINE, Cells.normal(rnd, 50, 0.91, 0.001)));
        RegressSpec loose = spec(0.01, Map.of(RunMetric.MEAN_BEST_COSINE, 0.05), Map.of());
        Comparison cmp = find(RegressionCheck.compare(loose, b, c), "width=4", COSINE);
        assertThat(cmp.verdict()).isEqualTo(Verdict.PASS);
        assertThat(cmp.pAdjusted()).isLessThan(1e-10);
        assertThat(cmp.reason()).contains("within tolerance 0.05");
        RegressSpec strict = spec(0.01, Map.of(), Map.of());
        assertThat(find(RegressionCheck.compare(strict, b, c), "width=4", COSINE).verdict())
                .isEqualTo(Verdict.REGRESSION);
    }

    @Test
    void aLargeMoveThatIsNotSignificantIsNotARegression() {
        SweepResults b = Cells.sweep(Cells.at("width", "4").values(COVERAGE, 0.2, 0.9, 0.5));
        SweepResults c = Cells.sweep(Cells.at("width", "4").values(COVERAGE, 0.9, 0.3, 0.95));
        Comparison cmp = find(RegressionCheck.compare(spec(0.01, Map.of(), Map.of()), b, c), "width=4", COVERAGE);
        assertThat(cmp.verdict()).isEqualTo(Verdict.PASS);
        assertThat(cmp.reason()).contains("not significant");
    }

    @Test
    void exactMetricsCompareEveryValueWhenTheBaselineIsConstant() {
        RegressSpec spec = spec(0.01, Map.of(), LINEAR_OPTIMA);
        SweepResults b = Cells.sweep(Cells.at("activation", "linear").values(OPTIMA, Cells.constant(8, 1)));
        SweepResults same = Cells.sweep(Cells.at("activation", "linear").values(OPTIMA, Cells.constant(5, 1)));
        Comparison pass = find(RegressionCheck.compare(spec, b, same), "activation=linear", OPTIMA);
        assertThat(pass.method()).isEqualTo(Method.EXACT);
        assertThat(pass.verdict()).isEqualTo(Verdict.PASS);

        SweepResults oneOff = Cells.sweep(Cells.at("activation", "linear").values(OPTIMA, 1, 1, 1, 2, 1, 1, 1, 1));
        RegressionReport r = RegressionCheck.compare(spec, b, oneOff);
        Comparison fail = find(r, "activation=linear", OPTIMA);
        assertThat(fail.method()).isEqualTo(Method.EXACT);
        assertThat(fail.verdict()).isEqualTo(Verdict.REGRESSION);
        assertThat(fail.reason()).contains("differs on 1 of 8 seeds");
        assertThat(r.outcome()).isEqualTo(Outcome.REGRESSION);
        assertThat(r.tests()).isZero();
    }

    @Test
    void exactComparisonIsLimitedToTheCellsItNames() {
        SweepResults b = Cells.sweep(Cells.at("activation", "relu").values(OPTIMA, Cells.constant(8, 6)));
        SweepResults c = Cells.sweep(Cells.at("activation", "relu").values(OPTIMA, 6, 6, 6, 6, 5, 6, 6, 6));
        Comparison outside = find(RegressionCheck.compare(spec(0.01, Map.of(), LINEAR_OPTIMA), b, c),
                "activation=relu", OPTIMA);
        assertThat(outside.method()).isEqualTo(Method.WELCH);
        assertThat(outside.verdict()).isEqualTo(Verdict.PASS);
        // the same data under an exact claim for every cell: a relu count that happened to be
        // constant over the baseline's seeds is not deterministic, and the claim fails
        Comparison everywhere = find(RegressionCheck.compare(spec(0.01, Map.of(),
                Map.of(RunMetric.DISTINCT_OPTIMA, CellFilter.ALL)), b, c), "activation=relu", OPTIMA);
        assertThat(everywhere.method()).isEqualTo(Method.EXACT);
        assertThat(everywhere.verdict()).isEqualTo(Verdict.REGRESSION);
    }

    @Test
    void anExactMetricThatVariesInTheBaselineIsComparedStatistically() {
        RegressSpec spec = spec(0.01, Map.of(), Map.of(RunMetric.DISTINCT_OPTIMA, CellFilter.ALL));
        SweepResults b = Cells.sweep(Cells.at("activation", "relu").values(OPTIMA, 6, 6, 5, 6, 6, 7, 6, 6));
        SweepResults c = Cells.sweep(Cells.at("activation", "relu").values(OPTIMA, 6, 6, 6, 6, 5, 6, 6, 6));
        Comparison cmp = find(RegressionCheck.compare(spec, b, c), "activation=relu", OPTIMA);
        assertThat(cmp.method()).isEqualTo(Method.WELCH);
        assertThat(cmp.verdict()).isEqualTo(Verdict.PASS);
        assertThat(cmp.reason()).contains("exact metric varies over the baseline's seeds");
    }

    @Test
    void zeroVarianceOnBothSidesComparesTheValuesAgainstTheTolerance() {
        SweepResults b = Cells.sweep(Cells.at("width", "1").values(COVERAGE, Cells.constant(8, 1.0)));
        SweepResults same = Cells.sweep(Cells.at("width", "1").values(COVERAGE, Cells.constant(8, 1.0)));
        SweepResults lower = Cells.sweep(Cells.at("width", "1").values(COVERAGE, Cells.constant(8, 5.0 / 6)));

        Comparison eq = find(RegressionCheck.compare(spec(0.01, Map.of(), Map.of()), b, same), "width=1", COVERAGE);
        assertThat(eq.method()).isEqualTo(Method.CONSTANT);
        assertThat(eq.verdict()).isEqualTo(Verdict.PASS);
        assertThat(eq.effectSize()).isZero();

        RegressionReport strict = RegressionCheck.compare(spec(0.01, Map.of(), Map.of()), b, lower);
        Comparison moved = find(strict, "width=1", COVERAGE);
        assertThat(moved.method()).isEqualTo(Method.CONSTANT);
        assertThat(moved.verdict()).isEqualTo(Verdict.REGRESSION);
        assertThat(moved.effectSize()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(moved.reason()).contains("moved from 1 to 0.8333");

        SweepResults roundOff = Cells.sweep(Cells.at("width", "1").values(COVERAGE,
                Cells.constant(8, Math.nextUp(Math.nextUp(1.0)))));
        Comparison lastPlace = find(RegressionCheck.compare(spec(0.01, Map.of(), Map.of()), b, roundOff), "width=1",
                COVERAGE);
        assertThat(lastPlace.verdict()).as("two units in the last place are round-off").isEqualTo(Verdict.PASS);
        SweepResults tiny = Cells.sweep(Cells.at("width", "1").values(COVERAGE, Cells.constant(8, 1.0 + 1e-6)));
        assertThat(find(RegressionCheck.compare(spec(0.01, Map.of(), Map.of()), b, tiny), "width=1", COVERAGE)
                .verdict()).as("1e-6 is a move").isEqualTo(Verdict.REGRESSION);

        Comparison tolerated = find(RegressionCheck.compare(spec(0.01, Map.of(RunMetric.COVERAGE, 0.2), Map.of()), b,
                lower), "width=1", COVERAGE);
        assertThat(tolerated.verdict()).isEqualTo(Verdict.PASS);
        assertThat(tolerated.reason()).contains("tolerance 0.2");
    }

    @Test
    void zeroVarianceOnOneSideUsesTheOthersSpread() {
        SweepResults b = Cells.sweep(Cells.at("width", "1").values(COVERAGE, Cells.constant(8, 1.0)));
        SweepResults c = Cells.sweep(Cells.at("width", "1").values(COVERAGE, 1, 1, 1, 1, 1, 1, 1, 5.0 / 6));
        Comparison cmp = find(RegressionCheck.compare(spec(0.01, Map.of(), Map.of()), b, c), "width=1", COVERAGE);
        assertThat(cmp.method()).isEqualTo(Method.WELCH);
        assertThat(cmp.df()).isCloseTo(7.0, within(1e-12));
        assertThat(cmp.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void tooFewValuesAreReportedNotCompared() {
        SweepResults b = Cells.sweep(Cells.at("width", "1").values(COVERAGE, 0.5));
        SweepResults c = Cells.sweep(Cells.at("width", "1").values(COVERAGE, 0.7, 0.8));
        RegressionReport r = RegressionCheck.compare(spec(0.01, Map.of(), Map.of()), b, c);
        Comparison cmp = find(r, "width=1", COVERAGE);
        assertThat(cmp.method()).isEqualTo(Method.TOO_FEW);
        assertThat(cmp.verdict()).isEqualTo(Verdict.NOT_COMPARED);
        assertThat(r.outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void missingCellsAreReportedOnBothSides() {
        SweepResults b = Cells.sweep(
                Cells.at("width", "1").values(COVERAGE, 0.5, 0.6),
                Cells.at("width", "4").values(COVERAGE, 0.5, 0.6));
        SweepResults c = Cells.sweep(
                Cells.at("width", "1").values(COVERAGE, 0.5, 0.6),
                Cells.at("width", "16").values(COVERAGE, 0.9, 1.0));
        RegressionReport r = RegressionCheck.compare(spec(0.01, Map.of(), Map.of()), b, c);
        assertThat(r.outcome()).isEqualTo(Outcome.REGRESSION);
        assertThat(r.missingInCurrent()).containsExactly("width=4");
        assertThat(r.missingInBaseline()).containsExactly("width=16");
        assertThat(r.cellsCompared()).isEqualTo(1);
        Comparison lost = r.comparisons().get(0);
        assertThat(lost.method()).isEqualTo(Method.MISSING_CELL);
        assertThat(lost.verdict()).isEqualTo(Verdict.REGRESSION);
        assertThat(lost.cell()).isEqualTo("width=4");
        assertThat(lost.metric()).isNull();
        assertThat(r.withVerdict(Verdict.NOT_COMPARED)).extracting(Comparison::cell).containsExactly("width=16");
    }

    @Test
    void aNewCellAloneDoesNotFailTheNight() {
        SweepResults b = Cells.sweep(Cells.at("width", "1").values(COVERAGE, 0.5, 0.6));
        SweepResults c = Cells.sweep(
                Cells.at("width", "1").values(COVERAGE, 0.5, 0.6),
                Cells.at("width", "16").values(COVERAGE, 0.9, 1.0));
        assertThat(RegressionCheck.compare(spec(0.01, Map.of(), Map.of()), b, c).outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void newFailedRunsAreRegressions() {
        SweepResults b = Cells.sweep(Cells.at("width", "1").values(COVERAGE, 0.5, 0.6, 0.55).status(3, 0, 0));
        SweepResults c = Cells.sweep(Cells.at("width", "1").values(COVERAGE, 0.5, 0.6).status(2, 0, 1));
        RegressionReport r = RegressionCheck.compare(spec(0.01, Map.of(), Map.of()), b, c);
        Comparison failed = find(r, "width=1", Comparison.RUNS_FAILED);
        assertThat(failed.verdict()).isEqualTo(Verdict.REGRESSION);
        assertThat(failed.reason()).contains("FAILED runs rose from 0/3 to 1/3");
        assertThat(r.outcome()).isEqualTo(Outcome.REGRESSION);
    }

    @Test
    void divergenceIsTestedWithFishersExactTest() {
        RegressSpec spec = spec(0.01, Map.of(), Map.of());
        SweepResults b = Cells.sweep(Cells.at("lr", "0.1").values(COVERAGE, Cells.constant(20, 1.0)).status(20, 0, 0));
        SweepResults some = Cells.sweep(Cells.at("lr", "0.1").values(COVERAGE, Cells.constant(18, 1.0))
                .status(18, 2, 0));
        Comparison fewMore = find(RegressionCheck.compare(spec, b, some), "lr=0.1", Comparison.RUNS_DIVERGED);
        assertThat(fewMore.method()).isEqualTo(Method.FISHER);
        assertThat(fewMore.verdict()).isEqualTo(Verdict.PASS);
        assertThat(fewMore.reason()).contains("DIVERGED runs 0/20 → 2/20");

        SweepResults most = Cells.sweep(Cells.at("lr", "0.1").values(COVERAGE, Cells.constant(4, 1.0))
                .status(4, 16, 0));
        Comparison manyMore = find(RegressionCheck.compare(spec, b, most), "lr=0.1", Comparison.RUNS_DIVERGED);
        assertThat(manyMore.verdict()).isEqualTo(Verdict.REGRESSION);
        assertThat(manyMore.p()).isLessThan(1e-6);
    }

    @Test
    void aMetricThatLostAllItsValuesIsARegression() {
        SweepResults b = Cells.sweep(Cells.at("width", "1").values(COVERAGE, 0.5, 0.6).status(2, 0, 0));
        SweepResults c = Cells.sweep(Cells.at("width", "1").status(0, 2, 0));
        RegressionReport r = RegressionCheck.compare(spec(0.01, Map.of(), Map.of()), b, c);
        Comparison cmp = find(r, "width=1", COVERAGE);
        assertThat(cmp.method()).isEqualTo(Method.NO_DATA);
        assertThat(cmp.verdict()).isEqualTo(Verdict.REGRESSION);
        assertThat(r.comparisons().get(0)).isEqualTo(cmp);
    }

    @Test
    void metricsWithoutDataOnEitherSideAreSkipped() {
        SweepResults b = Cells.sweep(Cells.at("width", "1").values(COVERAGE, 0.5, 0.6));
        SweepResults c = Cells.sweep(Cells.at("width", "1").values(COVERAGE, 0.5, 0.6));
        RegressionReport r = RegressionCheck.compare(spec(0.01, Map.of(), Map.of()), b, c);
        assertThat(r.comparisons()).extracting(Comparison::metric)
                .containsExactlyInAnyOrder(COVERAGE, Comparison.RUNS_FAILED, Comparison.RUNS_DIVERGED);
    }

    @Test
    void summariesFromAggregatesGiveTheSameTestAsTheValues() {
        double[] bv = {0.5, 0.6, 0.7, 0.65};
        double[] cv = {0.8, 0.9, 0.85, 0.95, 0.9};
        RegressSpec spec = spec(0.01, Map.of(), Map.of());
        Comparison fromValues = find(RegressionCheck.compare(spec, Cells.sweep(Cells.at().values(COVERAGE, bv)),
                Cells.sweep(Cells.at().values(COVERAGE, cv))), "(no grid axes)", COVERAGE);
        MetricSample bs = MetricSample.ofValues(bv);
        SweepResults bAgg = new SweepResults(SweepResults.Source.AGGREGATES, List.of(Cells.at()
                .summary(COVERAGE, bs.n(), bs.summary().mean(), bs.summary().sd()).build()));
        Comparison fromSummary = find(RegressionCheck.compare(spec, bAgg, Cells.sweep(Cells.at().values(COVERAGE, cv))),
                "(no grid axes)", COVERAGE);
        assertThat(fromSummary.method()).isEqualTo(Method.WELCH);
        assertThat(fromSummary.p()).isCloseTo(fromValues.p(), within(1e-15));
        assertThat(fromSummary.verdict()).isEqualTo(fromValues.verdict());
    }

    @Test
    void worstOffendersComeFirst() {
        SweepResults b = Cells.sweep(
                Cells.at("width", "1").values(COVERAGE, 0.50, 0.51, 0.49, 0.50, 0.50, 0.51),
                Cells.at("width", "4").values(COVERAGE, 0.50, 0.51, 0.49, 0.50, 0.50, 0.51));
        SweepResults c = Cells.sweep(
                Cells.at("width", "1").values(COVERAGE, 0.60, 0.61, 0.59, 0.60, 0.60, 0.61),
                Cells.at("width", "4").values(COVERAGE, 0.90, 0.91, 0.89, 0.90, 0.90, 0.91));
        RegressionReport r = RegressionCheck.compare(spec(0.01, Map.of(), Map.of()), b, c);
        assertThat(r.withVerdict(Verdict.REGRESSION)).extracting(Comparison::cell).containsExactly("width=4", "width=1");
    }

    private static Comparison find(RegressionReport r, String cell, String metric) {
        for (Comparison c : r.comparisons()) {
            if (c.cell().equals(cell) && metric.equals(c.metric())) {
                return c;
            }
        }
        throw new AssertionError("no comparison for " + cell + " / " + metric + " in " + r.comparisons());
    }
}
