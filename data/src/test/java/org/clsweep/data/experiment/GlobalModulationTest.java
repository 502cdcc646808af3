package org.clsweep.data.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import org.clsweep.dynamics.optima.CurvatureScope;

import java.util.ArrayList;
import java.util.List;
import org.clsweep.data.spec.AnalysisSpec;
import org.clsweep.data.spec.GeometryKind;
import org.clsweep.data.spec.GeometrySpec;
import org.clsweep.data.spec.Mode;
import org.clsweep.data.spec.ModelKind;
import org.clsweep.data.spec.NetSpec;
import org.clsweep.data.spec.ProbsKind;
import org.clsweep.data.spec.RunSpec;
import org.clsweep.data.spec.TokenSpec;
import org.clsweep.data.spec.TrainSpec;
import org.clsweep.dynamics.activation.Activation;
import org.clsweep.dynamics.objective.LossType;
import org.junit.jupiter.api.Test;

/**
 * SCIENCE.md claim 3, global modulation, on a small two-layer configuration (ReLU, BatchNorm,
 * K = 6 locations, n = 12 tokens, P = 4 per location, G = 12 patterns of L = 4 tokens, β = 3,
 * batch 64, 3000 iterations traced every 25; about 1 s per run): over 8 seeds,
 *
 * <pre>
 *   tokens that are only noise at a location are (almost) never learned, pattern tokens are;
 *   the learning time of a pattern token falls with the number of patterns that use it:
 *     Pearson r(patterns using, learning time) &lt; 0 over the learned pattern-token records of all
 *     seeds, with t = r·√((m − 2)/(1 − r²)) &lt; −2.5 (one-sided p &lt; 0.01 if the records were
 *     independent), and r &lt; 0 in most seeds.
 * </pre>
 * The runs are deterministic, so the figures are too; docs/twolayer.md reports the same effect
 * on the reference configuration.
 */
class GlobalModulationTest {
    private static final int SEEDS = 8;

    static RunSpec spec() {
        GeometrySpec unused = new GeometrySpec(GeometryKind.ORTHOGONAL, 6, 16, 0.0, 0.1, 1.0, 1.0, ProbsKind.UNIFORM,
                1.0);
        TokenSpec tokens = new TokenSpec(12, 6, 4, 12, 4, 2, 0, 1.0, List.of(), false);
        TrainSpec train = new TrainSpec(LossType.INFONCE, 0.1, 0.02, 0.9, 0.005, 64, 3000, true, true, 1e-9, 25);
        return new RunSpec(ModelKind.TWOLAYER, Mode.SGD, Activation.RELU, 0.05, 3, unused, tokens,
                new NetSpec(30, true, true, false), train, new AnalysisSpec(0.95, 0.9999, 0, CurvatureScope.ALL));
    }

    @Test
    void noiseIsNotLearnedAndTokensUsedByMorePatternsAreLearnedEarlier() {
        List<double[]> pooled = new ArrayList<>();
        int negativeSeeds = 0;
        long pattern = 0;
        long patternLearned = 0;
        long noise = 0;
        long noiseLearned = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            RunResult r = RunExecutor.execute(spec(), seed);
            assertThat(r.status()).isEqualTo(RunStatus.OK);
            List<double[]> records = new ArrayList<>();
            for (TokenLearning t : r.tokens()) {
                if (t.patternsUsing() == 0) {
                    noise++;
                    noiseLearned += t.learned() ? 1 : 0;
                } else {
                    pattern++;
                    if (t.learned()) {
                        patternLearned++;
                        records.add(new double[] {t.patternsUsing(), t.learningTime()});
                    }
                }
            }
            negativeSeeds += pearson(records) < 0 ? 1 : 0;
            pooled.addAll(records);
        }
        assertThat((double) noiseLearned / noise).as("noise records learned").isLessThan(0.05);
        assertThat((double) patternLearned / pattern).as("pattern records learned").isGreaterThan(0.9);

        double r = pearson(pooled);
        double t = r * Math.sqrt((pooled.size() - 2) / (1 - r * r));
        assertThat(t).as("r = %.3f over %d records", r, pooled.size()).isLessThan(-2.5);
        assertThat(negativeSeeds).as("seeds with r < 0").isGreaterThanOrEqualTo(6);
    }

    private static double pearson(List<double[]> xy) {
        double mx = 0;
        double my = 0;
        for (double[] p : xy) {
            mx += p[0];
            my += p[1];
        }
        mx /= xy.size();
        my /= xy.size();
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (double[] p : xy) {
            sxy += (p[0] - mx) * (p[1] - my);
            sxx += (p[0] - mx) * (p[0] - mx);
            syy += (p[1] - my) * (p[1] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
