package org.clsweep.jobs.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.clsweep.data.experiment.RunMetric;
import org.clsweep.data.experiment.RunResult;
import org.clsweep.data.experiment.RunStatus;
import org.clsweep.data.experiment.TokenLearning;
import org.clsweep.data.experiment.TracePoint;
import org.clsweep.data.spec.ModelKind;
import org.clsweep.data.spec.RunSpec;
import org.clsweep.data.tokens.TokenStatistics;
import org.clsweep.dynamics.activation.Activation;
import org.clsweep.dynamics.optima.AnalysisAlpha;
import org.clsweep.dynamics.optima.Curvature;
import org.clsweep.dynamics.optima.DistinctOptimum;
import org.clsweep.jobs.sweep.RunFunction;

/**
 * A toy model for export tests, run by the real sweep job in place of the simulation: it behaves
 * the way the paper predicts (or, on request, contradicts it), seeded by the cell and seed.
 *
 * <pre>
 *   one layer, L patterns, n nodes: each node lands in a basin drawn uniformly from the first k,
 *     linear k = linearBasins (1 agrees with the paper), relu k = L,
 *     leaky_relu(c) k = max(1, ceil(L·(1 − c)));
 *     distinct_optima = patterns_recovered = basins hit, coverage = that / L, basin share = hits / n;
 *     one optimum row per basin hit: direction e_l, gap 0.3 − 0.05·l, roughness 0.1 + 0.05·l (above
 *     gap = 2ρ for l = 0 only), stability margin 0.01, residual 1e-10;
 *     a one-layer trace (iterations 0 and 100, α structure only) beside the two-layer ones, which
 *     the two-layer figures must leave out
 *   two layers: loc_all, loc_other_all move exponentially from 0.3 to relu 0.95 / 0.02, linear
 *     0.55 / 0.25 (plus N(0, 0.01²) per run); tokens: a location's vocabulary is half noise, the
 *     rest used by 1, 2, 3, 1, … patterns; relu learns a token used by u patterns at
 *     trace_every·(8 − 2u) and a noise token with probability 0.05, linear a pattern token with
 *     probability 0.2 at 1500
 *   a run named activation/width/seed in diverge is DIVERGED at step 37; in fail it throws (FAILED)
 * </pre>
 */
final class SyntheticRuns implements RunFunction {
    private static final long serialVersionUID = 1L;

    private final int linearBasins;
    private final List<String> diverge;
    private final List<String> fail;

    /**
     * @param linearBasins basins linear nodes land in (1: as the paper predicts)
     * @param diverge      runs {@code activation/width/seed} that diverge
     * @param fail         runs {@code activation/width/seed} that throw
     */
    SyntheticRuns(int linearBasins, List<String> diverge, List<String> fail) {
        this.linearBasins = linearBasins;
        this.diverge = List.copyOf(diverge);
        this.fail = List.copyOf(fail);
    }

    @Override
    public RunResult run(RunSpec spec, long seed) {
        String name = spec.activation().specName() + "/" + spec.width() + "/" + seed;
        if (fail.contains(name)) {
            throw new IllegalStateException("injected fault in run " + name);
        }
        if (diverge.contains(name)) {
            return new RunResult(RunStatus.DIVERGED, "non-finite loss at step 37", 37, 1, RunResult.emptyMetrics(),
                    new double[0], List.of(), List.of());
        }
        SplittableRandom rnd = new SplittableRandom(spec.cellKey() * 31 + seed);
        return spec.model() == ModelKind.ONELAYER ? oneLayer(spec, rnd) : twoLayer(spec, seed, rnd);
    }

    private RunResult oneLayer(RunSpec spec, SplittableRandom rnd) {
        int patterns = spec.geometry().patterns();
        int n = spec.width();
        int k = switch (spec.activation()) {
            case LINEAR -> linearBasins;
            case RELU -> patterns;
            default -> Math.max(1, (int) Math.ceil(patterns * (1 - spec.leakySlope()) - 1e-9));
        };
        int[] hits = new int[patterns];
        for (int i = 0; i < n; i++) {
            hits[rnd.nextInt(k)]++;
        }
        int distinct = 0;
        double[] share = new double[patterns];
        for (int l = 0; l < patterns; l++) {
            distinct += hits[l] > 0 ? 1 : 0;
            share[l] = hits[l] / (double) n;
        }
        double[] m = RunResult.emptyMetrics();
        m[RunMetric.DISTINCT_OPTIMA.ordinal()] = distinct;
        m[RunMetric.PATTERNS_RECOVERED.ordinal()] = distinct;
        m[RunMetric.COVERAGE.ordinal()] = distinct / (double) patterns;
        m[RunMetric.MAX_RESIDUAL.ordinal()] = 1e-10 * (1 + rnd.nextDouble());
        m[RunMetric.MEAN_BEST_COSINE.ordinal()] = 0.99 + 0.01 * rnd.nextDouble();
        List<TracePoint> trace = List.of(new TracePoint(0, Double.NaN, Double.NaN, Double.NaN, null, null, null, 0.2, 0.2,
                        30.0),
                new TracePoint(100, 2.5, Double.NaN, Double.NaN, null, null, null, 0.9, 0.2, 4.0));
        return new RunResult(RunStatus.OK, null, 100, 1, m, share, optima(hits, spec.geometry().dim(), n), trace);
    }

