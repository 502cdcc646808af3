package org.clsweep.jobs.regress.stat;

/**
 * Student's t distribution with ν &gt; 0 degrees of freedom (ν need not be an integer, as Welch's
 * test produces fractional ν), through the regularized incomplete beta function.
 *
 * <pre>
 *   P(|T| ≥ t) = I_{ν/(ν + t²)}(ν/2, 1/2)                  two-sided tail, t ≥ 0
 *   F(t)       = 1 − ½ I_{ν/(ν + t²)}(ν/2, 1/2)            t ≥ 0;   F(−t) = 1 − F(t)
 * </pre>
 *
 * The tails are computed directly, never as 1 − F, so p-values down to ~1e-300 keep their
 * relative accuracy.
 *
 * @see IncompleteBeta
 * @see WelchTest
 */
public final class StudentT {
    private StudentT() {
    }

    /**
     * @param t  the statistic
     * @param df the degrees of freedom ν &gt; 0, finite
     * @return P(T ≤ t)
     */
    public static double cdf(double t, double df) {
        double tail = 0.5 * twoSidedTail(t, df);
        return t >= 0.0 ? 1.0 - tail : tail;
    }

    /**
     * @param t  the statistic
     * @param df the degrees of freedom ν &gt; 0, finite
     * @return P(|T| ≥ |t|), the two-sided p-value of t
     */
    public static double twoSidedTail(double t, double df) {
        if (!(df > 0.0) || Double.isInfinite(df)) {
            throw new IllegalArgumentException("Student t needs a finite df > 0, found " + df);
        }
        if (Double.isNaN(t)) {
            throw new IllegalArgumentException("Student t needs a statistic, found NaN");
        }
        if (Double.isInfinite(t)) {
            return 0.0;
        }
        return IncompleteBeta.regularized(df / (df + t * t), 0.5 * df, 0.5);
    }
}
