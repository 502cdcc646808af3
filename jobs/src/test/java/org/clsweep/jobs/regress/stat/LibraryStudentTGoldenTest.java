package org.clsweep.jobs.regress.stat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.statistics.distribution.TDistribution;
import org.junit.jupiter.api.Test;

/**
 * Acceptance test of Student's t distribution of Apache Commons Statistics: the CDF and the
 * two-sided tail that {@link WelchTest} reports as its p-value.
 *
 * <pre>
 *   F(t) = P(T_ν ≤ t),   p(t) = P(|T_ν| ≥ |t|) = 2 P(T_ν ≥ |t|)
 * </pre>
 */
class LibraryStudentTGoldenTest {
    private static final double TOL_REL = 1e-11;
    private static final double TOL_EXACT = 1e-14;

    @Test
    void oneDegreeOfFreedomIsCauchy() {
        for (double t = -50; t <= 50; t += 0.7) {
            assertThat(cdf(t, 1)).isCloseTo(0.5 + Math.atan(t) / Math.PI, within(TOL_EXACT));
        }
    }

    @Test
    void twoDegreesOfFreedomHaveAClosedForm() {
        for (double t = -50; t <= 50; t += 0.7) {
            assertThat(cdf(t, 2)).isCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), within(TOL_EXACT));
        }
    }

    @Test
    void publishedQuantilesGiveTheirProbabilities() {
        // scipy.stats.t.ppf(q, df), as printed in the usual t tables
        assertThat(cdf(12.706204736174694, 1)).isCloseTo(0.975, within(TOL_EXACT));
        assertThat(cdf(2.5705818356363146, 5)).isCloseTo(0.975, within(TOL_EXACT));
        assertThat(cdf(2.228138851986274, 10)).isCloseTo(0.975, within(TOL_EXACT));
        assertThat(cdf(2.0422724563012378, 30)).isCloseTo(0.975, within(TOL_EXACT));
        assertThat(cdf(4.032142983555228, 5)).isCloseTo(0.995, within(TOL_EXACT));
        assertThat(twoSidedTail(1.8124611228116756, 10)).isCloseTo(0.10, within(TOL_EXACT));
    }

    @Test
    void matchesScipyGoldenValues() {
        int n = 0;
        for (String[] r : GoldenCsv.rows("student_t.csv")) {
            double t = Double.parseDouble(r[0]);
            double df = Double.parseDouble(r[1]);
            double cdf = Double.parseDouble(r[2]);
            double p = Double.parseDouble(r[3]);
            assertThat(cdf(t, df)).as("F(%s; %s)", t, df).isCloseTo(cdf, within(TOL_REL * cdf + 1e-300));
            assertThat(twoSidedTail(t, df)).as("p(%s; %s)", t, df).isCloseTo(p, within(TOL_REL * p + 1e-300));
            n++;
        }
        assertThat(n).isEqualTo(104);
    }

    @Test
    void tinyTailsKeepTheirRelativeAccuracy() {
        // scipy: 2 * t.sf(12, 1000) and 2 * t.sf(60, 30)
        assertThat(twoSidedTail(12, 1000)).isCloseTo(4.324057386774429e-31, within(TOL_REL * 4.324057386774429e-31));
        assertThat(twoSidedTail(60, 30)).isCloseTo(8.311309613532268e-33, within(TOL_REL * 8.311309613532268e-33));
        assertThat(twoSidedTail(Double.POSITIVE_INFINITY, 3)).isZero();
    }

    @Test
    void rejectsBadDegreesOfFreedom() {
        assertThatThrownBy(() -> cdf(1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0.0 is not greater than 0");
    }

    private static double cdf(double t, double df) {
        return TDistribution.of(df).cumulativeProbability(t);
    }

    private static double twoSidedTail(double t, double df) {
        return 2 * TDistribution.of(df).survivalProbability(Math.abs(t));
    }
}
