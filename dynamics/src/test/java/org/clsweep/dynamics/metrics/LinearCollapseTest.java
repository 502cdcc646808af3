package org.clsweep.dynamics.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.clsweep.dynamics.testing.Tolerances.TOL_EXACT;
import static org.clsweep.dynamics.testing.Tolerances.TOL_ROUNDOFF;

import java.util.SplittableRandom;
import org.clsweep.dynamics.testing.Vectors;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class LinearCollapseTest {
    /** Orthogonal patterns of magnitudes 2, 1.5, 1 in R^4, uniform π: Cov_π(μ) has distinct eigenvalues. */
    private static final double[][] PATTERNS = {{2, 0, 0, 0}, {0, 1.5, 0, 0}, {0, 0, 1, 0}};
    private static final double[] UNIFORM = {1.0 / 3, 1.0 / 3, 1.0 / 3};

    @Test
    void covarianceIsTheProbabilityWeightedCovarianceOfThePoints() {
        double[][] points = {{1, 0}, {0, 2}};
        double[] probs = {0.25, 0.75};
        // μ̄ = (0.25, 1.5); C = Σ π_l (μ_l − μ̄)(μ_l − μ̄)ᵀ = π1π2 (μ1 − μ2)(μ1 − μ2)ᵀ for two points
        DMatrixRMaj c = LinearCollapse.covariance(points, probs);
        double k = 0.25 * 0.75;
        assertThat(c.data).containsExactly(new double[] {k, -2 * k, -2 * k, 4 * k}, offset(TOL_EXACT));
    }

    @Test
    void rankOneWeightsAlongTheTopEigenvectorHaveCosineOneAndStableRankOne() {
        DMatrixRMaj c = LinearCollapse.covariance(PATTERNS, UNIFORM);
        double[] u = topEigenvector(c);
        // nodes of different lengths and signs, all ± u
        double[] scale = {1.0, -0.5, 2.0, -1.0, 0.3};
        DMatrixRMaj w = new DMatrixRMaj(scale.length, 4);
        for (int k = 0; k < scale.length; k++) {
            for (int i = 0; i < 4; i++) {
                w.set(k, i, scale[k] * u[i]);
            }
        }
        LinearCollapse m = LinearCollapse.of(w, c);
        assertThat(m.topDirectionCosine()).isCloseTo(1.0, offset(TOL_ROUNDOFF));
        assertThat(m.stableRank()).isCloseTo(1.0, offset(TOL_ROUNDOFF));
    }

    @Test
    void cosineIsTheAngleBetweenWsTopDirectionAndTheDatasTop() {
        // C's top eigenvector is e_0 (variance along the first axis is the largest); W's top
        // right-singular vector is (cos θ, sin θ, 0, 0) when its one row is that vector
        DMatrixRMaj c = new DMatrixRMaj(new double[][] {{3, 0, 0, 0}, {0, 2, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 0}});
        double theta = 0.7;
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{Math.cos(theta), Math.sin(theta), 0, 0}});
        assertThat(LinearCollapse.of(w, c).topDirectionCosine()).isCloseTo(Math.cos(theta), offset(TOL_ROUNDOFF));
    }

    @Test
    void stableRankOfRandomWeightsMatchesPowerIteration() {
        SplittableRandom rng = new SplittableRandom(7);
        DMatrixRMaj c = LinearCollapse.covariance(PATTERNS, UNIFORM);
        for (int[] shape : new int[][] {{6, 4}, {3, 4}, {1, 4}, {12, 4}}) {
            int n = shape[0];
            int d = shape[1];
            DMatrixRMaj w = new DMatrixRMaj(n, d);
            for (int i = 0; i < w.data.length; i++) {
                w.data[i] = rng.nextGaussian();
            }
            double frobenius = 0.0;
            for (double x : w.data) {
                frobenius += x * x;
            }
            double expected = frobenius / largestSquaredSingularValue(w);
            LinearCollapse m = LinearCollapse.of(w, c);
            assertThat(m.stableRank()).as("%d×%d", n, d).isCloseTo(expected, offset(1e-9))
                    .isBetween(1.0, (double) Math.min(n, d));
            if (n > 1) {
                assertThat(m.stableRank()).as("%d×%d", n, d).isGreaterThan(1.05);
            }
            assertThat(m.topDirectionCosine()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void equalPatternMagnitudesTieTheCovarianceAndGiveNoCosine() {
        double[][] equal = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        DMatrixRMaj c = LinearCollapse.covariance(equal, UNIFORM);
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{1, 0, 0}, {1, 0, 0}});
        LinearCollapse m = LinearCollapse.of(w, c);
        assertThat(m.topDirectionCosine()).isNaN();
        assertThat(m.stableRank()).isCloseTo(1.0, offset(TOL_ROUNDOFF));
    }

    @Test
    void nodesSplitEvenlyBetweenTwoOrthogonalDirectionsTieWAndGiveNoCosine() {
        DMatrixRMaj c = LinearCollapse.covariance(PATTERNS, UNIFORM);
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{1, 0, 0, 0}, {0, 1, 0, 0}, {1, 0, 0, 0}, {0, -1, 0, 0}});
        LinearCollapse m = LinearCollapse.of(w, c);
        assertThat(m.topDirectionCosine()).isNaN();
        assertThat(m.stableRank()).isCloseTo(2.0, offset(TOL_ROUNDOFF));
        // tilting one row by ε splits s_1, s_2 by about 2ε: a tie below TIE = 1e-9, none above
        assertThat(LinearCollapse.of(tilted(w, 1e-11), c).topDirectionCosine()).isNaN();
        assertThat(LinearCollapse.of(tilted(w, 1e-7), c).topDirectionCosine()).isBetween(0.0, 1.0);
    }

    /** W with row 2 replaced by the unit vector along (1, ε, 0, 0). */
    private static DMatrixRMaj tilted(DMatrixRMaj w, double eps) {
        DMatrixRMaj t = w.copy();
        double[] row = Vectors.unit(1, eps);
        t.set(2, 0, row[0]);
        t.set(2, 1, row[1]);
        return t;
    }

    @Test
    void zeroWeightsOrZeroCovarianceGiveNaN() {
        DMatrixRMaj c = LinearCollapse.covariance(PATTERNS, UNIFORM);
        LinearCollapse zeroW = LinearCollapse.of(new DMatrixRMaj(3, 4), c);
        assertThat(zeroW.topDirectionCosine()).isNaN();
        assertThat(zeroW.stableRank()).isNaN();
        DMatrixRMaj onePattern = LinearCollapse.covariance(new double[][] {{1, 2, 0, 0}}, new double[] {1.0});
        LinearCollapse zeroC = LinearCollapse.of(new DMatrixRMaj(new double[][] {{1, 0, 0, 0}}), onePattern);
        assertThat(zeroC.topDirectionCosine()).isNaN();
        assertThat(zeroC.stableRank()).isCloseTo(1.0, offset(TOL_EXACT));
    }

    @Test
    void covarianceOfAnotherDimensionIsRefused() {
        assertThatThrownBy(() -> LinearCollapse.of(new DMatrixRMaj(2, 3), new DMatrixRMaj(4, 4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("covariance must be 3×3 for W of 3 columns, found 4×4");
    }

    /** σ_1² by power iteration on WᵀW, independent of the eigensolver. */
    private static double largestSquaredSingularValue(DMatrixRMaj w) {
        int d = w.numCols;
        double[] v = new double[d];
        java.util.Arrays.fill(v, 1.0 / Math.sqrt(d));
        double lambda = 0.0;
        for (int it = 0; it < 10_000; it++) {
            double[] wv = new double[w.numRows];
            for (int k = 0; k < w.numRows; k++) {
                for (int i = 0; i < d; i++) {
                    wv[k] += w.get(k, i) * v[i];
                }
            }
            double[] next = new double[d];
            for (int k = 0; k < w.numRows; k++) {
                for (int i = 0; i < d; i++) {
                    next[i] += w.get(k, i) * wv[k];
                }
            }
            double norm = 0.0;
            for (double x : next) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < d; i++) {
                next[i] /= norm;
            }
            if (Math.abs(norm - lambda) <= 1e-15 * norm) {
                return norm;
            }
            lambda = norm;
            v = next;
        }
        return lambda;
    }

    /** The top eigenvector of a symmetric matrix by power iteration. */
    private static double[] topEigenvector(DMatrixRMaj c) {
        int d = c.numCols;
        double[] v = new double[d];
        java.util.Arrays.fill(v, 1.0);
        for (int it = 0; it < 5_000; it++) {
            double[] next = new double[d];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    next[i] += c.get(i, j) * v[j];
                }
            }
            v = Vectors.unit(next);
        }
        return v;
    }

    @Test
    void thePointsGiveWhatTheirCovarianceGives() {
        SplittableRandom rng = new SplittableRandom(3);
        // L < d (the L×L side) and L > d (the d×d side), non-uniform π
        for (int[] shape : new int[][] {{3, 7}, {9, 4}}) {
            int count = shape[0];
            int d = shape[1];
            double[][] points = new double[count][d];
            double[] probs = new double[count];
            double total = 0.0;
            for (int l = 0; l < count; l++) {
                for (int i = 0; i < d; i++) {
                    points[l][i] = rng.nextGaussian() * (l + 1);
                }
                probs[l] = 1.0 + l;
                total += probs[l];
            }
            for (int l = 0; l < count; l++) {
                probs[l] /= total;
            }
            DMatrixRMaj w = new DMatrixRMaj(5, d);
            for (int i = 0; i < w.data.length; i++) {
                w.data[i] = rng.nextGaussian();
            }
            LinearCollapse dense = LinearCollapse.of(w, LinearCollapse.covariance(points, probs));
            LinearCollapse factored = LinearCollapse.ofPoints(w, points, probs);
            assertThat(factored.topDirectionCosine()).as("L=%d d=%d", count, d)
                    .isCloseTo(dense.topDirectionCosine(), offset(TOL_ROUNDOFF));
            assertThat(factored.stableRank()).isCloseTo(dense.stableRank(), offset(TOL_ROUNDOFF));
        }
        assertThatThrownBy(() -> LinearCollapse.ofPoints(new DMatrixRMaj(1, 3), new double[][] {{1, 2}},
                new double[] {1.0})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("points have dimension 2, W has 3 columns");
    }
}
