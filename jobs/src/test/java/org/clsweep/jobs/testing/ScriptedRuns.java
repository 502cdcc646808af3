package org.clsweep.jobs.testing;

import java.util.ArrayList;
import java.util.List;
import org.clsweep.data.experiment.RunMetric;
import org.clsweep.data.experiment.RunResult;
import org.clsweep.data.experiment.RunStatus;
import org.clsweep.data.experiment.TokenLearning;
import org.clsweep.data.experiment.TracePoint;
import org.clsweep.data.spec.RunSpec;
import org.clsweep.data.tokens.TokenStatistics;
import org.clsweep.dynamics.optima.AnalysisAlpha;
import org.clsweep.dynamics.optima.Curvature;
import org.clsweep.dynamics.optima.DistinctOptimum;
import org.clsweep.jobs.sweep.RunFunction;

/**
 * A run function with results known in advance, to test the job's plumbing without the simulation.
 *
 * <pre>
 *   seed 3               throws IllegalStateException("injected fault for seed 3")       → FAILED
 *   seed 2, width 4      DIVERGED at step 17, no metrics
 *   otherwise OK:        node j of the width n nodes reaches pattern j mod L, so with k = min(n, L):
 *                        distinct_optima = patterns_recovered = k, coverage = k / L,
 *                        max_residual = seed·1e-10, mean_best_cosine = 0.99 + 0.001·seed,
 *                        pattern_basin_share[l] = #{j &lt; n : j mod L = l} / n, k optima
 *                        (optimum 0 has lambda2 = NaN) analysed under uniform α, the same k under
 *                        InfoNCE's α (residual 0.3, fixed_point_residual 0.05, no curvature), and
 *                        for n = 1 a two-point trace and two token records (location 0 token 1: a
 *                        pattern token learned at 10, frequency 0.5, invariance 0.8, pair covariance
 *                        0.15, discriminativeness 0.1; location 1 token 2: a background token that
 *                        never occurs there, never learned)
 * </pre>
 */
public final class ScriptedRuns implements RunFunction {
    private static final long serialVersionUID = 1L;

    @Override
    public RunResult run(RunSpec spec, long seed) {
        int n = spec.width();
        int patterns = spec.geometry().patterns();
        int d = spec.geometry().dim();
        if (seed == 3) {
            throw new IllegalStateException("injected fault for seed 3");
        }
        if (seed == 2 && n == 4) {
            return new RunResult(RunStatus.DIVERGED, "non-finite state at step 17", 17, 5, RunResult.emptyMetrics(),
                    new double[0], List.of(), List.of());
        }
        int k = Math.min(n, patterns);
        double[] m = RunResult.emptyMetrics();
        m[RunMetric.DISTINCT_OPTIMA.ordinal()] = k;
        m[RunMetric.PATTERNS_RECOVERED.ordinal()] = k;
        m[RunMetric.COVERAGE.ordinal()] = (double) k / patterns;
        m[RunMetric.MAX_RESIDUAL.ordinal()] = seed * 1e-10;
        m[RunMetric.MEAN_BEST_COSINE.ordinal()] = 0.99 + 0.001 * seed;
        double[] share = new double[patterns];
        for (int j = 0; j < n; j++) {
            share[j % patterns] += 1.0 / n;
        }
        List<DistinctOptimum> optima = new ArrayList<>();
        for (int l = 0; l < k; l++) {
            double[] dir = new double[d];
            dir[l] = 1.0;
            optima.add(new DistinctOptimum(l, AnalysisAlpha.UNIFORM, l, (int) Math.round(share[l] * n), share[l], dir,
                    l, 1.0, 1e-12, 1e-12, 2.0, l == 0 ? Double.NaN : 0.5, 1.5, true, new int[] {l}, 1.0,
                    new Curvature(false, 2.0, 0.5, 0.25, 0.4, 1.2)));
        }
        for (int l = 0; l < k; l++) {
            DistinctOptimum u = optima.get(l);
            optima.add(new DistinctOptimum(l, AnalysisAlpha.INFONCE, l, u.nodeCount(), u.basinShare(), u.direction(),
                    l, 1.0, 0.3, 0.05, 0.4, 0.1, 0.3, false, u.activationSet(), 0.2, Curvature.NOT_COMPUTED));
        }
        List<TracePoint> trace = n == 1
                ? List.of(new TracePoint(0, 1.0, 0.1, 0.2, new double[] {0.1, 0.2}, new double[] {1.0},
                        new double[] {0.2}),
                        new TracePoint(10, 0.5, 0.9, 0.1, new double[] {0.9, 0.8}, new double[] {1.0},
                        new double[] {0.7}))
                : List.of();
        List<TokenLearning> tokens = n == 1
                ? List.of(new TokenLearning(0, 1, new TokenStatistics(3, 0.5, 0.8, 0.15, 0.1), 10, 0.93),
                        new TokenLearning(1, 2, new TokenStatistics(0, 0.0, Double.NaN, 0.0, 0.0), TokenLearning.NEVER,
                                0.4))
                : List.of();
        return new RunResult(RunStatus.OK, null, 100, 3, m, share, optima, trace, tokens);
    }
}
