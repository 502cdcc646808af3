package org.clsweep.data.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import java.util.SplittableRandom;
import org.clsweep.data.spec.TokenSpec;
import org.clsweep.dynamics.metrics.LinearCollapse;
import org.clsweep.dynamics.model.TokenEmbedding;
import org.clsweep.dynamics.model.TokenPairBatch;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class LocationPairDistributionTest {
    private static final double TOL = 1e-12;

    private static TokenPatterns explicit(int vocab, int locations, int augDegree, String patterns) {
        return TokenPatterns.explicit(new TokenSpec(vocab, locations, 1, 1, 1, augDegree, 0, 1.0, List.of(patterns), false));
    }

    @Test
    void jointLawOfAHandTable() {
        // n = 3, aug_degree = 1; "AB*" has one wildcard (q = 1), "*B*" two (q = 1/2)
        LocationPairDistribution p = LocationPairDistribution.of(explicit(3, 3, 1, "AB*-*B*"), 1);
        // location 0: ½ [1[a = b = 0] + (1/3)(½ 1[a = b] + ½/3)]
        assertThat(p.joint(0, 0, 0)).isCloseTo(11.0 / 18, offset(TOL));
        assertThat(p.joint(0, 1, 1)).isCloseTo(1.0 / 9, offset(TOL));
        assertThat(p.joint(0, 0, 2)).isCloseTo(1.0 / 36, offset(TOL));
        assertThat(p.frequency(0, 0)).isCloseTo(2.0 / 3, offset(TOL));
        assertThat(p.frequency(0, 2)).isCloseTo(1.0 / 6, offset(TOL));
        // location 1: token 1 in both views, always
        assertThat(p.joint(1, 1, 1)).isCloseTo(1.0, offset(TOL));
        assertThat(p.joint(1, 0, 1)).isZero();
        // location 2: wild in both, ½ (1/3)(1/3) + ½ (1/3)(½ 1[a = b] + 1/6)
        assertThat(p.joint(2, 1, 1)).isCloseTo(1.0 / 6, offset(TOL));
        assertThat(p.joint(2, 1, 2)).isCloseTo(1.0 / 12, offset(TOL));
        assertThat(p.occurring()).isDeepEqualTo(new boolean[][] {{true, true, true}, {false, true, false},
                {true, true, true}});
        for (int k = 0; k < 3; k++) {
            double total = 0.0;
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    total += p.joint(k, a, b);
                }
            }
            assertThat(total).as("location %d", k).isCloseTo(1.0, offset(TOL));
        }
    }

    @Test
    void covarianceOfOneHotInputsScalesTheTokenCovarianceByTheMagnitudes() {
        LocationPairDistribution p = LocationPairDistribution.of(explicit(3, 3, 1, "AB*-*B*"), 1);
        double[] mag = {0.5, 2.0, 1.0};
        DMatrixRMaj c = p.inputCovariance(0, TokenEmbedding.oneHot(mag));
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                double expected = mag[a] * mag[b] * (p.joint(0, a, b) - p.frequency(0, a) * p.frequency(0, b));
                assertThat(c.get(a, b)).as("C[%d,%d]", a, b).isCloseTo(expected, offset(TOL));
            }
        }
        // the diagonal is the pair covariance P(x1 = a, x2 = a) − f(a)² = f(a)·invariance − f(a)²
        double invariance = (1 + (1.0 / 3) * (1 - 0.5 + 0.5 / 3)) / (1 + 1.0 / 3);
        assertThat(c.get(0, 0) / (mag[0] * mag[0])).isCloseTo((2.0 / 3) * invariance - 4.0 / 9, offset(TOL));
        // location 1 never changes: no covariance at all
        assertThat(p.inputCovariance(1, TokenEmbedding.oneHot(mag)).data).containsOnly(0.0);
    }

    @Test
    void matchesTheCrossCovarianceOfSampledPairs() {
        // patterns with 3, 3 and 4 wildcards: q = 2/3, 2/3, 1/2; dense tokens with magnitudes ½ and 2
        TokenSpec spec = new TokenSpec(5, 5, 1, 1, 1, 2, 3, 2.0, List.of("AB***-*C*D*-**E**"), false);
        SplittableRandom patternStream = new SplittableRandom(11);
        TokenPatterns table = TokenPatterns.of(spec, patternStream);
        TokenEmbedding emb = TokenEmbeddings.of(spec, patternStream);
        LocationPairDistribution p = LocationPairDistribution.of(table, 2);
        TokenPairGenerator gen = new TokenPairGenerator(table, 2, new SplittableRandom(12));
        int samples = 400_000;
        TokenPairBatch batch = new TokenPairBatch(samples, 5);
        gen.next(batch);
        int n = 5;
        for (int k = 0; k < 5; k++) {
            double[][] count = new double[n][n];
            for (int i = 0; i < samples; i++) {
                count[batch.view1()[i * 5 + k]][batch.view2()[i * 5 + k]] += 1.0 / samples;
            }
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    // a standard error of at most √(¼ / 400 000) ≈ 8e-4
                    assertThat(count[a][b]).as("P_%d(%d, %d)", k, a, b).isCloseTo(p.joint(k, a, b), offset(5e-3));
                }
            }
            // the sampled cross-covariance of the inputs, symmetrised
            int d = emb.dim();
            double[] m1 = new double[d];
            double[] m2 = new double[d];
            double[][] cross = new double[d][d];
            for (int i = 0; i < samples; i++) {
                int a = batch.view1()[i * 5 + k];
                int b = batch.view2()[i * 5 + k];
                for (int r = 0; r < d; r++) {
                    m1[r] += emb.input(r, a) / samples;
                    m2[r] += emb.input(r, b) / samples;
                    for (int s = 0; s < d; s++) {
                        cross[r][s] += emb.input(r, a) * emb.input(s, b) / samples;
                    }
                }
            }
            DMatrixRMaj c = p.inputCovariance(k, emb);
            for (int r = 0; r < d; r++) {
                for (int s = 0; s < d; s++) {
                    double sampled = 0.5 * (cross[r][s] + cross[s][r]) - 0.5 * (m1[r] * m2[s] + m1[s] * m2[r]);
                    assertThat(sampled).as("C_%d[%d, %d]", k, r, s).isCloseTo(c.get(r, s), offset(0.03));
                }
            }
        }
    }

    @Test
    void aLocationThatEveryPatternLeavesOpenHasNoTopDirection() {
        // location 2 is a wildcard in every pattern (q = ½): P = δ I + c 11ᵀ, f uniform, so
        // C = δ I − (1 − q)/n² 11ᵀ has its top eigenvalue δ on every vector ⊥ 1, a tie; location 0
        // (A twice, B once, never open) has the unique top direction (e_A − e_B)/√2
        LocationPairDistribution p = LocationPairDistribution.of(explicit(4, 4, 1, "AB**-BA**-AA**"), 1);
        TokenEmbedding oneHot = TokenEmbedding.oneHot(new double[] {1, 1, 1, 1});
        DMatrixRMaj anyW = new DMatrixRMaj(new double[][] {{1, 0.5, 0.2, 0.1}, {0.3, -1, 0, 0.4}});
        assertThat(LinearCollapse.of(anyW, p.inputCovariance(2, oneHot)).topDirectionCosine()).isNaN();
        DMatrixRMaj contrast = new DMatrixRMaj(new double[][] {{1, -1, 0, 0}, {-2, 2, 0, 0}});
        assertThat(LinearCollapse.of(contrast, p.inputCovariance(0, oneHot)).topDirectionCosine())
                .isCloseTo(1.0, offset(TOL));
    }
}
