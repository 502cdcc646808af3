package org.clsweep.dynamics.special;

/**
 * The standard normal density φ and distribution function Φ, to full double precision.
 *
 * <pre>
 *   φ(x) = exp(−x²/2) / √(2π)
 *   Φ(x) = ½·erfc(−x/√2) = ∫_{−∞}^{x} φ(t) dt
 * </pre>
 * Φ uses W. J. Cody's rational Chebyshev approximations of erf/erfc ("Rational Chebyshev
 * approximations for the error function", Math. Comp. 23, 1969), rewritten for Φ directly as in
 * Cody's ANORM (and R's {@code pnorm}): a rational function of x² on |x| ≤ 0.674 (Φ − ½ ≈ x·R(x²)),
 * of |x| on 0.674 &lt; |x| ≤ √32 and of 1/x² beyond (the erfc branch, Φ(−|x|) = φ(x)·R(|x|)); the
 * factor exp(−x²/2) is formed as exp(−x₀²/2)·exp(−(x−x₀)(x+x₀)/2) with x₀ = x rounded down to a
 * multiple of 1/16, which keeps the tail relative error at the level of rounding. Measured against
 * 50-digit references (generator script {@code normal-golden.py} beside the test): relative error
 * of Φ below 1e-15 for −37.5 ≤ x ≤ 8.29, and of the smaller tail min(Φ, 1 − Φ) everywhere it is a
 * normal double; Φ(x) = 0 below −37.52 and 1 above 8.29, where the true values are below the
 * smallest normal double or within half an ulp of 1.
 *
 * Stateless and allocation-free.
 */
public final class Normal {
    /** 1/√(2π). */
    public static final double INV_SQRT_2PI = 0.398942280401432677939946059934;

    private static final double SQRT_32 = 5.656854249492380195206754896838;
    private static final double CENTRAL = 0.67448975;
    private static final double LOWER_LIMIT = -37.5193;
    private static final double UPPER_LIMIT = 8.2924;
    private static final double TINY = 0.5 * Math.ulp(1.0);

    private static final double[] A = {
        2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582, 18154.981253343561249,
        0.065682337918207449113};
    private static final double[] B = {
        47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956};
    private static final double[] C = {
        0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226,
        2494.5375852903726711, 6848.1904505362823326, 11602.651437647350124, 9842.7148383839780218,
        1.0765576773720192317e-8};
    private static final double[] D = {
        22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755,
        18615.571640885098091, 34900.952721145977266, 38912.003286093271411, 19685.429676859990727};
    private static final double[] P = {
        0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466,
        2.9112874951168792e-5, 0.02307344176494017303};
    private static final double[] Q = {
        1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244,
        7.29751555083966205e-5};

    private Normal() {
    }

    /** φ(x), the standard normal density. */
    public static double pdf(double x) {
        return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
    }

    /** Φ(x), the standard normal distribution function; NaN for NaN. */
    public static double cdf(double x) {
        double y = Math.abs(x);
        if (y <= CENTRAL) {
            return central(x, y);
        }
        return tails(x, y, y <= SQRT_32 || (x > LOWER_LIMIT && x < UPPER_LIMIT) ? gaussianFactor(y) : 0.0);
    }

    /**
     * Φ(x) given {@code gauss} = exp(−x²/2) computed by the caller, so that φ(x) = gauss/√(2π) and
     * Φ(x) together cost one exponential (the population flow's inner loop). Same approximations
     * as {@link #cdf(double)}; an exp(−x²/2) formed directly carries the rounding of x², which adds
     * up to x²·2⁻⁵³ to the relative error of the smaller tail: below 2e-15 for |x| ≤ √32 and 1e-13
     * at |x| = 37.5.
     *
     * @param x     the argument
     * @param gauss exp(−x²/2)
     */
    public static double cdf(double x, double gauss) {
        double y = Math.abs(x);
        if (y <= CENTRAL) {
            return central(x, y);
        }
        return tails(x, y, gauss);
    }

    /** |x| ≤ 0.674: Φ − ½ = x·R(x²). */
    private static double central(double x, double y) {
        double xnum = 0.0;
        double xden = 0.0;
        if (y > TINY) {
            double xsq = x * x;
            xnum = A[4] * xsq;
            xden = xsq;
            for (int i = 0; i < 3; i++) {
                xnum = (xnum + A[i]) * xsq;
                xden = (xden + B[i]) * xsq;
            }
        }
        return 0.5 + x * (xnum + A[3]) / (xden + B[3]);
    }

    /** |x| &gt; 0.674: the smaller tail φ-factor × a rational function, reflected for x &gt; 0. */
    private static double tails(double x, double y, double gauss) {
        double tail;
        if (y <= SQRT_32) {
            double xnum = C[8] * y;
            double xden = y;
            for (int i = 0; i < 7; i++) {
                xnum = (xnum + C[i]) * y;
                xden = (xden + D[i]) * y;
            }
            tail = gauss * (xnum + C[7]) / (xden + D[7]);
        } else if (x > LOWER_LIMIT && x < UPPER_LIMIT) {
            double xsq = 1.0 / (x * x);
            double xnum = P[5] * xsq;
            double xden = xsq;
            for (int i = 0; i < 4; i++) {
                xnum = (xnum + P[i]) * xsq;
                xden = (xden + Q[i]) * xsq;
            }
            double r = xsq * (xnum + P[4]) / (xden + Q[4]);
            tail = gauss * (INV_SQRT_2PI - r) / y;
        } else if (Double.isNaN(x)) {
            return x;
        } else {
            return x > 0.0 ? 1.0 : 0.0;
        }
        return x > 0.0 ? 1.0 - tail : tail;
    }

    /** exp(−y²/2) with y split at a multiple of 1/16 so the rounding of y² does not spoil the tail. */
    private static double gaussianFactor(double y) {
        double y0 = Math.floor(y * 16.0) / 16.0;
        double del = (y - y0) * (y + y0);
        return Math.exp(-0.5 * y0 * y0) * Math.exp(-0.5 * del);
    }
}
