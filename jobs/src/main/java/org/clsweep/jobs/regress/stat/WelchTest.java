package org.clsweep.jobs.regress.stat;

/**
 * Welch's two-sample t-test for a difference of means without assuming equal variances, with
 * the Welch–Satterthwaite degrees of freedom and a two-sided p-value.
 *
 * <pre>
 *   v_i = s_i² / n_i,   se = √(v_a + v_b),   t = (m_b − m_a) / se
 *   ν   = (v_a + v_b)² / ( v_a² / (n_a − 1) + v_b² / (n_b − 1) )
 *   p   = P(|T_ν| ≥ |t|)
 * </pre>
 *
 * Defined for n_a, n_b ≥ 2 and se &gt; 0; the caller decides what to do otherwise (constant
 * samples, single values).
 *
 * @see StudentT
 */
public final class WelchTest {
    private WelchTest() {
    }

    /**
     * The test's figures.
     *
     * @param difference m_b − m_a
     * @param se         the standard error of the difference
     * @param t          the statistic
     * @param df         Welch–Satterthwaite ν
     * @param p          the two-sided p-value
     */
    public record Result(double difference, double se, double t, double df, double p) {
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
        double va = a.varianceOfMean();
        double vb = b.varianceOfMean();
        double se = Math.sqrt(va + vb);
        double diff = b.mean() - a.mean();
        double t = diff / se;
        double df = (va + vb) * (va + vb) / (va * va / (a.n() - 1) + vb * vb / (b.n() - 1));
        return new Result(diff, se, t, df, StudentT.twoSidedTail(t, df));
    }
}
