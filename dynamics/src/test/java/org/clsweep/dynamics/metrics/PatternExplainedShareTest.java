package org.clsweep.dynamics.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.clsweep.dynamics.activation.Activation;
import org.clsweep.dynamics.activation.ActivationFunction;
import org.clsweep.dynamics.model.TokenEmbedding;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class PatternExplainedShareTest {
    private static final ActivationFunction RELU = ActivationFunction.of(Activation.RELU);
    private static final ActivationFunction LINEAR = ActivationFunction.of(Activation.LINEAR);

    private static TokenEmbedding oneHot(int vocab) {
        double[] mag = new double[vocab];
        Arrays.fill(mag, 1.0);
        return TokenEmbedding.oneHot(mag);
    }

    private static DMatrixRMaj random(int rows, int cols, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        DMatrixRMaj w = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < w.data.length; i++) {
            w.data[i] = rng.nextDouble(-1.0, 1.0);
        }
        return w;
    }

    @Test
    void aHandComputedShare() {
        // n = 2, G = 2: pattern 0 fixes token 0, pattern 1 is wild. f(a) = 1[a = 0]:
        // E[f | z] = 1 or 1/2, E f = 3/4, Var f = 3/16, Var_z E[f | z] = 1/16, R² = 1/3
        PatternExplainedShare share = new PatternExplainedShare(new int[][] {{1, 0}}, 2, oneHot(2), LINEAR, 1);
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{1, 0}});
        assertThat(share.of(w)).containsExactly(new double[] {1.0 / 3}, within(1e-15));
    }

    @Test
    void anOutputThatDependsOnlyOnThePatternIsFullyExplainedAndOneIndependentOfItNotAtAll() {
        // G = 3: location 0 is fixed by every pattern (x_0 is a function of z), location 1 by none
        // (x_1 is uniform whatever z is)
        int[][] usage = {{2, 0, 1, 0}, {0, 0, 0, 0}};
        PatternExplainedShare share = new PatternExplainedShare(usage, 3, oneHot(4), RELU, 5);
        for (long seed = 1; seed <= 5; seed++) {
            double[] r2 = share.of(random(2 * 5, 4, seed));
            assertThat(r2[0]).as("seed %d", seed).isCloseTo(1.0, within(1e-12));
            assertThat(r2[1]).as("seed %d", seed).isCloseTo(0.0, within(1e-12));
        }
    }

    @Test
    void aMixedLocationLiesStrictlyBetweenAndIgnoresTheFiltersScale() {
        int[][] usage = {{1, 1, 0}};
        PatternExplainedShare share = new PatternExplainedShare(usage, 4, oneHot(3), LINEAR, 2);
        DMatrixRMaj w = random(2, 3, 7);
        double r2 = share.of(w)[0];
        assertThat(r2).isStrictlyBetween(0.0, 1.0);
        DMatrixRMaj scaled = w.copy();
        for (int i = 0; i < 3; i++) {
            scaled.data[i] *= -4.0;
        }
        assertThat(share.of(scaled)[0]).isCloseTo(r2, within(1e-14));
    }

    @Test
    void constantFiltersAreLeftOut() {
        // filter 0 is dead under ReLU (negative on every token), filter 1 reads token 0 only
        PatternExplainedShare share = new PatternExplainedShare(new int[][] {{1, 0}}, 2, oneHot(2), RELU, 2);
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{-1, -2}, {1, 0}});
        assertThat(share.of(w)).containsExactly(new double[] {1.0 / 3}, within(1e-15));
        DMatrixRMaj dead = new DMatrixRMaj(new double[][] {{-1, -2}, {-3, -1}});
        assertThat(share.of(dead)).containsOnly(Double.NaN);
    }

    @Test
    void embeddedTokensUseTheirInputVectors() {
        // two tokens in R^1 with inputs x_0 = 1, x_1 = −1 (one direction, magnitudes 1): a linear
        // filter w = 2 gives f = ±2, the same law as 4·1[a = 0] − 2, so R² = 1/3 as in the hand case
        TokenEmbedding dense = TokenEmbedding.dense(new DMatrixRMaj(new double[][] {{1, -1}}), new double[] {1, 1});
        PatternExplainedShare share = new PatternExplainedShare(new int[][] {{1, 0}}, 2, dense, LINEAR, 1);
        assertThat(share.of(new DMatrixRMaj(new double[][] {{2}}))).containsExactly(new double[] {1.0 / 3},
                within(1e-15));
    }
}
