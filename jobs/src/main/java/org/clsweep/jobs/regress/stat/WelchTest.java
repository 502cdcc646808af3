package org.clsweep.jobs.regress.stat;

import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.DataDispersion;
import org.apache.commons.statistics.inference.TTest;

/**
 * Welch's two-sample t-test for a difference of means without assuming equal variances, with
 * the Welch–Satterthwaite degrees of freedom and a two-sided p-value, by the heteroscedastic
 * {@link TTest} of Apache Commons Statistics.
 *
 * <pre>
 *   v_i = s_i² / n_i,   t = (m_b − m_a) / √(v_a + v_b)
 *   ν   = (v_a + v_b)² / ( v_a² / (n_a − 1) + v_b² / (n_b − 1) )
 *   p   = P(|T_ν| ≥ |t|) = 2 P(T_ν ≥ |t|)
 * </pre>
 *
 * Defined for n_a, n_b ≥ 2 and v_a + v_b &gt; 0; the caller decides what to do otherwise (constant
 * samples, single values).
 */
public final class WelchTest {
    private static final TTest WELCH = TTest.withDefaults()
            .with(DataDispersion.HETEROSCEDASTIC)
            .with(AlternativeHypothesis.TWO_SIDED);

    private WelchTest() {
    }

    /**
     * The test's figures.
     *
     * @param difference m_b − m_a
     * @param t          the statistic
     * @param df         Welch–Satterthwaite ν
     * @param p          the two-sided p-value
     */
    public record Result(double difference, double t, double df, double p) {
    }

    /** Whether {@link #test} is defined for these samples. */
    public static boolean applicable(SampleSummary a, SampleSummary b) {
        return a.n() >= 2 && b.n() >= 2 && a.varianceOfMean() + b.varianceOfMean() > 0.0;
    }

    /**
     * @param a the reference sample (the baseline)
     * @param b the sample tested against it (the current run)
     * @return the test of b's mean against a's
     */
    public static Result test(SampleSummary a, SampleSummary b) {
        if (!applicable(a, b)) {
            throw new IllegalArgumentException("Welch's test needs n >= 2 on both sides and a positive "
                    + "standard error, found " + a + " and " + b);
        }
        TTest.Result r = WELCH.test(b.mean(), b.sd() * b.sd(), b.n(), a.mean(), a.sd() * a.sd(), a.n());
        return new Result(b.mean() - a.mean(), r.getStatistic(), r.getDegreesOfFreedom(), r.getPValue());
    }
}
