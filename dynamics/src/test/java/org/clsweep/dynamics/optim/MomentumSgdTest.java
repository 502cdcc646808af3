package org.clsweep.dynamics.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.clsweep.dynamics.testing.Tolerances.TOL_EXACT;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The update rule, step by step against hand-computed values, and its fixed point on a quadratic. */
class MomentumSgdTest {
    @Test
    void firstStepsFollowThePyTorchConvention() {
        double lr = 0.1;
        double mu = 0.9;
        double wd = 0.01;
        MomentumSgd sgd = new MomentumSgd(lr, mu, wd, 1, 2);
        DMatrixRMaj theta = new DMatrixRMaj(1, 2, true, 1.0, -2.0);
        DMatrixRMaj grad = new DMatrixRMaj(1, 2, true, 0.5, 0.25);

        sgd.step(theta, grad);
        // g = 0.5 + 0.01·1 = 0.51; v = 0.51; θ = 1 − 0.051
        double g0 = 0.5 + wd * 1.0;
        double v0 = g0;
        double t0 = 1.0 - lr * v0;
        assertThat(sgd.velocity(0, 0)).isCloseTo(v0, within(TOL_EXACT));
        assertThat(theta.get(0, 0)).isCloseTo(t0, within(TOL_EXACT));
        double g1v = 0.25 + wd * -2.0;
        assertThat(theta.get(0, 1)).isCloseTo(-2.0 - lr * g1v, within(TOL_EXACT));

        sgd.step(theta, grad);
        double v1 = mu * v0 + (0.5 + wd * t0);
        assertThat(sgd.velocity(0, 0)).isCloseTo(v1, within(TOL_EXACT));
        assertThat(theta.get(0, 0)).isCloseTo(t0 - lr * v1, within(TOL_EXACT));
        // the gradient is an input only
        assertThat(grad.get(0, 0)).isEqualTo(0.5);
    }

    @Test
    void withoutMomentumAndDecayItIsPlainGradientDescent() {
        MomentumSgd sgd = new MomentumSgd(0.5, 0.0, 0.0, 2, 1);
        DMatrixRMaj theta = new DMatrixRMaj(2, 1, true, 3.0, 4.0);
        sgd.step(theta, new DMatrixRMaj(2, 1, true, 1.0, -2.0));
        assertThat(theta.get(0, 0)).isEqualTo(2.5);
        assertThat(theta.get(1, 0)).isEqualTo(5.0);
    }

    @Test
    void convergesToTheDecayedMinimumOfAQuadratic() {
        // f(θ) = ½ c (θ − a)², plus coupled decay: the fixed point solves c(θ − a) + wd·θ = 0.
        double c = 2.0;
        double a = 3.0;
        double wd = 0.5;
        MomentumSgd sgd = new MomentumSgd(0.05, 0.9, wd, 1, 1);
        DMatrixRMaj theta = new DMatrixRMaj(1, 1, true, -1.0);
        DMatrixRMaj grad = new DMatrixRMaj(1, 1);
        for (int t = 0; t < 2000; t++) {
            grad.data[0] = c * (theta.data[0] - a);
            sgd.step(theta, grad);
        }
        assertThat(theta.get(0, 0)).isCloseTo(c * a / (c + wd), within(1e-10));
    }

    @Test
    void rejectsBadSettingsNamingTheKey() {
        assertThatThrownBy(() -> new MomentumSgd(0.0, 0.9, 0.0, 1, 1)).hasMessageContaining("lr must");
        assertThatThrownBy(() -> new MomentumSgd(0.1, 1.0, 0.0, 1, 1)).hasMessageContaining("momentum must");
        assertThatThrownBy(() -> new MomentumSgd(0.1, 0.9, -1.0, 1, 1)).hasMessageContaining("weightDecay must");
        MomentumSgd sgd = new MomentumSgd(0.1, 0.9, 0.0, 2, 2);
        assertThatThrownBy(() -> sgd.step(new DMatrixRMaj(2, 3), new DMatrixRMaj(2, 2)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
