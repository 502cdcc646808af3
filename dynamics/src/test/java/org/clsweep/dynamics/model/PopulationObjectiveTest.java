package org.clsweep.dynamics.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.clsweep.dynamics.testing.Tolerances.TOL_EXACT;
import static org.clsweep.dynamics.testing.Tolerances.TOL_FD;
import static org.clsweep.dynamics.testing.Vectors.unit;

import java.util.SplittableRandom;
import org.clsweep.dynamics.activation.Activation;
import org.clsweep.dynamics.activation.ActivationFunction;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PopulationObjectiveTest {
    /** Monte-Carlo agreement: this many standard errors (deterministic seed, so never flaky). */
    private static final double MC_SIGMAS = 5.0;
    private static final int MC_SAMPLES = 200_000;
    /** Rounding of a 200 000-term running sum (the σ = 0 cases average a constant). */
    private static final double TOL_SUM = 1e-9;

    private static final double[][] PATTERNS = {
        {1.0, 0.2, -0.3, 0.0},
        {-0.4, 0.9, 0.1, 0.5},
        {0.3, -0.2, 0.8, -0.6},
    };
    private static final double[] PROBS = {0.5, 0.3, 0.2};

    static java.util.stream.Stream<Arguments> cases() {
        return java.util.stream.Stream.of(
                Arguments.of(ActivationFunction.of(Activation.LINEAR), 0.4),
                Arguments.of(ActivationFunction.of(Activation.RELU), 0.4),
                Arguments.of(ActivationFunction.of(Activation.RELU), 0.0),
                Arguments.of(ActivationFunction.of(Activation.LEAKY_RELU, 0.2), 0.4),
                Arguments.of(ActivationFunction.of(Activation.LEAKY_RELU, 0.2), 0.0));
    }


    /**
     * A direction with wᵀμ_l of both signs, away from the σ = 0 hinges; wᵀμ_2 ≈ 0.18 makes the
     * σ·φ(a)·w term of the ReLU form ≈ 0.1, twenty times the Monte-Carlo tolerance.
     */
    private static final double[] W = unit(0.7, 0.4, -0.5, 0.3);

    @ParameterizedTest(name = "{0}, σ = {1}")
    @MethodSource("cases")
    void gatedMeansAndMeanOutputsMatchMonteCarlo(ActivationFunction h, double sigma) {
        PatternMixture mix = new PatternMixture(PATTERNS, PROBS, sigma);
        PopulationObjective obj = new PopulationObjective(mix, h);
        PopulationObjective.Workspace ws = obj.newWorkspace();
        DMatrixRMaj g = new DMatrixRMaj(3, 4);
        obj.gatedMeans(W, 0, ws, g);
        obj.energy(W, 0, ws);

        SplittableRandom rng = new SplittableRandom(11);
        double[] x = new double[4];
        for (int l = 0; l < 3; l++) {
            double[] sum = new double[4];
            double[] sumSq = new double[4];
            double out = 0.0;
            double outSq = 0.0;
            for (int s = 0; s < MC_SAMPLES; s++) {
                double z = 0.0;
                for (int i = 0; i < 4; i++) {
                    x[i] = PATTERNS[l][i] + sigma * rng.nextGaussian();
                    z += W[i] * x[i];
                }
                double gate = h.derivative(z);
                for (int i = 0; i < 4; i++) {
                    sum[i] += gate * x[i];
                    sumSq[i] += gate * x[i] * gate * x[i];
                }
                out += h.value(z);
                outSq += h.value(z) * h.value(z);
            }
            for (int i = 0; i < 4; i++) {
                double mean = sum[i] / MC_SAMPLES;
                double se = Math.sqrt(Math.max(sumSq[i] / MC_SAMPLES - mean * mean, 0.0) / MC_SAMPLES);
                assertThat(g.get(l, i)).as("g_%d[%d]", l, i).isCloseTo(mean, offset(MC_SIGMAS * se + TOL_SUM));
            }
            double meanOut = out / MC_SAMPLES;
            double seOut = Math.sqrt(Math.max(outSq / MC_SAMPLES - meanOut * meanOut, 0.0) / MC_SAMPLES);
            assertThat(ws.meanOutput(l)).as("m_%d", l).isCloseTo(meanOut, offset(MC_SIGMAS * seOut + TOL_SUM));
        }
    }

    @ParameterizedTest(name = "{0}, σ = {1}")
    @MethodSource("cases")
    void gradientIsTheFiniteDifferenceOfTheEnergyOnAndOffTheSphere(ActivationFunction h, double sigma) {
        PopulationObjective obj = new PopulationObjective(new PatternMixture(PATTERNS, PROBS, sigma), h);
        PopulationObjective.Workspace ws = obj.newWorkspace();
        for (double scale : new double[] {1.0, 1.7}) {
            double[] w = W.clone();
            for (int i = 0; i < 4; i++) {
                w[i] *= scale;
            }
            double[] grad = new double[4];
            obj.gradient(w, 0, ws, grad, 0);
            double[] fd = new double[4];
            double step = 1e-6;
            for (int i = 0; i < 4; i++) {
                double[] wp = w.clone();
                double[] wm = w.clone();
                wp[i] += step;
                wm[i] -= step;
                fd[i] = (obj.energy(wp, 0, ws) - obj.energy(wm, 0, ws)) / (2 * step);
            }
            assertThat(relativeError(grad, fd)).as("‖A(w)w − ∇_FD E‖/‖∇_FD E‖ at ‖w‖ = %s", scale).isLessThan(TOL_FD);
        }
    }

    @ParameterizedTest(name = "{0}, σ = {1}")
    @MethodSource("cases")
    void fastGradientEqualsTheMatrixTimesW(ActivationFunction h, double sigma) {
        PopulationObjective obj = new PopulationObjective(new PatternMixture(PATTERNS, PROBS, sigma), h);
        PopulationObjective.Workspace ws = obj.newWorkspace();
        DMatrixRMaj a = new DMatrixRMaj(4, 4);
        obj.matrix(W, 0, ws, a);
        double[] aw = new double[4];
        CommonOps_DDRM.mult(a, new DMatrixRMaj(4, 1, true, W), DMatrixRMaj.wrap(4, 1, aw));
        double[] grad = new double[6];
        double e = obj.gradient(new double[] {9, 9, W[0], W[1], W[2], W[3]}, 2, ws, grad, 1);
        for (int i = 0; i < 4; i++) {
            assertThat(grad[1 + i]).isCloseTo(aw[i], offset(TOL_EXACT));
        }
        assertThat(grad[0]).isZero();
        assertThat(grad[5]).isZero();
        double wAw = 0.0;
        for (int i = 0; i < 4; i++) {
            wAw += W[i] * aw[i];
        }
        assertThat(e).isCloseTo(0.5 * wAw, offset(TOL_EXACT));
    }

    @ParameterizedTest(name = "{0}, σ = {1}")
    @MethodSource("cases")
    void batchedGradientsEqualTheSingleRowOnes(ActivationFunction h, double sigma) {
        PopulationObjective obj = new PopulationObjective(new PatternMixture(PATTERNS, PROBS, sigma), h);
        SplittableRandom rng = new SplittableRandom(21);
        DMatrixRMaj w = new DMatrixRMaj(5, 4);
        for (int i = 0; i < w.data.length; i++) {
            w.data[i] = rng.nextGaussian();
        }
        PopulationObjective.Workspace ws = obj.newWorkspace(8);
        DMatrixRMaj grads = new DMatrixRMaj(5, 4);
        double[] energies = new double[5];
        obj.gradients(w, ws, grads, energies);
        double[] one = new double[4];
        for (int i = 0; i < 5; i++) {
            double e = obj.gradient(w.data, i * 4, obj.newWorkspace(), one, 0);
            assertThat(energies[i]).isCloseTo(e, offset(TOL_EXACT));
            for (int j = 0; j < 4; j++) {
                assertThat(grads.get(i, j)).as("row %d, %d", i, j).isCloseTo(one[j], offset(TOL_EXACT));
            }
        }
        assertThatThrownBy(() -> obj.gradients(new DMatrixRMaj(9, 4), ws, new DMatrixRMaj(9, 4), new double[9]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("8 rows");
    }

    @ParameterizedTest(name = "{0}, σ = {1}")
    @MethodSource("cases")
    void matrixIsSymmetricPositiveSemiDefiniteAndScaleInvariant(ActivationFunction h, double sigma) {
        PopulationObjective obj = new PopulationObjective(new PatternMixture(PATTERNS, PROBS, sigma), h);
        PopulationObjective.Workspace ws = obj.newWorkspace();
        DMatrixRMaj a = new DMatrixRMaj(4, 4);
        DMatrixRMaj a3 = new DMatrixRMaj(4, 4);
        obj.matrix(W, 0, ws, a);
        double[] w3 = W.clone();
        for (int i = 0; i < 4; i++) {
            w3[i] *= 3.0;
        }
        obj.matrix(w3, 0, ws, a3);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                assertThat(a.get(i, j)).isCloseTo(a.get(j, i), offset(TOL_EXACT));
                assertThat(a3.get(i, j)).isCloseTo(a.get(i, j), offset(TOL_EXACT));
            }
        }
        SplittableRandom rng = new SplittableRandom(3);
        DMatrixRMaj v = new DMatrixRMaj(4, 1);
        for (int k = 0; k < 50; k++) {
            for (int i = 0; i < 4; i++) {
                v.data[i] = rng.nextGaussian();
            }
            DMatrixRMaj av = new DMatrixRMaj(4, 1);
            CommonOps_DDRM.mult(a, v, av);
            assertThat(CommonOps_DDRM.dot(v, av)).isGreaterThanOrEqualTo(-TOL_EXACT);
        }
    }

    @Test
    void linearMatrixIsThePatternCovarianceWhateverTheNoise() {
        PopulationObjective obj = new PopulationObjective(new PatternMixture(PATTERNS, PROBS, 0.7),
                ActivationFunction.of(Activation.LINEAR));
        DMatrixRMaj a = new DMatrixRMaj(4, 4);
        obj.matrix(W, 0, obj.newWorkspace(), a);
        double[] mean = new double[4];
        for (int l = 0; l < 3; l++) {
            for (int i = 0; i < 4; i++) {
                mean[i] += PROBS[l] * PATTERNS[l][i];
            }
        }
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                double cov = -mean[i] * mean[j];
                for (int l = 0; l < 3; l++) {
                    cov += PROBS[l] * PATTERNS[l][i] * PATTERNS[l][j];
                }
                assertThat(a.get(i, j)).isCloseTo(cov, offset(TOL_EXACT));
            }
        }
    }

    @Test
    void leakyReluWithSlopeOneIsLinearAndSlopeZeroIsRelu() {
        PatternMixture mix = new PatternMixture(PATTERNS, PROBS, 0.4);
        double[][] g = new double[4][];
        ActivationFunction[] fs = {ActivationFunction.of(Activation.LEAKY_RELU, 1.0),
            ActivationFunction.of(Activation.LINEAR), ActivationFunction.of(Activation.LEAKY_RELU, 0.0),
            ActivationFunction.of(Activation.RELU)};
        for (int k = 0; k < 4; k++) {
            PopulationObjective obj = new PopulationObjective(mix, fs[k]);
            g[k] = new double[4];
            obj.gradient(W, 0, obj.newWorkspace(), g[k], 0);
        }
        for (int i = 0; i < 4; i++) {
            assertThat(g[0][i]).isCloseTo(g[1][i], offset(TOL_EXACT));
            assertThat(g[2][i]).isCloseTo(g[3][i], offset(TOL_EXACT));
        }
    }

    @Test
    void nonHomogeneousActivationsAreRejected() {
        PatternMixture mix = new PatternMixture(PATTERNS, PROBS, 0.4);
        assertThatThrownBy(() -> new PopulationObjective(mix, ActivationFunction.of(Activation.SIGMOID)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sigmoid");
    }

    @Test
    void matrixRejectsAWronglyShapedOutput() {
        PopulationObjective obj = new PopulationObjective(new PatternMixture(PATTERNS, PROBS, 0.4),
                ActivationFunction.of(Activation.RELU));
        assertThatThrownBy(() -> obj.matrix(W, 0, obj.newWorkspace(), new DMatrixRMaj(3, 4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("aOut").hasMessageContaining("3×4");
    }

    private static double relativeError(double[] a, double[] b) {
        double diff = 0.0;
        double norm = 0.0;
        for (int i = 0; i < a.length; i++) {
            diff += (a[i] - b[i]) * (a[i] - b[i]);
            norm += b[i] * b[i];
        }
        return Math.sqrt(diff / norm);
    }
}
