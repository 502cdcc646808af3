package org.clsweep.dynamics.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clsweep.dynamics.testing.Tolerances.TOL_EXACT;
import static org.clsweep.dynamics.testing.Tolerances.TOL_FD;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ActivationFunctionTest {
    private static final double[] POINTS = {-2.5, -0.7, -1e-3, 1e-3, 0.3, 1.9};

    @Test
    void homogeneousKindsSatisfyValueEqualsDerivativeTimesInput() {
        ActivationFunction[] fs = {
            ActivationFunction.of(Activation.LINEAR),
            ActivationFunction.of(Activation.RELU),
            ActivationFunction.of(Activation.LEAKY_RELU, 0.1),
        };
        for (ActivationFunction f : fs) {
            assertThat(f.isHomogeneous()).isTrue();
            for (double x : POINTS) {
                assertThat(f.value(x)).as("%s at %s", f, x).isCloseTo(f.derivative(x) * x, org.assertj.core.data.Offset.offset(TOL_EXACT));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void derivativeMatchesCentralDifferencesAwayFromTheHinge(Activation kind) {
        ActivationFunction f = kind == Activation.LEAKY_RELU ? ActivationFunction.of(kind, 0.2) : ActivationFunction.of(kind);
        double h = 1e-6;
        for (double x : POINTS) {
            double fd = (f.value(x + h) - f.value(x - h)) / (2 * h);
            assertThat(f.derivative(x)).as("%s at %s", f, x).isCloseTo(fd, org.assertj.core.data.Offset.offset(TOL_FD));
        }
    }

    @Test
    void reluFamilyTakesTheLeftDerivativeAtZero() {
        assertThat(ActivationFunction.of(Activation.RELU).derivative(0.0)).isEqualTo(0.0);
        assertThat(ActivationFunction.of(Activation.LEAKY_RELU, 0.3).derivative(0.0)).isEqualTo(0.3);
        assertThat(ActivationFunction.of(Activation.LINEAR).negativeSlope()).isEqualTo(1.0);
    }

    @Test
    void leakySlopeOutsideUnitIntervalIsRejectedWithTheKey() {
        assertThatThrownBy(() -> ActivationFunction.of(Activation.LEAKY_RELU, 1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("slope must be").hasMessageContaining("1.5");
    }

    @Test
    void specNamesRoundTripAndUnknownNamesListTheChoices() {
        for (Activation a : Activation.values()) {
            assertThat(Activation.fromSpecName(a.specName())).isEqualTo(a);
        }
        assertThatThrownBy(() -> Activation.fromSpecName("tanh"))
                .hasMessageContaining("tanh").hasMessageContaining("leaky_relu");
    }
}
