package org.clsweep.data.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.clsweep.data.testing.Tolerances.TOL_EXACT;

import java.util.SplittableRandom;
import org.clsweep.data.spec.GeometryKind;
import org.clsweep.data.spec.GeometrySpec;
import org.clsweep.data.spec.ProbsKind;
import org.clsweep.dynamics.model.PatternMixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class PatternGeometryTest {
    private static GeometrySpec spec(GeometryKind kind, int patterns, int dim, double cosine) {
        return new GeometrySpec(kind, patterns, dim, cosine, 0.1, 1.0, 0.5, ProbsKind.UNIFORM, 1.0);
    }

    private static double dot(PatternMixture m, int a, int b) {
        double s = 0.0;
        for (int i = 0; i < m.dim(); i++) {
            s += m.pattern(a, i) * m.pattern(b, i);
        }
        return s;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @ParameterizedTest
    @EnumSource(value = GeometryKind.class, names = "DATASET", mode = EnumSource.Mode.EXCLUDE) // read, not generated
    void patternsDifferBetweenPatternStreamsExactlyForTheKindsDrawnPerSeed(GeometryKind kind) {
        GeometrySpec g = spec(kind, 6, 16, 0.2);
        double[][] a = PatternGeometry.directions(g, new SplittableRandom(1));
        double[][] b = PatternGeometry.directions(g, new SplittableRandom(2));
        assertThat(java.util.Arrays.deepEquals(a, b)).isNotEqualTo(kind.drawnPerSeed());
    }

    @Test
    void orthogonalPatternsAreScaledBasisVectorsWithLinearMagnitudes() {
        PatternMixture m = PatternGeometry.mixture(spec(GeometryKind.ORTHOGONAL, 6, 16, 0.0), new SplittableRandom(1));
        assertThat(m.patternCount()).isEqualTo(6);
        assertThat(m.dim()).isEqualTo(16);
        assertThat(m.noise()).isEqualTo(0.1);
        for (int a = 0; a < 6; a++) {
            double r = 1.0 - 0.1 * a;
            for (int b = 0; b < 6; b++) {
                assertThat(dot(m, a, b)).as("Gram[%d][%d]", a, b).isCloseTo(a == b ? r * r : 0.0, offset(TOL_EXACT));
            }
            assertThat(m.pattern(a, a)).isCloseTo(r, offset(TOL_EXACT));
            assertThat(m.prob(a)).isCloseTo(1.0 / 6, offset(TOL_EXACT));
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.15, 0.0, 0.3, 0.9})
    void equiangularDirectionsHaveUnitNormAndPairwiseCosineC(double c) {
        double[][] v = PatternGeometry.directions(spec(GeometryKind.EQUIANGULAR, 6, 8, c), new SplittableRandom(1));
        for (int a = 0; a < 6; a++) {
            for (int b = 0; b < 6; b++) {
                assertThat(dot(v[a], v[b])).as("Gram[%d][%d]", a, b).isCloseTo(a == b ? 1.0 : c, offset(TOL_EXACT));
            }
            assertThat(v[a][6]).isZero();
            assertThat(v[a][7]).isZero();
        }
    }

    @Test
    void equiangularNearTheLowerLimitIsStillExact() {
        double c = -1.0 / 5 + 1e-9;
        double[][] v = PatternGeometry.directions(spec(GeometryKind.EQUIANGULAR, 6, 6, c), new SplittableRandom(1));
        assertThat(dot(v[0], v[0])).isCloseTo(1.0, offset(TOL_EXACT));
        assertThat(dot(v[2], v[4])).isCloseTo(c, offset(TOL_EXACT));
    }

    @Test
    void randomDirectionsAreUnitReproducibleAndSeedDependent() {
        GeometrySpec s = spec(GeometryKind.RANDOM, 5, 7, 0.0);
        double[][] a = PatternGeometry.directions(s, new SplittableRandom(42));
        double[][] b = PatternGeometry.directions(s, new SplittableRandom(42));
        double[][] c = PatternGeometry.directions(s, new SplittableRandom(43));
        for (int l = 0; l < 5; l++) {
            assertThat(dot(a[l], a[l])).isCloseTo(1.0, offset(TOL_EXACT));
            assertThat(a[l]).containsExactly(b[l]);
            assertThat(a[l]).isNotEqualTo(c[l]);
        }
    }

    @Test
    void randomDirectionsAreUniformOnTheSphereInTheMean() {
        // E[v] = 0 and E[vvᵀ] = I/d for the uniform law; 20 000 draws, 5 standard errors
        int d = 4;
        int n = 20_000;
        double[][] v = PatternGeometry.directions(spec(GeometryKind.RANDOM, n, d, 0.0), new SplittableRandom(3));
        double[] mean = new double[d];
        double[][] second = new double[d][d];
        for (double[] x : v) {
            for (int i = 0; i < d; i++) {
                mean[i] += x[i] / n;
                for (int j = 0; j < d; j++) {
                    second[i][j] += x[i] * x[j] / n;
                }
            }
        }
        double se = 5.0 / Math.sqrt(n);
        for (int i = 0; i < d; i++) {
            assertThat(mean[i]).isCloseTo(0.0, offset(se * Math.sqrt(1.0 / d)));
            for (int j = 0; j < d; j++) {
                assertThat(second[i][j]).isCloseTo(i == j ? 1.0 / d : 0.0, offset(se * 0.25));
            }
        }
    }

    @Test
    void pairsAreDistinctTwoHotVectors() {
        GeometrySpec s = spec(GeometryKind.PAIRS, 10, 5, 0.0);   // all 10 pairs of 5 coordinates
        double[][] v = PatternGeometry.directions(s, new SplittableRandom(8));
        for (int a = 0; a < 10; a++) {
            int nonZero = 0;
            for (double x : v[a]) {
                if (x != 0.0) {
                    assertThat(x).isCloseTo(Math.sqrt(0.5), offset(TOL_EXACT));
                    nonZero++;
                }
            }
            assertThat(nonZero).isEqualTo(2);
            for (int b = 0; b < 10; b++) {
                double g = dot(v[a], v[b]);
                if (a == b) {
                    assertThat(g).isCloseTo(1.0, offset(TOL_EXACT));
                } else {
                    assertThat(Math.min(Math.abs(g), Math.abs(g - 0.5))).as("pairs %d, %d share at most one coordinate", a, b)
                            .isLessThan(TOL_EXACT);
                }
            }
        }
        assertThat(PatternGeometry.directions(s, new SplittableRandom(8))).isDeepEqualTo(v);
    }

    @Test
    void magnitudesAreLinearBetweenTheEnds() {
        assertThat(PatternGeometry.magnitudes(5, 1.0, 0.5)).containsExactly(new double[] {1.0, 0.875, 0.75, 0.625, 0.5},
                offset(TOL_EXACT));
        assertThat(PatternGeometry.magnitudes(1, 2.0, 0.5)).containsExactly(2.0);
    }

    @Test
    void probabilitiesAreUniformOrZipf() {
        assertThat(PatternGeometry.probabilities(ProbsKind.UNIFORM, 4, 1.0)).containsExactly(0.25, 0.25, 0.25, 0.25);
        double[] z = PatternGeometry.probabilities(ProbsKind.ZIPF, 4, 1.0);
        double h = 1 + 1.0 / 2 + 1.0 / 3 + 1.0 / 4;
        assertThat(z).containsExactly(new double[] {1 / h, 0.5 / h, 1.0 / 3 / h, 0.25 / h}, offset(TOL_EXACT));
        double[] z2 = PatternGeometry.probabilities(ProbsKind.ZIPF, 3, 2.0);
        assertThat(z2[0] / z2[2]).isCloseTo(9.0, offset(TOL_EXACT));
        assertThat(PatternGeometry.probabilities(ProbsKind.ZIPF, 3, 0.0)).containsExactly(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3},
                offset(TOL_EXACT));
    }

    @Test
    void mixtureCarriesProbabilitiesAndNoise() {
        GeometrySpec s = new GeometrySpec(GeometryKind.RANDOM, 3, 4, 0.0, 0.25, 2.0, 1.0, ProbsKind.ZIPF, 1.0);
        PatternMixture m = PatternGeometry.mixture(s, new SplittableRandom(2));
        assertThat(m.noise()).isEqualTo(0.25);
        assertThat(Math.sqrt(dot(m, 0, 0))).isCloseTo(2.0, offset(TOL_EXACT));
        assertThat(Math.sqrt(dot(m, 1, 1))).isCloseTo(1.5, offset(TOL_EXACT));
        assertThat(Math.sqrt(dot(m, 2, 2))).isCloseTo(1.0, offset(TOL_EXACT));
        assertThat(m.prob(0)).isCloseTo(6.0 / 11, offset(TOL_EXACT));
    }
}
