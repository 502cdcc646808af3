package org.clsweep.dynamics.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clsweep.dynamics.testing.FiniteDifferences.STEP;
import static org.clsweep.dynamics.testing.Tolerances.TOL_EXACT;
import static org.clsweep.dynamics.testing.Tolerances.TOL_FD;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.clsweep.dynamics.activation.Activation;
import org.clsweep.dynamics.activation.ActivationFunction;
import org.clsweep.dynamics.model.OneLayerNetwork;
import org.clsweep.dynamics.testing.FiniteDifferences;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * C_α and B_k against the gradient the training code computes (InfoNceLoss through
 * OneLayerNetwork), against central finite differences of the real loss and of the α-frozen
 * energy, and their structural identities (symmetry, B_k = C_α on raw outputs, Σ_k wᵀB_k w = 0
 * under normalisation).
 */
class ContrastiveCovarianceTest {
    private static final int WIDTH = 3;
    private static final int DIM = 4;
    private static final int BATCH = 6;
    private static final double TAU = 0.5;
    /** Two exact computations of one gradient in different operation orders. */
    private static final double TOL_IDENTITY = 1e-9;

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (ActivationFunction h : activations()) {
            all.add(Arguments.of(h, true));
            all.add(Arguments.of(h, false));
        }
        return all.stream();
    }

    static Stream<ActivationFunction> homogeneous() {
        return Stream.of(activations());
    }

    private static ActivationFunction[] activations() {
        return new ActivationFunction[] {ActivationFunction.of(Activation.LINEAR), ActivationFunction.of(Activation.RELU),
            ActivationFunction.of(Activation.LEAKY_RELU, 0.2)};
    }

    /** A random network and batch; W has unit rows, as in training. */
    private record Fixture(DMatrixRMaj w, DMatrixRMaj x1, DMatrixRMaj x2) {
        static Fixture of(long seed) {
            SplittableRandom rng = new SplittableRandom(seed);
            DMatrixRMaj w = FiniteDifferences.gaussian(WIDTH, DIM, 1.0, rng);
            for (int k = 0; k < WIDTH; k++) {
                double norm = 0.0;
                for (int c = 0; c < DIM; c++) {
                    norm += w.get(k, c) * w.get(k, c);
                }
                for (int c = 0; c < DIM; c++) {
                    w.set(k, c, w.get(k, c) / Math.sqrt(norm));
                }
            }
            DMatrixRMaj x1 = FiniteDifferences.gaussian(BATCH, DIM, 1.0, rng);
            DMatrixRMaj x2 = x1.copy();
            for (int e = 0; e < x2.getNumElements(); e++) {
                x2.data[e] += 0.3 * rng.nextGaussian();
            }
            return new Fixture(w, x1, x2);
        }
    }

    private static long seed(ActivationFunction h, boolean normalize) {
        return 101 + 2L * h.kind().ordinal() + (normalize ? 1 : 0);
    }

    /** ∇_W L as the training step computes it. */
    private static DMatrixRMaj trainingGradient(ActivationFunction h, boolean normalize, Fixture f) {
        OneLayerNetwork net = new OneLayerNetwork(h, WIDTH, DIM, BATCH);
        DMatrixRMaj grad = new DMatrixRMaj(WIDTH, DIM);
        net.lossAndGradient(f.w(), f.x1(), f.x2(), new InfoNceLoss(TAU, normalize, BATCH, WIDTH), grad);
        return grad;
    }

    /** −c·A w_k as a 1×d row. */
    private static DMatrixRMaj minusScaled(double c, DMatrixRMaj a, DMatrixRMaj w, int k) {
        DMatrixRMaj row = CommonOps_DDRM.extractRow(w, k, null);
        DMatrixRMaj out = new DMatrixRMaj(1, DIM);
        CommonOps_DDRM.multTransB(-c, row, a, out);
        return out;
    }

    @ParameterizedTest(name = "{0} normalize={1}")
    @MethodSource("cases")
    void theTrainingGradientOfEveryNodeIsMinusCTimesBkW(ActivationFunction h, boolean normalize) {
        Fixture f = Fixture.of(seed(h, normalize));
        DMatrixRMaj grad = trainingGradient(h, normalize, f);
        ContrastiveCovariance cc = new ContrastiveCovariance(h, TAU, normalize, WIDTH, DIM, BATCH);
        cc.evaluate(f.w(), f.x1(), f.x2());
        DMatrixRMaj b = new DMatrixRMaj(DIM, DIM);
        for (int k = 0; k < WIDTH; k++) {
            cc.fixedPointMatrix(k, b);
            DMatrixRMaj expected = CommonOps_DDRM.extractRow(grad, k, null);
            assertThat(FiniteDifferences.relativeError(minusScaled(cc.gradientScale(), b, f.w(), k), expected))
                    .as("node %d", k).isLessThan(TOL_IDENTITY);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("homogeneous")
    void onRawOutputsTheGradientIsMinusCTimesCAlphaW(ActivationFunction h) {
        Fixture f = Fixture.of(seed(h, false));
        DMatrixRMaj grad = trainingGradient(h, false, f);
        ContrastiveCovariance cc = new ContrastiveCovariance(h, TAU, false, WIDTH, DIM, BATCH);
        cc.evaluate(f.w(), f.x1(), f.x2());
        DMatrixRMaj c = new DMatrixRMaj(DIM, DIM);
        DMatrixRMaj b = new DMatrixRMaj(DIM, DIM);
        for (int k = 0; k < WIDTH; k++) {
            cc.alphaCovariance(k, c);
            cc.fixedPointMatrix(k, b);
            DMatrixRMaj expected = CommonOps_DDRM.extractRow(grad, k, null);
            assertThat(FiniteDifferences.relativeError(minusScaled(cc.gradientScale(), c, f.w(), k), expected))
                    .isLessThan(TOL_IDENTITY);
            assertThat(b.data).containsExactly(c.data);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("homogeneous")
    void withNormalisedOutputsCAlphaIsNotTheGradient(ActivationFunction h) {
        Fixture f = Fixture.of(seed(h, true));
        DMatrixRMaj grad = trainingGradient(h, true, f);
        ContrastiveCovariance cc = new ContrastiveCovariance(h, TAU, true, WIDTH, DIM, BATCH);
        cc.evaluate(f.w(), f.x1(), f.x2());
        DMatrixRMaj c = new DMatrixRMaj(DIM, DIM);
        cc.alphaCovariance(0, c);
        DMatrixRMaj expected = CommonOps_DDRM.extractRow(grad, 0, null);
        // no rescaling of C_α w reproduces the gradient's direction either
        DMatrixRMaj cw = minusScaled(1.0, c, f.w(), 0);
        double cos = CommonOps_DDRM.dot(cw, expected) / (NormOps_DDRM.normF(cw) * NormOps_DDRM.normF(expected));
        assertThat(Math.abs(cos)).isLessThan(0.9);
    }

    @ParameterizedTest(name = "{0} normalize={1}")
    @MethodSource("cases")
    void centralDifferencesOfTheRealLossMatchMinusCTimesBkW(ActivationFunction h, boolean normalize) {
        Fixture f = Fixture.of(seed(h, normalize) + 50);
        OneLayerNetwork net = new OneLayerNetwork(h, WIDTH, DIM, BATCH);
        InfoNceLoss loss = new InfoNceLoss(TAU, normalize, BATCH, WIDTH);
        DMatrixRMaj scratch = new DMatrixRMaj(WIDTH, DIM);
        DMatrixRMaj fd = FiniteDifferences.gradient(v -> net.lossAndGradient(v, f.x1(), f.x2(), loss, scratch), f.w(),
                STEP);
        ContrastiveCovariance cc = new ContrastiveCovariance(h, TAU, normalize, WIDTH, DIM, BATCH);
        cc.evaluate(f.w(), f.x1(), f.x2());
        DMatrixRMaj b = new DMatrixRMaj(DIM, DIM);
        for (int k = 0; k < WIDTH; k++) {
            cc.fixedPointMatrix(k, b);
            assertThat(FiniteDifferences.relativeError(CommonOps_DDRM.extractRow(fd, k, null),
                    minusScaled(cc.gradientScale(), b, f.w(), k))).as("node %d", k).isLessThan(TOL_FD);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("homogeneous")
    void theAlphaFrozenEnergyHasTheGradientTwoCAlphaW(ActivationFunction h) {
        Fixture f = Fixture.of(seed(h, false) + 80);
        ContrastiveCovariance cc = new ContrastiveCovariance(h, TAU, false, WIDTH, DIM, BATCH);
        cc.evaluate(f.w(), f.x1(), f.x2());
        DMatrixRMaj alpha = new DMatrixRMaj(BATCH, BATCH);
        cc.alpha(alpha);
        // E_α(W) = Σ_i Σ_{j≠i} α_ij (S_ii − S_ij) on raw outputs, α frozen at the evaluation point
        DMatrixRMaj fd = FiniteDifferences.gradient(v -> frozenEnergy(h, alpha, v, f.x1(), f.x2()), f.w(), STEP);
        DMatrixRMaj c = new DMatrixRMaj(DIM, DIM);
        for (int k = 0; k < WIDTH; k++) {
            cc.alphaCovariance(k, c);
            assertThat(FiniteDifferences.relativeError(CommonOps_DDRM.extractRow(fd, k, null),
                    minusScaled(-2.0, c, f.w(), k))).isLessThan(TOL_FD);
        }
    }

    private static double frozenEnergy(ActivationFunction h, DMatrixRMaj alpha, DMatrixRMaj w, DMatrixRMaj x1,
                                       DMatrixRMaj x2) {
        DMatrixRMaj z1 = outputs(h, w, x1);
        DMatrixRMaj z2 = outputs(h, w, x2);
        double e = 0.0;
        for (int i = 0; i < BATCH; i++) {
            for (int j = 0; j < BATCH; j++) {
                if (j != i) {
                    e += alpha.get(i, j) * (dot(z1, i, z2, i) - dot(z1, i, z1, j));
                }
            }
        }
        return e;
    }

    private static DMatrixRMaj outputs(ActivationFunction h, DMatrixRMaj w, DMatrixRMaj x) {
        DMatrixRMaj z = new DMatrixRMaj(BATCH, WIDTH);
        CommonOps_DDRM.multTransB(x, w, z);
        for (int e = 0; e < z.getNumElements(); e++) {
            z.data[e] = h.value(z.data[e]);
        }
        return z;
    }

    private static double dot(DMatrixRMaj a, int i, DMatrixRMaj b, int j) {
        double s = 0.0;
        for (int k = 0; k < a.numCols; k++) {
            s += a.get(i, k) * b.get(j, k);
        }
        return s;
    }

    @ParameterizedTest(name = "{0} normalize={1}")
    @MethodSource("cases")
    void bothMatricesAreSymmetric(ActivationFunction h, boolean normalize) {
        Fixture f = Fixture.of(seed(h, normalize));
        ContrastiveCovariance cc = new ContrastiveCovariance(h, TAU, normalize, WIDTH, DIM, BATCH);
        cc.evaluate(f.w(), f.x1(), f.x2());
        DMatrixRMaj a = new DMatrixRMaj(DIM, DIM);
        for (int k = 0; k < WIDTH; k++) {
            for (boolean fixedPoint : new boolean[] {false, true}) {
                if (fixedPoint) {
                    cc.fixedPointMatrix(k, a);
                } else {
                    cc.alphaCovariance(k, a);
                }
                double scale = CommonOps_DDRM.elementMaxAbs(a);
                for (int r = 0; r < DIM; r++) {
                    for (int c = 0; c < r; c++) {
                        assertThat(a.get(r, c)).isCloseTo(a.get(c, r), Offset.offset(TOL_EXACT * scale));
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("homogeneous")
    void underNormalisationTheRayleighQuotientsOfTheNodesSumToZero(ActivationFunction h) {
        // L(tW) = L(W) for t > 0, so Σ_k w_k·∇_{w_k}L = 0 (Euler), i.e. Σ_k w_kᵀB_k w_k = 0.
        Fixture f = Fixture.of(seed(h, true) + 7);
        ContrastiveCovariance cc = new ContrastiveCovariance(h, TAU, true, WIDTH, DIM, BATCH);
        cc.evaluate(f.w(), f.x1(), f.x2());
        DMatrixRMaj b = new DMatrixRMaj(DIM, DIM);
        double sum = 0.0;
        double scale = 0.0;
        for (int k = 0; k < WIDTH; k++) {
            cc.fixedPointMatrix(k, b);
            double q = FixedPointCheck.of(b, f.w(), k).rayleigh();
            sum += q;
            scale += Math.abs(q);
        }
        assertThat(scale).isGreaterThan(1e-3);
        assertThat(sum).isCloseTo(0.0, Offset.offset(TOL_EXACT * scale));
    }

    @Test
    void alphaIsTheSoftmaxInfoNceLossTrainsWith() {
        ActivationFunction relu = ActivationFunction.of(Activation.RELU);
        Fixture f = Fixture.of(3);
        ContrastiveCovariance cc = new ContrastiveCovariance(relu, TAU, true, WIDTH, DIM, BATCH);
        cc.evaluate(f.w(), f.x1(), f.x2());
        DMatrixRMaj alpha = new DMatrixRMaj(BATCH, BATCH);
        cc.alpha(alpha);
        InfoNceLoss loss = new InfoNceLoss(TAU, true, BATCH, WIDTH);
        new OneLayerNetwork(relu, WIDTH, DIM, BATCH).lossAndGradient(f.w(), f.x1(), f.x2(), loss,
                new DMatrixRMaj(WIDTH, DIM));
        double sum = 0.0;
        for (int i = 0; i < BATCH; i++) {
            assertThat(alpha.get(i, i)).isZero();
            for (int j = 0; j < BATCH; j++) {
                sum += alpha.get(i, j);
            }
        }
        assertThat(sum / (BATCH * (BATCH - 1))).isEqualTo(loss.alphaMean());
        assertThat(CommonOps_DDRM.elementMax(alpha)).isEqualTo(loss.alphaMax());
    }

    @Test
    void nonHomogeneousActivationsHaveNoSuchMatrix() {
        assertThatThrownBy(() -> new ContrastiveCovariance(ActivationFunction.of(Activation.SIGMOID), TAU, true, WIDTH,
                DIM, BATCH)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sigmoid");
    }
}
