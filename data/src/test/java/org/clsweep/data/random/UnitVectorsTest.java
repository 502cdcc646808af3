package org.clsweep.data.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.clsweep.data.testing.Tolerances.TOL_EXACT;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Directions uniform on S^{d−1}: unit norm, the documented construction z/‖z‖ from the stream,
 * determinism, and the moments and coordinate law of the uniform distribution on the sphere.
 *
 * <pre>
 *   v uniform on S^{d−1}:  E[v_i] = 0,  E[v_i v_j] = δ_ij / d,  E[v_i⁴] = 3 / (d(d+2)),
 *                          E[v_i²ᵏ] = (2k−1)!! / (d(d+2)…(d+2k−2))
 *   d = 2: the angle atan2(v_2, v_1) is uniform on (−π, π]
 *   d = 3: each coordinate is uniform on [−1, 1] (Archimedes)
 * </pre>
 * Monte-Carlo checks allow {@value #MC_SIGMAS} standard errors, and the Kolmogorov–Smirnov checks
 * reject at √n·D &gt; {@value #KS_CRITICAL} (significance about 0.001); the seeds are fixed, so the
 * checks are deterministic.
 */
class UnitVectorsTest {
    /** Monte-Carlo agreement: this many standard errors. */
    private static final double MC_SIGMAS = 5.0;
    /** Kolmogorov's limit law: P(√n·D_n &gt; 1.95) ≈ 0.001. */
    private static final double KS_CRITICAL = 1.95;

    @ParameterizedTest(name = "d = {0}")
    @ValueSource(ints = {1, 2, 3, 7, 64, 1000})
    void everyRowHasUnitNorm(int d) {
        DMatrixRMaj m = UnitVectors.rows(200, d, new SplittableRandom(d));
        assertThat(m.numRows).isEqualTo(200);
        assertThat(m.numCols).isEqualTo(d);
        for (int i = 0; i < m.numRows; i++) {
            double n2 = 0.0;
            for (int j = 0; j < d; j++) {
                n2 += m.get(i, j) * m.get(i, j);
            }
            assertThat(Math.sqrt(n2)).as("‖row %d‖", i).isCloseTo(1.0, offset(TOL_EXACT));
        }
    }

    @Test
    void drawIsTheNextGaussianVectorOfTheStreamNormalised() {
        int d = 5;
        SplittableRandom rng = new SplittableRandom(11);
        SplittableRandom copy = new SplittableRandom(11);
        for (int k = 0; k < 50; k++) {
            double[] out = new double[d];
            UnitVectors.draw(rng, out, 0, d);
            double[] z = new double[d];
            double n2 = 0.0;
            for (int i = 0; i < d; i++) {
                z[i] = copy.nextGaussian();
                n2 += z[i] * z[i];
            }
            for (int i = 0; i < d; i++) {
                assertThat(out[i]).as("draw %d, coordinate %d", k, i)
                        .isCloseTo(z[i] / Math.sqrt(n2), offset(TOL_EXACT));
            }
        }
    }

    @Test
    void aDrawTakesExactlyDGaussiansFromTheStream() {
        int d = 4;
        SplittableRandom rng = new SplittableRandom(19);
        SplittableRandom copy = new SplittableRandom(19);
        UnitVectors.draw(rng, new double[d], 0, d);
        for (int i = 0; i < d; i++) {
            copy.nextGaussian();
        }
        assertThat(rng.nextLong()).isEqualTo(copy.nextLong());
    }

    @Test
    void drawWritesOnlyItsSlice() {
        double[] out = new double[12];
        Arrays.fill(out, 42.0);
        UnitVectors.draw(new SplittableRandom(3), out, 4, 5);
        for (int i = 0; i < out.length; i++) {
            if (i < 4 || i >= 9) {
                assertThat(out[i]).as("outside the slice, index %d", i).isEqualTo(42.0);
            } else {
                assertThat(Math.abs(out[i])).as("inside the slice, index %d", i).isLessThanOrEqualTo(1.0);
            }
        }
        double n2 = 0.0;
        for (int i = 4; i < 9; i++) {
            n2 += out[i] * out[i];
        }
        assertThat(n2).isCloseTo(1.0, offset(TOL_EXACT));
    }

    @Test
    void rowsAreSuccessiveDrawsSoTheSameSeedGivesTheSameMatrix() {
        int n = 30;
        int d = 6;
        DMatrixRMaj a = UnitVectors.rows(n, d, new SplittableRandom(77));
        DMatrixRMaj b = UnitVectors.rows(n, d, new SplittableRandom(77));
        assertThat(b.data).containsExactly(a.data);

        SplittableRandom rng = new SplittableRandom(77);
        double[] row = new double[d];
        for (int i = 0; i < n; i++) {
            UnitVectors.draw(rng, row, 0, d);
            for (int j = 0; j < d; j++) {
                assertThat(a.get(i, j)).as("row %d, column %d", i, j).isEqualTo(row[j]);
            }
        }
    }

    @Test
    void differentSeedsAndLaterDrawsGiveDifferentDirections() {
        DMatrixRMaj a = UnitVectors.rows(2, 4, new SplittableRandom(1));
        DMatrixRMaj b = UnitVectors.rows(2, 4, new SplittableRandom(2));
        assertThat(Arrays.copyOfRange(a.data, 0, 4)).isNotEqualTo(Arrays.copyOfRange(b.data, 0, 4));
        assertThat(Arrays.copyOfRange(a.data, 0, 4)).isNotEqualTo(Arrays.copyOfRange(a.data, 4, 8));
    }

    @Test
    void dimensionOneGivesBothSignsWithEqualProbability() {
        int n = 10_000;
        DMatrixRMaj m = UnitVectors.rows(n, 1, new SplittableRandom(5));
        int positive = 0;
        for (int i = 0; i < n; i++) {
            assertThat(Math.abs(m.get(i, 0))).isCloseTo(1.0, offset(TOL_EXACT));
            if (m.get(i, 0) > 0) {
                positive++;
            }
        }
        // Binomial(n, ½): standard deviation √n / 2
        assertThat((double) positive).isCloseTo(n / 2.0, offset(MC_SIGMAS * Math.sqrt(n) / 2));
    }

    @Test
    void momentsAreThoseOfTheUniformLawOnTheSphere() {
        int d = 5;
        int n = 100_000;
        DMatrixRMaj m = UnitVectors.rows(n, d, new SplittableRandom(2024));
        double[] sum = new double[d];
        double[][] second = new double[d][d];
        double[] fourth = new double[d];
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < d; i++) {
                double x = m.get(k, i);
                sum[i] += x;
                fourth[i] += x * x * x * x;
                for (int j = 0; j < d; j++) {
                    second[i][j] += x * m.get(k, j);
                }
            }
        }
        double m2 = 1.0 / d;
        double m4 = sphereMoment(d, 2);
        double m8 = sphereMoment(d, 4);
        double seMean = Math.sqrt(m2 / n);
        double seSquare = Math.sqrt((m4 - m2 * m2) / n);
        double seCross = Math.sqrt(1.0 / (d * (d + 2.0)) / n); // E[v_i² v_j²] = 1/(d(d+2)), i ≠ j
        double seFourth = Math.sqrt((m8 - m4 * m4) / n);
        for (int i = 0; i < d; i++) {
            assertThat(sum[i] / n).as("E[v_%d]", i).isCloseTo(0.0, offset(MC_SIGMAS * seMean));
            for (int j = 0; j < d; j++) {
                if (i == j) {
                    assertThat(second[i][j] / n).as("E[v_%d²]", i).isCloseTo(m2, offset(MC_SIGMAS * seSquare));
                } else {
                    assertThat(second[i][j] / n).as("E[v_%d v_%d]", i, j).isCloseTo(0.0, offset(MC_SIGMAS * seCross));
                }
            }
            assertThat(fourth[i] / n).as("E[v_%d⁴]", i).isCloseTo(m4, offset(MC_SIGMAS * seFourth));
        }
    }

    @Test
    void inThreeDimensionsEachCoordinateIsUniformOnMinusOneToOne() {
        int n = 20_000;
        DMatrixRMaj m = UnitVectors.rows(n, 3, new SplittableRandom(9));
        for (int j = 0; j < 3; j++) {
            double[] x = new double[n];
            for (int k = 0; k < n; k++) {
                x[k] = m.get(k, j);
            }
            assertThat(ksStatistic(x, -1.0, 1.0)).as("√n·D of coordinate %d against U(−1, 1)", j)
                    .isLessThan(KS_CRITICAL);
        }
    }

    @Test
    void inTwoDimensionsTheAngleIsUniform() {
        int n = 20_000;
        DMatrixRMaj m = UnitVectors.rows(n, 2, new SplittableRandom(13));
        double[] angle = new double[n];
        for (int k = 0; k < n; k++) {
            angle[k] = Math.atan2(m.get(k, 1), m.get(k, 0));
        }
        assertThat(ksStatistic(angle, -Math.PI, Math.PI)).as("√n·D of the angle against U(−π, π)")
                .isLessThan(KS_CRITICAL);
    }

    /** E[v_i^{2k}] for v uniform on S^{d−1}: (2k−1)!! / (d(d+2)…(d+2k−2)). */
    private static double sphereMoment(int d, int k) {
        double m = 1.0;
        for (int r = 0; r < k; r++) {
            m *= (2.0 * r + 1) / (d + 2.0 * r);
        }
        return m;
    }

    /** √n · sup_t |F_n(t) − F(t)| for F the uniform distribution function on [lo, hi]. */
    private static double ksStatistic(double[] sample, double lo, double hi) {
        double[] x = sample.clone();
        Arrays.sort(x);
        int n = x.length;
        double d = 0.0;
        for (int i = 0; i < n; i++) {
            double f = (x[i] - lo) / (hi - lo);
            d = Math.max(d, Math.max((i + 1.0) / n - f, f - (double) i / n));
        }
        return Math.sqrt(n) * d;
    }

    @Test
    void aDimensionBelowOneIsRefused() {
        assertThatThrownBy(() -> UnitVectors.draw(new SplittableRandom(1), new double[1], 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("d must be >= 1, found 0");
    }
}
