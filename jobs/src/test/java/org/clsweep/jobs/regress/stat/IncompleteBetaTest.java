package org.clsweep.jobs.regress.stat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class IncompleteBetaTest {
    private static final double TOL_REL = 1e-12;
    private static final double TOL_EXACT = 1e-14;
    private static final double[] XS = {1e-9, 1e-3, 0.1, 0.37, 0.5, 0.63, 0.9, 0.999, 1 - 1e-9};

    @Test
    void matchesClosedForms() {
        for (double x : XS) {
            assertThat(IncompleteBeta.regularized(x, 1, 1)).isCloseTo(x, within(TOL_EXACT));
            assertThat(IncompleteBeta.regularized(x, 3.5, 1)).isCloseTo(Math.pow(x, 3.5), within(TOL_EXACT));
            assertThat(IncompleteBeta.regularized(x, 1, 4.5)).isCloseTo(1 - Math.pow(1 - x, 4.5), within(TOL_EXACT));
            assertThat(IncompleteBeta.regularized(x, 0.5, 0.5))
                    .isCloseTo(2 / Math.PI * Math.atan2(Math.sqrt(x), Math.sqrt(1 - x)), within(TOL_EXACT));
        }
    }

    @Test
    void isSymmetric() {
        for (double x : XS) {
            double left = IncompleteBeta.regularized(x, 2.5, 7.0);
            double right = IncompleteBeta.regularized(1 - x, 7.0, 2.5);
            assertThat(left + right).isCloseTo(1.0, within(TOL_EXACT));
        }
    }

    @Test
    void matchesScipyGoldenValues() {
        int n = 0;
        for (String[] r : GoldenCsv.rows("incomplete_beta.csv")) {
            double x = Double.parseDouble(r[0]);
            double a = Double.parseDouble(r[1]);
            double b = Double.parseDouble(r[2]);
            double expected = Double.parseDouble(r[3]);
            double actual = IncompleteBeta.regularized(x, a, b);
            assertThat(actual).as("I_%s(%s, %s)", x, a, b)
                    .isCloseTo(expected, within(TOL_REL * Math.max(expected, 1e-300) + 1e-300));
            n++;
        }
        assertThat(n).isEqualTo(168);
    }

    @Test
    void endpoints() {
        assertThat(IncompleteBeta.regularized(0.0, 2, 3)).isEqualTo(0.0);
        assertThat(IncompleteBeta.regularized(1.0, 2, 3)).isEqualTo(1.0);
    }

    @Test
    void rejectsArgumentsOutsideTheDomain() {
        assertThatThrownBy(() -> IncompleteBeta.regularized(1.5, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x in [0, 1], found 1.5");
        assertThatThrownBy(() -> IncompleteBeta.regularized(0.5, -1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("found a = -1.0, b = 1.0");
    }
}