    private static List<DistinctOptimum> optima(int[] hits, int dim, int width) {
        List<DistinctOptimum> optima = new ArrayList<>();
        for (int l = 0; l < hits.length; l++) {
            if (hits[l] == 0) {
                continue;
            }
            double[] direction = new double[dim];
            direction[l % dim] = 1.0;
            double gap = 0.3 - 0.05 * l;
            Curvature c = new Curvature(false, 1.0, 1.0 - gap, 0.1 + 0.05 * l, 0.5, 0.01);
            optima.add(new DistinctOptimum(optima.size(), AnalysisAlpha.UNIFORM, 0, hits[l], hits[l] / (double) width,
                    direction, l, 1.0, 1e-10, 1e-10, 1.0, 1.0 - gap, gap, true, new int[] {l}, 0.5, c));
        }
        return optima;
    }

    private static RunResult twoLayer(RunSpec spec, long seed, SplittableRandom rnd) {
        boolean linear = spec.activation() == Activation.LINEAR;
        int locations = spec.tokens().locations();
        int vocab = spec.tokens().vocab();
        int every = spec.train().traceEvery();
        int steps = spec.train().steps();
        double finalAll = (linear ? 0.55 : 0.95) + 0.01 * gaussian(rnd);
        double finalOther = (linear ? 0.25 : 0.02) + 0.01 * gaussian(rnd);
        double start = 0.3;
        List<TracePoint> trace = new ArrayList<>();
        for (int it = 0; it <= steps; it += every) {
            double f = 1 - Math.exp(-it / 500.0);
            double all = start + (finalAll - start) * f;
            double other = start + (finalOther - start) * f;
            double[] scores = new double[locations * vocab];
            Arrays.fill(scores, other);
            double[] topShare = new double[locations];
            Arrays.fill(topShare, 1.0 / locations);
            double[] zShare = new double[locations];
            Arrays.fill(zShare, 0.1 + 0.6 * f);
            trace.add(new TracePoint(it, it == 0 ? Double.NaN : 4.8 - 1.5 * f, all, other, scores, topShare, zShare));
        }
        List<TokenLearning> tokens = new ArrayList<>();
        for (int k = 0; k < locations; k++) {
            int[] usage = usage(vocab, new SplittableRandom(seed * 1000 + k));
            for (int a = 0; a < vocab; a++) {
                int time = TokenLearning.NEVER;
                if (!linear && usage[a] > 0) {
                    time = every * (8 - 2 * usage[a]);
                } else if (!linear && rnd.nextDouble() < 0.05) {
                    time = 1750;
                } else if (linear && usage[a] > 0 && rnd.nextDouble() < 0.2) {
                    time = 1500;
                }
                tokens.add(new TokenLearning(k, a, statistics(usage[a], vocab), time,
                        time == TokenLearning.NEVER ? 0.5 : 0.95));
            }
        }
        double[] m = RunResult.emptyMetrics();
        m[RunMetric.LOC_ALL.ordinal()] = finalAll;
        m[RunMetric.LOC_OTHER_ALL.ordinal()] = finalOther;
        m[RunMetric.FILTER_ABS_COS.ordinal()] = linear ? 0.6 : 0.1;
        m[RunMetric.EFFECTIVE_RANK.ordinal()] = linear ? 8.0 : 4.5;
        m[RunMetric.FINAL_LOSS.ordinal()] = 3.3;
        m[RunMetric.EMPTY_LOCATIONS.ordinal()] = 0;
        return new RunResult(RunStatus.OK, null, steps, 1, m, new double[0], List.of(), trace, tokens);
    }

    /**
     * The statistics of a token that u of 40 patterns use at a location 20 patterns leave wild,
     * every wildcard redrawn (pair covariance = discriminativeness).
     */
    private static TokenStatistics statistics(int u, int vocab) {
        double f = (u + 20.0 / vocab) / 40;
        double joint = (u + 20.0 / vocab / vocab) / 40;
        return new TokenStatistics(u, f, joint / f, joint - f * f, joint - f * f);
    }

    /** Patterns using each token at one location: half the vocabulary 0, the rest 1, 2, 3, 1, …, shuffled. */
    private static int[] usage(int vocab, SplittableRandom table) {
        int[] u = new int[vocab];
        for (int a = vocab / 2; a < vocab; a++) {
            u[a] = (a - vocab / 2) % 3 + 1;
        }
        for (int i = vocab - 1; i > 0; i--) {
            int j = table.nextInt(i + 1);
            int t = u[i];
            u[i] = u[j];
            u[j] = t;
        }
        return u;
    }

    private static double gaussian(SplittableRandom rnd) {
        double u = Math.max(rnd.nextDouble(), 1e-300);
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }
}
