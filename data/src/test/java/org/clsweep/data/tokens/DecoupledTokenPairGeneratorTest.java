package org.clsweep.data.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.clsweep.data.spec.TokenSpec;
import org.clsweep.dynamics.model.TokenPairBatch;
import org.clsweep.dynamics.model.TokenPairSource;
import org.junit.jupiter.api.Test;

/**
 * {@link DecoupledTokenPairGenerator} against the exact laws, on {@value #SAMPLES} sampled pairs:
 * each location keeps the coupled generator's pair law P_k(a, b) ({@link LocationPairDistribution},
 * the law {@link TokenPairGenerator} is checked against too), and any two locations are
 * independent, which the coupled generator is not on the same table. Deviations are measured in
 * binomial standard errors.
 */
class DecoupledTokenPairGeneratorTest {
    private static final int SAMPLES = 200_000;
    private static final double SE_BOUND = 5.0;
    /**
     * Five locations, vocabulary 3, aug_degree 1: patterns with two, three and four wildcards
     * (q = 1/2, 1/3, 1/4), two of them fixing locations 0 and 1 together, so the coupled data tie
     * location 0 to location 1.
     */
    private static final TokenSpec TABLE = new TokenSpec(3, 5, 1, 1, 1, 1, 0, 1.0,
            List.of("AAB**", "BB***", "C****", "*C*A*"), false);

    private static int[][][] counts(TokenPairSource source, int locations) {
        TokenPairBatch b = new TokenPairBatch(SAMPLES, locations);
        source.next(b);
        int[][][] pair = new int[locations][3][3];
        for (int i = 0; i < SAMPLES; i++) {
            for (int k = 0; k < locations; k++) {
                pair[k][b.view1()[i * locations + k]][b.view2()[i * locations + k]]++;
            }
        }
        return pair;
    }

    private static double standardErrors(long count, double p) {
        double se = Math.sqrt(Math.max(p * (1 - p), 1e-12) / SAMPLES);
        return Math.abs(count / (double) SAMPLES - p) / se;
    }

    @Test
    void everyLocationKeepsTheCoupledPairLaw() {
        TokenPatterns table = TokenPatterns.explicit(TABLE);
        LocationPairDistribution law = LocationPairDistribution.of(table, 1);
        int[][][] decoupled = counts(new DecoupledTokenPairGenerator(table, law, new SplittableRandom(1)), 5);
        int[][][] coupled = counts(new TokenPairGenerator(table, 1, new SplittableRandom(2)), 5);
        for (int k = 0; k < 5; k++) {
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    double p = law.joint(k, a, b);
                    assertThat(standardErrors(decoupled[k][a][b], p)).as("decoupled P_%d(%d,%d) = %f", k, a, b, p)
                            .isLessThan(SE_BOUND);
                    assertThat(standardErrors(coupled[k][a][b], p)).as("coupled P_%d(%d,%d) = %f", k, a, b, p)
                            .isLessThan(SE_BOUND);
                }
            }
        }
    }

    @Test
    void locationsAreIndependentOnlyWhenDecoupled() {
        TokenPatterns table = TokenPatterns.explicit(TABLE);
        LocationPairDistribution law = LocationPairDistribution.of(table, 1);
        assertThat(largestDependence(new DecoupledTokenPairGenerator(table, law, new SplittableRandom(3)), law))
                .isLessThan(SE_BOUND);
        // coupled: P(x1_0 = A, x2_1 = A) = 1/4 against f_0(A) f_1(A) = 1/9, about 200 SEs
        assertThat(largestDependence(new TokenPairGenerator(table, 1, new SplittableRandom(4)), law))
                .isGreaterThan(50.0);
    }

    /** The largest |P(x1_k = a, x2_l = b) − f_k(a) f_l(b)| over k ≠ l, a, b, in standard errors. */
    private static double largestDependence(TokenPairSource source, LocationPairDistribution law) {
        TokenPairBatch batch = new TokenPairBatch(SAMPLES, 5);
        source.next(batch);
        double worst = 0.0;
        for (int k = 0; k < 5; k++) {
            for (int l = 0; l < 5; l++) {
                if (k == l) {
                    continue;
                }
                int[][] joint = new int[3][3];
                for (int i = 0; i < SAMPLES; i++) {
                    joint[batch.view1()[i * 5 + k]][batch.view2()[i * 5 + l]]++;
                }
                for (int a = 0; a < 3; a++) {
                    for (int b = 0; b < 3; b++) {
                        worst = Math.max(worst, standardErrors(joint[a][b], law.frequency(k, a) * law.frequency(l, b)));
                    }
                }
            }
        }
        return worst;
    }

    @Test
    void theSameStreamGivesTheSameBatches() {
        TokenPatterns table = TokenPatterns.explicit(TABLE);
        LocationPairDistribution law = LocationPairDistribution.of(table, 1);
        TokenPairBatch first = new TokenPairBatch(64, 5);
        TokenPairBatch second = new TokenPairBatch(64, 5);
        new DecoupledTokenPairGenerator(table, law, new SplittableRandom(9)).next(first);
        new DecoupledTokenPairGenerator(table, law, new SplittableRandom(9)).next(second);
        assertThat(second.view1()).isEqualTo(first.view1());
        assertThat(second.view2()).isEqualTo(first.view2());
    }
}
