package org.clsweep.jobs.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Student t quantiles against the closed forms for ν = 1, 2, 4 and the normal limit. */
class StudentTTest {
    static final double TOL_EXACT = 1e-12;
    static final double TOL_QUANTILE = 1e-10;

    @Test
    void nuOneIsCauchy() {
        for (double p : new double[] {0.6, 0.9, 0.975, 0.995}) {
            assertThat(StudentT.quantile(p, 1)).isCloseTo(Math.tan(Math.PI * (p - 0.5)), within(TOL_QUANTILE * 100));
            assertThat(StudentT.cdf(Math.tan(Math.PI * (p - 0.5)), 1)).isCloseTo(p, within(TOL_EXACT));
        }
    }

    @Test
    void nuTwoClosedForm() {
        for (double p : new double[] {0.6, 0.9, 0.975, 0.995}) {
            double exact = (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
            assertThat(StudentT.quantile(p, 2)).isCloseTo(exact, within(TOL_QUANTILE));
        }
    }

    @Test
    void nuFourClosedForm() {
        for (double p : new double[] {0.6, 0.9, 0.975, 0.995}) {
            double alpha = 4 * p * (1 - p);
            double q = Math.cos(Math.acos(Math.sqrt(alpha)) / 3) / Math.sqrt(alpha);
            double exact = 2 * Math.sqrt(q - 1);
            assertThat(StudentT.quantile(p, 4)).isCloseTo(exact, within(TOL_QUANTILE));
        }
    }

    @Test
    void largeNuTendsToTheNormalQuantile() {
        assertThat(StudentT.quantile(0.975, 1e7)).isCloseTo(1.959963984540054, within(1e-6));
    }

    @Test
    void symmetricAndMonotoneInNu() {
        assertThat(StudentT.quantile(0.025, 5)).isCloseTo(-StudentT.quantile(0.975, 5), within(TOL_EXACT));
        assertThat(StudentT.quantile(0.5, 3)).isZero();
        double prev = Double.POSITIVE_INFINITY;
        for (int nu = 1; nu <= 50; nu++) {
            double t = StudentT.quantile(0.975, nu);
            assertThat(t).isLessThan(prev);
            assertThat(StudentT.cdf(t, nu)).isCloseTo(0.975, within(TOL_EXACT));
            prev = t;
        }
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> StudentT.quantile(1.0, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("p must be in (0, 1)");
        assertThatThrownBy(() -> StudentT.quantile(0.9, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("degrees of freedom");
    }
}
