package org.clsweep.jobs.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.statistics.distribution.TDistribution;
import org.junit.jupiter.api.Test;

/**
 * Acceptance test of the Student t quantiles of Apache Commons Statistics, which give the 95%
 * intervals of {@link CellSummary}, against the closed forms for ν = 1, 2, 4 and the normal limit.
 */
class LibraryStudentTQuantileTest {
    static final double TOL_EXACT = 1e-12;
    static final double TOL_QUANTILE = 1e-10;

    @Test
    void nuOneIsCauchy() {
        for (double p : new double[] {0.6, 0.9, 0.975, 0.995}) {
            assertThat(quantile(p, 1)).isCloseTo(Math.tan(Math.PI * (p - 0.5)), within(TOL_QUANTILE * 100));
            assertThat(cdf(Math.tan(Math.PI * (p - 0.5)), 1)).isCloseTo(p, within(TOL_EXACT));
        }
    }

    @Test
    void nuTwoClosedForm() {
        for (double p : new double[] {0.6, 0.9, 0.975, 0.995}) {
            double exact = (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
            assertThat(quantile(p, 2)).isCloseTo(exact, within(TOL_QUANTILE));
        }
    }

    @Test
    void nuFourClosedForm() {
        for (double p : new double[] {0.6, 0.9, 0.975, 0.995}) {
            double alpha = 4 * p * (1 - p);
            double q = Math.cos(Math.acos(Math.sqrt(alpha)) / 3) / Math.sqrt(alpha);
            double exact = 2 * Math.sqrt(q - 1);
            assertThat(quantile(p, 4)).isCloseTo(exact, within(TOL_QUANTILE));
        }
    }

    @Test
    void largeNuTendsToTheNormalQuantile() {
        assertThat(quantile(0.975, 1e7)).isCloseTo(1.959963984540054, within(1e-6));
    }

    @Test
    void symmetricAndMonotoneInNu() {
        assertThat(quantile(0.025, 5)).isCloseTo(-quantile(0.975, 5), within(TOL_EXACT));
        assertThat(quantile(0.5, 3)).isZero();
        double prev = Double.POSITIVE_INFINITY;
        for (int nu = 1; nu <= 50; nu++) {
            double t = quantile(0.975, nu);
            assertThat(t).isLessThan(prev);
            assertThat(cdf(t, nu)).isCloseTo(0.975, within(TOL_EXACT));
            prev = t;
        }
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> quantile(1.5, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Not a probability: 1.5");
        assertThatThrownBy(() -> quantile(0.9, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0.0 is not greater than 0");
    }

    private static double quantile(double p, double nu) {
        return TDistribution.of(nu).inverseCumulativeProbability(p);
    }

    private static double cdf(double t, double nu) {
        return TDistribution.of(nu).cumulativeProbability(t);
    }
}
