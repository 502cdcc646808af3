package org.clsweep.dynamics.model;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.clsweep.dynamics.objective.ContrastiveLoss;
import org.clsweep.dynamics.objective.ContrastiveLosses;
import org.clsweep.dynamics.objective.LossType;
import org.clsweep.dynamics.testing.FiniteDifferences;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The whole one-layer chain W → h(XWᵀ) → loss against central finite differences. */
class OneLayerNetworkTest {
    private static final int WIDTH = 4;
    private static final int DIM = 3;
    private static final int BATCH = 6;

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        ActivationFunction[] acts = {
            ActivationFunction.of(Activation.LINEAR), ActivationFunction.of(Activation.RELU),
            ActivationFunction.of(Activation.LEAKY_RELU, 0.2), ActivationFunction.of(Activation.SIGMOID),
            ActivationFunction.of(Activation.QUADRATIC)};
        for (ActivationFunction h : acts) {
            for (LossType type : LossType.values()) {
                all.add(Arguments.of(h, type, true));
                all.add(Arguments.of(h, type, false));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} normalize={2}")
    @MethodSource("cases")
    void gradientOfTheChainMatchesCentralDifferences(ActivationFunction h, LossType type, boolean normalize) {
        SplittableRandom rng = new SplittableRandom(41 + h.kind().ordinal() * 4 + type.ordinal() * 2 + (normalize ? 1 : 0));
        DMatrixRMaj w = FiniteDifferences.gaussian(WIDTH, DIM, 1.0, rng);
        DMatrixRMaj x1 = FiniteDifferences.gaussian(BATCH, DIM, 1.0, rng);
        DMatrixRMaj x2 = FiniteDifferences.gaussian(BATCH, DIM, 1.0, rng);
        OneLayerNetwork net = new OneLayerNetwork(h, WIDTH, DIM, BATCH);
        ContrastiveLoss loss = ContrastiveLosses.create(type, 0.5, normalize, BATCH, WIDTH);
        DMatrixRMaj grad = new DMatrixRMaj(WIDTH, DIM);
        net.lossAndGradient(w, x1, x2, loss, grad);

        DMatrixRMaj scratch = new DMatrixRMaj(WIDTH, DIM);
        DMatrixRMaj fd = FiniteDifferences.gradient(v -> net.lossAndGradient(v, x1, x2, loss, scratch), w, STEP);
        assertThat(FiniteDifferences.relativeError(fd, grad)).isLessThan(TOL_FD);
    }

    @Test
    void forwardIsTheActivationOfTheProjections() {
        ActivationFunction relu = ActivationFunction.of(Activation.RELU);
        OneLayerNetwork net = new OneLayerNetwork(relu, 2, 2, 1);
        DMatrixRMaj w = new DMatrixRMaj(2, 2, true, 1.0, 0.0, -1.0, 2.0);
        DMatrixRMaj x = new DMatrixRMaj(1, 2, true, 3.0, 1.0);
        DMatrixRMaj pre = new DMatrixRMaj(1, 2);
        DMatrixRMaj out = new DMatrixRMaj(1, 2);
        net.forward(w, x, pre, out);
        assertThat(pre.get(0, 0)).isCloseTo(3.0, Offset.offset(TOL_EXACT));
        assertThat(pre.get(0, 1)).isCloseTo(-1.0, Offset.offset(TOL_EXACT));
        assertThat(out.get(0, 0)).isCloseTo(3.0, Offset.offset(TOL_EXACT));
        assertThat(out.get(0, 1)).isEqualTo(0.0);
    }
}
