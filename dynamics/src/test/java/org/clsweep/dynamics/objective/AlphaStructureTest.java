package org.clsweep.dynamics.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clsweep.dynamics.testing.Tolerances.TOL_EXACT;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The α structure on hand-made similarity matrices whose answers are known in closed form. */
class AlphaStructureTest {
    private static final int[] LABELS = {0, 0, 1, 1, 1, 2, 0};
    private static final int N = LABELS.length;
    /** Σ_l n_l(n_l − 1) / (N(N − 1)) with n = (3, 3, 1): 12/42. */
    private static final double EXPECTED = 12.0 / 42.0;

    @Test
    void equalSimilaritiesGiveUniformAlpha() {
        double[] s = new double[N * N];
        Arrays.fill(s, 0.3);
        // the diagonal (the positive) does not enter the distribution over the negatives
        for (int i = 0; i < N; i++) {
            s[i * N + i] = 5.0 + i;
        }
        AlphaStructure a = AlphaStructure.of(s, N, 0.1, LABELS);
        assertThat(a.sameExpected()).isCloseTo(EXPECTED, Offset.offset(TOL_EXACT));
        assertThat(a.sameShare()).isCloseTo(EXPECTED, Offset.offset(TOL_EXACT));
        assertThat(a.negativesEffective()).isCloseTo(N - 1.0, Offset.offset(TOL_EXACT * N));
    }

    @Test
    void oneDominantNegativePerAnchorGivesOneEffectiveNegative() {
        // anchor i puts all of α on j = i + 1 (mod N): S = 0 there, −1e4 elsewhere; e^{−1e4/τ} = 0
        double[] s = new double[N * N];
        Arrays.fill(s, -1e4);
        for (int i = 0; i < N; i++) {
            s[i * N + (i + 1) % N] = 0.0;
        }
        AlphaStructure a = AlphaStructure.of(s, N, 1.0, LABELS);
        assertThat(a.negativesEffective()).isEqualTo(1.0);
        // j = i + 1 shares the pattern for i = 0, 2, 3, 6 (labels 0→0, 1→1, 1→1, 0→0): 4 of 7 anchors
        assertThat(a.sameShare()).isCloseTo(4.0 / N, Offset.offset(TOL_EXACT));
        assertThat(a.sameExpected()).isCloseTo(EXPECTED, Offset.offset(TOL_EXACT));
    }

    @Test
    void twoEqualNegativesGiveTwo() {
        double[] s = new double[N * N];
        Arrays.fill(s, -50.0);
        for (int i = 0; i < N; i++) {
            s[i * N + (i + 1) % N] = 1.0;
            s[i * N + (i + 2) % N] = 1.0;
        }
        AlphaStructure a = AlphaStructure.of(s, N, 0.01, LABELS);
        assertThat(a.negativesEffective()).isCloseTo(2.0, Offset.offset(TOL_EXACT));
    }

    @Test
    void sameShareMatchesADirectSoftmaxAndIsInvariantToTheDiagonal() {
        SplittableRandom rng = new SplittableRandom(9);
        double tau = 0.2;
        double[] s = new double[N * N];
        for (int k = 0; k < s.length; k++) {
            s[k] = rng.nextGaussian();
        }
        double share = 0.0;
        double effective = 0.0;
        for (int i = 0; i < N; i++) {
            double z = 0.0;
            for (int j = 0; j < N; j++) {
                z += j == i ? 0.0 : Math.exp(s[i * N + j] / tau);
            }
            double h = 0.0;
            for (int j = 0; j < N; j++) {
                if (j != i) {
                    double q = Math.exp(s[i * N + j] / tau) / z;
                    h -= q * Math.log(q);
                    share += LABELS[j] == LABELS[i] ? q : 0.0;
                }
            }
            effective += Math.exp(h);
        }
        AlphaStructure a = AlphaStructure.of(s, N, tau, LABELS);
        assertThat(a.sameShare()).isCloseTo(share / N, Offset.offset(TOL_EXACT));
        assertThat(a.negativesEffective()).isCloseTo(effective / N, Offset.offset(TOL_EXACT * N));
        for (int i = 0; i < N; i++) {
            s[i * N + i] = 1e3;
        }
        assertThat(AlphaStructure.of(s, N, tau, LABELS)).isEqualTo(a);
    }

    @Test
    void aBatchOfOneSampleHasNoNegatives() {
        assertThatThrownBy(() -> AlphaStructure.of(new double[1], 1, 0.1, new int[1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("N >= 2");
    }
}
