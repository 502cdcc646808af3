package org.clsweep.jobs.regress.stat;

/**
 * The regularized incomplete beta function, evaluated by its continued fraction (modified Lentz
 * algorithm) on the side of the symmetry point where the fraction converges fast.
 *
 * <pre>
 *   I_x(a, b) = B(x; a, b) / B(a, b),   B(x; a, b) = ∫_0^x t^(a−1) (1 − t)^(b−1) dt
 *
 *   I_x(a, b) = x^a (1 − x)^b / (a B(a, b)) · 1 / (1 + d_1 / (1 + d_2 / (1 + …)))
 *     d_2m+1 = −(a + m)(a + b + m) x / ((a + 2m)(a + 2m + 1))
 *     d_2m   =  m (b − m) x / ((a + 2m − 1)(a + 2m))
 *   used for x &lt; (a + 1) / (a + b + 2); otherwise I_x(a, b) = 1 − I_{1−x}(b, a).
 * </pre>
 *
 * On the fraction's own side the value is computed directly, so a tiny I_x (a tiny p-value)
 * keeps its relative accuracy.
 *
 * @see LogGamma
 * @see StudentT
 */
public final class IncompleteBeta {
    private static final double EPS = 1e-15;
    private static final double TINY = 1e-300;
    private static final int MAX_ITERATIONS = 100_000;

    private IncompleteBeta() {
    }

    /**
     * @param x the upper limit, in [0, 1]
     * @param a the first shape, &gt; 0
     * @param b the second shape, &gt; 0
     * @return I_x(a, b)
     */
    public static double regularized(double x, double a, double b) {
        check(x, a, b);
        if (x == 0.0) {
            return 0.0;
        }
        if (x == 1.0) {
            return 1.0;
        }
        if (x < (a + 1.0) / (a + b + 2.0)) {
            return front(x, a, b) * continuedFraction(x, a, b) / a;
        }
        return 1.0 - front(1.0 - x, b, a) * continuedFraction(1.0 - x, b, a) / b;
    }

    private static void check(double x, double a, double b) {
        if (!(x >= 0.0 && x <= 1.0)) {
            throw new IllegalArgumentException("incomplete beta needs x in [0, 1], found " + x);
        }
        if (!(a > 0.0) || !(b > 0.0) || Double.isInfinite(a) || Double.isInfinite(b)) {
            throw new IllegalArgumentException("incomplete beta needs finite a, b > 0, found a = " + a + ", b = " + b);
        }
    }

    /** x^a (1 − x)^b / B(a, b), in logs. */
    private static double front(double x, double a, double b) {
        return Math.exp(a * Math.log(x) + b * Math.log1p(-x) - LogGamma.logBeta(a, b));
    }

    /** The continued fraction 1 / (1 + d_1 / (1 + …)) by the modified Lentz algorithm. */
    private static double continuedFraction(double x, double a, double b) {
        double qab = a + b;
        double qap = a + 1.0;
        double qam = a - 1.0;
        double c = 1.0;
        double d = 1.0 - qab * x / qap;
        if (Math.abs(d) < TINY) {
            d = TINY;
        }
        d = 1.0 / d;
        double h = d;
        for (int m = 1; m <= MAX_ITERATIONS; m++) {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1.0 + aa * d;
            if (Math.abs(d) < TINY) {
                d = TINY;
            }
            c = 1.0 + aa / c;
            if (Math.abs(c) < TINY) {
                c = TINY;
            }
            d = 1.0 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1.0 + aa * d;
            if (Math.abs(d) < TINY) {
                d = TINY;
            }
            c = 1.0 + aa / c;
            if (Math.abs(c) < TINY) {
                c = TINY;
            }
            d = 1.0 / d;
            double del = d * c;
            h *= del;
            if (Math.abs(del - 1.0) < EPS) {
                return h;
            }
        }
        throw new IllegalStateException("incomplete beta continued fraction did not converge for x = " + x
                + ", a = " + a + ", b = " + b);
    }
}
