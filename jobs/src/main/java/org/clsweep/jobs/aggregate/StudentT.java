package org.clsweep.jobs.aggregate;

/**
 * Student's t distribution with ν degrees of freedom: CDF and quantile, for confidence intervals.
 *
 * <pre>
 *   F(t) = 1 − ½·I_{ν/(ν+t²)}(ν/2, ½)          t ≥ 0, and F(−t) = 1 − F(t)
 *   I_x(a, b)  regularised incomplete beta, by its continued fraction (modified Lentz)
 *   quantile   F⁻¹(p) by bisection on a bracketing interval, to double precision
 * </pre>
 */
public final class StudentT {
    private static final double EPS = 1e-16;
    private static final double TINY = 1e-300;
    private static final int MAX_ITER = 10_000;
    private static final double[] LANCZOS = {0.99999999999980993, 676.5203681218851, -1259.1392167224028,
        771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
        9.9843695780195716e-6, 1.5056327351493116e-7};

    private StudentT() {
    }

    /** P(T ≤ t) for T ~ t(ν). */
    public static double cdf(double t, double nu) {
        checkNu(nu);
        double tail = 0.5 * regularizedBeta(nu / (nu + t * t), 0.5 * nu, 0.5);
        return t >= 0 ? 1.0 - tail : tail;
    }

    /**
     * The p-quantile, F⁻¹(p).
     *
     * @param p  probability in (0, 1)
     * @param nu degrees of freedom &gt; 0
     */
    public static double quantile(double p, double nu) {
        checkNu(nu);
        if (!(p > 0.0 && p < 1.0)) {
            throw new IllegalArgumentException("p must be in (0, 1), found " + p);
        }
        if (p < 0.5) {
            return -quantile(1.0 - p, nu);
        }
        if (p == 0.5) {
            return 0.0;
        }
        double lo = 0.0;
        double hi = 1.0;
        while (cdf(hi, nu) < p) {
            lo = hi;
            hi *= 2.0;
        }
        for (int i = 0; i < 200 && hi - lo > 4 * Math.ulp(hi); i++) {
            double mid = 0.5 * (lo + hi);
            if (cdf(mid, nu) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    private static void checkNu(double nu) {
        if (!(nu > 0.0) || Double.isInfinite(nu)) {
            throw new IllegalArgumentException("degrees of freedom must be > 0 and finite, found " + nu);
        }
    }

    /** I_x(a, b). */
    static double regularizedBeta(double x, double a, double b) {
        if (x <= 0.0) {
            return 0.0;
        }
        if (x >= 1.0) {
            return 1.0;
        }
        double lnFront = lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
        if (x < (a + 1.0) / (a + b + 2.0)) {
            return Math.exp(lnFront) * betaContinuedFraction(x, a, b) / a;
        }
        return 1.0 - Math.exp(lnFront) * betaContinuedFraction(1.0 - x, b, a) / b;
    }

    private static double betaContinuedFraction(double x, double a, double b) {
        double qab = a + b;
        double qap = a + 1.0;
        double qam = a - 1.0;
        double c = 1.0;
        double d = 1.0 - qab * x / qap;
        d = Math.abs(d) < TINY ? TINY : d;
        d = 1.0 / d;
        double h = d;
        for (int m = 1; m <= MAX_ITER; m++) {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1.0 + aa * d;
            d = Math.abs(d) < TINY ? TINY : d;
            c = 1.0 + aa / c;
            c = Math.abs(c) < TINY ? TINY : c;
            d = 1.0 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1.0 + aa * d;
            d = Math.abs(d) < TINY ? TINY : d;
            c = 1.0 + aa / c;
            c = Math.abs(c) < TINY ? TINY : c;
            d = 1.0 / d;
            double del = d * c;
            h *= del;
            if (Math.abs(del - 1.0) < EPS) {
                return h;
            }
        }
        throw new ArithmeticException("incomplete beta did not converge for x=" + x + ", a=" + a + ", b=" + b);
    }

    /** ln Γ(x), x &gt; 0, Lanczos approximation (g = 7), relative error ~1e-15. */
    static double lnGamma(double x) {
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1.0 - x);
        }
        double z = x - 1.0;
        double s = LANCZOS[0];
        for (int i = 1; i < LANCZOS.length; i++) {
            s += LANCZOS[i] / (z + i);
        }
        double t = z + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(s);
    }
}
