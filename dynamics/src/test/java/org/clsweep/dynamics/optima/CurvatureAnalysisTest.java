package org.clsweep.dynamics.optima;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.clsweep.dynamics.activation.Activation;
import org.clsweep.dynamics.activation.ActivationFunction;
import org.clsweep.dynamics.model.PatternMixture;
import org.clsweep.dynamics.model.PopulationObjective;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link CurvatureAnalysis} against finite differences of A(w) and of the Riemannian gradient,
 * and its roughness against a brute-force maximisation over the tangent directions.
 */
class CurvatureAnalysisTest {
    private static final double HINGE = AnalysisSettings.DEFAULT_HINGE_TOLERANCE;

    private static ActivationFunction activation(String name) {
        return switch (name) {
            case "relu" -> ActivationFunction.of(Activation.RELU);
            case "leaky" -> ActivationFunction.of(Activation.LEAKY_RELU, 0.2);
            default -> ActivationFunction.of(Activation.LINEAR);
        };
    }

    /** L random Gaussian patterns in R^d with random probabilities. */
    private static PatternMixture randomMixture(int patterns, int d, double noise, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] mu = new double[patterns][d];
        double[] p = new double[patterns];
        double total = 0.0;
        for (int l = 0; l < patterns; l++) {
            for (int i = 0; i < d; i++) {
                mu[l][i] = rng.nextGaussian();
            }
            p[l] = 0.5 + rng.nextDouble();
            total += p[l];
        }
        for (int l = 0; l < patterns; l++) {
            p[l] /= total;
        }
        return new PatternMixture(mu, p, noise);
    }

    /** L orthogonal patterns m_l e_l in R^d, magnitudes linear from 1 to 0.8, uniform π. */
    private static PatternMixture orthogonal(int patterns, int d, double noise) {
        double[][] mu = new double[patterns][d];
        double[] p = new double[patterns];
        for (int l = 0; l < patterns; l++) {
            mu[l][l] = 1.0 - 0.2 * l / (patterns - 1);
            p[l] = 1.0 / patterns;
        }
        return new PatternMixture(mu, p, noise);
    }

    private static double[] randomUnit(int d, SplittableRandom rng) {
        double[] v = new double[d];
        for (int i = 0; i < d; i++) {
            v[i] = rng.nextGaussian();
        }
        return normalised(v);
    }

    private static double[] normalised(double[] v) {
        double n = Math.sqrt(dot(v, v));
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] / n;
        }
        return out;
    }

    /** A unit vector ⊥ w. */
    private static double[] tangent(double[] w, SplittableRandom rng) {
        double[] v = randomUnit(w.length, rng);
        double p = dot(v, w);
        for (int i = 0; i < v.length; i++) {
            v[i] -= p * w[i];
        }
        return normalised(v);
    }

    private static double[] step(double[] w, double[] delta, double h) {
        double[] v = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            v[i] = w[i] + h * delta[i];
        }
        return normalised(v);
    }

    private static DMatrixRMaj matrix(PopulationObjective obj, double[] w) {
        DMatrixRMaj a = new DMatrixRMaj(w.length, w.length);
        obj.matrix(w, 0, obj.newWorkspace(), a);
        return a;
    }

    /** ‖(A(n(w + hδ)) − A(n(w − hδ))) / 2h‖₂. */
    private static double finiteDifferenceNorm(PopulationObjective obj, double[] w, double[] delta, double h) {
        DMatrixRMaj plus = matrix(obj, step(w, delta, h));
        DMatrixRMaj minus = matrix(obj, step(w, delta, -h));
        DMatrixRMaj diff = new DMatrixRMaj(w.length, w.length);
        for (int i = 0; i < diff.data.length; i++) {
            diff.data[i] = (plus.data[i] - minus.data[i]) / (2 * h);
        }
        return extremeEigen(diff, true);
    }

    /** The largest eigenvalue (or largest |eigenvalue|) of a symmetric matrix. */
    private static double extremeEigen(DMatrixRMaj m, boolean modulus) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m.numRows, false, true);
        assertThat(eig.decompose(m.copy())).isTrue();
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < m.numRows; i++) {
            double v = eig.getEigenvalue(i).real;
            best = Math.max(best, modulus ? Math.abs(v) : v);
        }
        return best;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Projected gradient ascent w ← n(w + η A(w)w) to a fixed point, from a start. */
    private static double[] ascend(PopulationObjective obj, double[] start) {
        double[] w = start.clone();
        double[] g = new double[w.length];
        PopulationObjective.Workspace ws = obj.newWorkspace();
        for (int t = 0; t < 20_000; t++) {
            obj.gradient(w, 0, ws, g, 0);
            w = step(w, g, 1.0);
        }
        return w;
    }

    @ParameterizedTest(name = "{0}, σ = {1}, L = {2}, d = {3}")
    @CsvSource({"relu, 0.3, 3, 8", "relu, 0.05, 4, 4", "leaky, 0.2, 3, 6", "leaky, 0.7, 5, 3", "relu, 1.5, 2, 7"})
    void derivativeNormMatchesFiniteDifferencesOfA(String act, double noise, int patterns, int d) {
        PatternMixture mixture = randomMixture(patterns, d, noise, 11 + d);
        PopulationObjective obj = new PopulationObjective(mixture, activation(act));
        CurvatureAnalysis curvature = new CurvatureAnalysis(obj, mixture, HINGE);
        SplittableRandom rng = new SplittableRandom(5);
        for (int trial = 0; trial < 6; trial++) {
            double[] w = randomUnit(d, rng);
            double[] delta = tangent(w, rng);
            double analytic = curvature.derivativeNorm(w, delta, obj.newWorkspace());
            double fd = finiteDifferenceNorm(obj, w, delta, 1e-5);
            assertThat(analytic).as("trial %d", trial).isCloseTo(fd, within(1e-6 * Math.max(fd, 1e-3)));
        }
    }

    @Test
    void derivativeIsZeroForLinearAndOffTheHingesAtZeroNoise() {
        SplittableRandom rng = new SplittableRandom(8);
        for (String act : new String[] {"linear", "relu", "leaky"}) {
            PatternMixture mixture = randomMixture(4, 6, 0.0, 3);
            PopulationObjective obj = new PopulationObjective(mixture, activation(act));
            double[] w = randomUnit(6, rng);
            Curvature c = new CurvatureAnalysis(obj, mixture, HINGE).at(w, obj.newWorkspace());
            assertThat(c.onHinge()).as(act).isFalse();
            assertThat(c.roughness()).as(act).isZero();
            assertThat(c.roughnessBound()).as(act).isZero();
            assertThat(finiteDifferenceNorm(obj, w, tangent(w, rng), 1e-7)).as(act).isZero();
        }
    }

    @ParameterizedTest(name = "{0}, σ = {1}")
    @CsvSource({"relu, 0.3", "relu, 0.1", "leaky, 0.4", "relu, 2.0"})
    void roughnessIsTheMaximumOverTangentDirectionsInThreeDimensions(String act, double noise) {
        // d = 3: the tangent directions form a circle, searched on a grid of 20 000 angles
        PatternMixture mixture = randomMixture(4, 3, noise, 21);
        PopulationObjective obj = new PopulationObjective(mixture, activation(act));
        CurvatureAnalysis curvature = new CurvatureAnalysis(obj, mixture, HINGE);
        SplittableRandom rng = new SplittableRandom(2);
        for (int trial = 0; trial < 4; trial++) {
            double[] w = randomUnit(3, rng);
            double[] t1 = tangent(w, rng);
            double[] t2 = {w[1] * t1[2] - w[2] * t1[1], w[2] * t1[0] - w[0] * t1[2], w[0] * t1[1] - w[1] * t1[0]};
            double brute = 0.0;
            for (int k = 0; k < 20_000; k++) {
                double th = Math.PI * k / 20_000;
                double[] delta = new double[3];
                for (int i = 0; i < 3; i++) {
                    delta[i] = Math.cos(th) * t1[i] + Math.sin(th) * t2[i];
                }
                brute = Math.max(brute, curvature.derivativeNorm(w, delta, obj.newWorkspace()));
            }
            Curvature c = curvature.at(w, obj.newWorkspace());
            assertThat(c.roughness()).as("trial %d", trial).isCloseTo(brute, within(1e-7 * brute));
            assertThat(c.roughnessBound()).isGreaterThanOrEqualTo(c.roughness() * (1 - 1e-12));
        }
    }

    @ParameterizedTest(name = "{0}, σ = {1}")
    @CsvSource({"relu, 0.3", "leaky, 0.15", "relu, 1.0"})
    void roughnessIsTheMaximumOverTangentDirectionsInFourDimensions(String act, double noise) {
        // d = 4 and two patterns: the reduced space is span{w, μ_1, μ_2} plus one outside direction.
        // The tangent directions form a 2-sphere, searched on a 300 × 600 grid of polar angles
        PatternMixture mixture = randomMixture(2, 4, noise, 23);
        PopulationObjective obj = new PopulationObjective(mixture, activation(act));
        CurvatureAnalysis curvature = new CurvatureAnalysis(obj, mixture, HINGE);
        SplittableRandom rng = new SplittableRandom(6);
        for (int trial = 0; trial < 2; trial++) {
            double[] w = randomUnit(4, rng);
            double[][] t = new double[3][];
            for (int j = 0; j < 3; j++) {
                double[] v = tangent(w, rng);
                for (int i = 0; i < j; i++) {
                    double p = dot(v, t[i]);
                    for (int q = 0; q < 4; q++) {
                        v[q] -= p * t[i][q];
                    }
                }
                t[j] = normalised(v);
            }
            double brute = 0.0;
            for (int a = 0; a <= 300; a++) {
                double th = Math.PI * a / 300;
                for (int b = 0; b < 600; b++) {
                    double ph = 2 * Math.PI * b / 600;
                    double[] delta = new double[4];
                    for (int q = 0; q < 4; q++) {
                        delta[q] = Math.sin(th) * Math.cos(ph) * t[0][q] + Math.sin(th) * Math.sin(ph) * t[1][q]
                                + Math.cos(th) * t[2][q];
                    }
                    brute = Math.max(brute, curvature.derivativeNorm(w, delta, obj.newWorkspace()));
                }
            }
            Curvature c = curvature.at(w, obj.newWorkspace());
            // grid spacing π/300: the grid maximum is within (π/600)²/2 ≈ 1.4e-5 relative of the true one
            assertThat(c.roughness()).as("trial %d", trial)
                    .isGreaterThanOrEqualTo(brute * (1 - 1e-9))
                    .isLessThanOrEqualTo(brute * (1 + 1e-4));
        }
    }

    @ParameterizedTest(name = "{0}, σ = {1}, L = {2}, d = {3}")
    @CsvSource({"relu, 0.3, 6, 8", "leaky, 0.2, 5, 6", "relu, 0.05, 3, 5", "relu, 0.8, 8, 12"})
    void roughnessIsNotExceededByAnyRandomOrLocallyRefinedDirection(String act, double noise, int patterns,
                                                                    int d) {
        PatternMixture mixture = randomMixture(patterns, d, noise, 31 + patterns);
        PopulationObjective obj = new PopulationObjective(mixture, activation(act));
        CurvatureAnalysis curvature = new CurvatureAnalysis(obj, mixture, HINGE);
        SplittableRandom rng = new SplittableRandom(3);
        for (int trial = 0; trial < 3; trial++) {
            double[] w = randomUnit(d, rng);
            Curvature c = curvature.at(w, obj.newWorkspace());
            double best = 0.0;
            for (int start = 0; start < 300; start++) {
                // random start, then a random-search hill climb with shrinking steps
                double[] delta = tangent(w, rng);
                double value = curvature.derivativeNorm(w, delta, obj.newWorkspace());
                for (double radius = 0.3; radius > 1e-4; radius *= 0.7) {
                    for (int k = 0; k < 8; k++) {
                        double[] move = tangent(w, rng);
                        double[] cand = new double[d];
                        for (int i = 0; i < d; i++) {
                            cand[i] = delta[i] + radius * move[i];
                        }
                        double p = dot(cand, w);
                        for (int i = 0; i < d; i++) {
                            cand[i] -= p * w[i];
                        }
                        cand = normalised(cand);
                        double v = curvature.derivativeNorm(w, cand, obj.newWorkspace());
                        if (v > value) {
                            value = v;
                            delta = cand;
                        }
                    }
                }
                best = Math.max(best, value);
            }
            // climbs only bound ρ from below; the grid tests bound it from both sides
            assertThat(c.roughness()).as("trial %d: ρ against the best of 300 climbs", trial)
                    .isGreaterThanOrEqualTo(best * (1 - 1e-9));
            assertThat(c.roughnessBound()).isGreaterThanOrEqualTo(c.roughness() * (1 - 1e-12));
        }
    }

    @ParameterizedTest(name = "{0}, σ = {1}, L = {2}, d = {3}")
    @CsvSource({"relu, 0.3, 30, 40", "leaky, 0.2, 40, 30", "relu, 0.05, 60, 100"})
    void krylovStepFindsTheSameRoughnessAsTheExactStep(String act, double noise, int patterns, int d) {
        PatternMixture mixture = randomMixture(patterns, d, noise, 51 + d);
        PopulationObjective obj = new PopulationObjective(mixture, activation(act));
        CurvatureAnalysis krylov = new CurvatureAnalysis(obj, mixture, HINGE);
        CurvatureAnalysis exact = new CurvatureAnalysis(obj, mixture, HINGE, Integer.MAX_VALUE);
        SplittableRandom rng = new SplittableRandom(7);
        for (int trial = 0; trial < 3; trial++) {
            double[] w = trial == 0 ? ascend(obj, randomUnit(d, rng)) : randomUnit(d, rng);
            Curvature a = krylov.at(w, obj.newWorkspace());
            Curvature b = exact.at(w, obj.newWorkspace());
            assertThat(a.roughness()).as("trial %d", trial).isCloseTo(b.roughness(), within(1e-6 * b.roughness()));
            assertThat(a.stabilityMargin()).isEqualTo(b.stabilityMargin());
            assertThat(a.roughnessBound()).isGreaterThanOrEqualTo(a.roughness());
        }
    }

    @ParameterizedTest(name = "{0}, σ = {1}, L = {2}, d = {3}")
    @CsvSource({"relu, 0.3, 6, 8", "leaky, 0.2, 3, 5", "linear, 0.3, 4, 6", "relu, 0, 4, 6", "relu, 1.0, 3, 3"})
    void stabilityMarginIsMinusTheTopEigenvalueOfTheFiniteDifferenceRiemannianHessian(String act, double noise,
                                                                                      int patterns, int d) {
        PatternMixture mixture = randomMixture(patterns, d, noise, 41 + d);
        PopulationObjective obj = new PopulationObjective(mixture, activation(act));
        CurvatureAnalysis curvature = new CurvatureAnalysis(obj, mixture, HINGE);
        SplittableRandom rng = new SplittableRandom(4);
        for (int trial = 0; trial < 4; trial++) {
            double[] w = trial == 0 ? ascend(obj, randomUnit(d, rng)) : randomUnit(d, rng);
            // orthonormal tangent basis b_1..b_{d−1}
            double[][] basis = new double[d - 1][];
            for (int j = 0; j < d - 1; j++) {
                double[] v = tangent(w, rng);
                for (int i = 0; i < j; i++) {
                    double p = dot(v, basis[i]);
                    for (int q = 0; q < d; q++) {
                        v[q] -= p * basis[i][q];
                    }
                }
                basis[j] = normalised(v);
            }
            double h = 1e-5;
            DMatrixRMaj hess = new DMatrixRMaj(d - 1, d - 1);
            for (int j = 0; j < d - 1; j++) {
                double[] plus = riemannianGradient(obj, step(w, basis[j], h));
                double[] minus = riemannianGradient(obj, step(w, basis[j], -h));
                for (int i = 0; i < d - 1; i++) {
                    double v = 0.0;
                    for (int q = 0; q < d; q++) {
                        v += basis[i][q] * (plus[q] - minus[q]) / (2 * h);
                    }
                    hess.set(i, j, v);
                }
            }
            DMatrixRMaj sym = new DMatrixRMaj(d - 1, d - 1);
            double scale = 0.0;
            for (int i = 0; i < d - 1; i++) {
                for (int j = 0; j < d - 1; j++) {
                    sym.set(i, j, 0.5 * (hess.get(i, j) + hess.get(j, i)));
                    scale = Math.max(scale, Math.abs(hess.get(i, j)));
                }
            }
            Curvature c = curvature.at(w, obj.newWorkspace());
            assertThat(c.stabilityMargin()).as("trial %d", trial)
                    .isCloseTo(-extremeEigen(sym, false), within(1e-6 * Math.max(scale, 1e-6)));
        }
    }

    /** (I − wwᵀ)A(w)w at a unit w. */
    private static double[] riemannianGradient(PopulationObjective obj, double[] w) {
        double[] g = new double[w.length];
        obj.gradient(w, 0, obj.newWorkspace(), g, 0);
        double p = dot(g, w);
        for (int i = 0; i < w.length; i++) {
            g[i] -= p * w[i];
        }
        return g;
    }

    @Test
    void linearTopEigenvectorHasZeroRoughnessAndTheGapAsMargin() {
        PatternMixture mixture = randomMixture(5, 6, 0.2, 9);
        PopulationObjective obj = new PopulationObjective(mixture, activation("linear"));
        double[] w = ascend(obj, randomUnit(6, new SplittableRandom(1)));
        Curvature c = new CurvatureAnalysis(obj, mixture, HINGE).at(w, obj.newWorkspace());
        assertThat(c.roughness()).isZero();
        assertThat(c.contraction()).isTrue();
        assertThat(c.gapOverRoughness()).isNaN();
        assertThat(c.stabilityMargin()).isCloseTo(c.gap(), within(1e-9 * c.lambda1()));
    }

    @Test
    void reluOptimaOnSixOrthogonalPatternsHaveTheSameRoughnessInEveryDimension() {
        // the configuration of the issue: σ = 0.3, magnitudes 1 → 0.8. The random-probe estimate
        // shrank with d (0.090 at d = 8, 0.033 at d = 64); the exact ρ must not move. Independent
        // figure: about 0.146 at an optimum of this configuration
        int[] dims = {8, 16, 64};
        double[][] rho = new double[dims.length][6];
        for (int k = 0; k < dims.length; k++) {
            PatternMixture mixture = orthogonal(6, dims[k], 0.3);
            PopulationObjective obj = new PopulationObjective(mixture, activation("relu"));
            CurvatureAnalysis curvature = new CurvatureAnalysis(obj, mixture, HINGE);
            for (int l = 0; l < 6; l++) {
                double[] start = new double[dims[k]];
                start[l] = 1.0;
                start[(l + 1) % 6] = 0.05;
                double[] w = ascend(obj, normalised(start));
                Curvature c = curvature.at(w, obj.newWorkspace());
                rho[k][l] = c.roughness();
                assertThat(w[l]).as("the optimum of μ_%d", l + 1).isGreaterThan(0.98);
                assertThat(c.gap()).as("gap below 2ρ: the heuristic fails").isLessThan(2 * c.roughness());
                assertThat(c.contraction()).isFalse();
                assertThat(c.stabilityMargin()).as("yet a strict local maximum").isPositive();
                assertThat(c.roughnessBound()).isBetween(c.roughness(), 2.5 * c.roughness());
            }
        }
        for (int l = 0; l < 6; l++) {
            assertThat(rho[1][l]).isCloseTo(rho[0][l], within(1e-9 * rho[0][l]));
            assertThat(rho[2][l]).isCloseTo(rho[0][l], within(1e-9 * rho[0][l]));
            assertThat(rho[0][l]).isBetween(0.135, 0.155);
        }
        assertThat(rho[0][3]).as("μ_4's optimum").isCloseTo(0.146, offset(0.001));
    }

    @Test
    void zeroNoiseOrthogonalOptimumLiesOnTheOtherPatternsHinges() {
        PatternMixture mixture = orthogonal(4, 6, 0.0);
        PopulationObjective obj = new PopulationObjective(mixture, activation("relu"));
        double[] w = {1, 0, 0, 0, 0, 0};
        Curvature c = new CurvatureAnalysis(obj, mixture, HINGE).at(w, obj.newWorkspace());
        assertThat(c.onHinge()).isTrue();
        assertThat(c.roughness()).isNaN();
        assertThat(c.roughnessBound()).isNaN();
        assertThat(c.stabilityMargin()).isNaN();
        assertThat(c.contraction()).isFalse();
        assertThat(c.lambda1()).isPositive();
        // a whisker off every hinge: A is locally constant
        double[] off = normalised(new double[] {1, 1e-3, 1e-3, 1e-3, 0, 0});
        Curvature smooth = new CurvatureAnalysis(obj, mixture, HINGE).at(off, obj.newWorkspace());
        assertThat(smooth.onHinge()).isFalse();
        assertThat(smooth.roughness()).isZero();
    }
}
