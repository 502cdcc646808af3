package org.clsweep.jobs.regress.stat;

/**
 * The natural logarithm of the gamma function for positive arguments, by the Lanczos
 * approximation with g = 607/128 and 15 coefficients (relative error about 1e-15 for x ≥ 0.5),
 * and the reflection formula below 0.5.
 *
 * <pre>
 *   Γ(x) = √(2π) · (x + g − ½)^(x − ½) · e^−(x + g − ½) · A_g(x − 1)      (Lanczos)
 *   A_g(z) = c0 + Σ_{k=1..14} c_k / (z + k)
 *   Γ(x) Γ(1 − x) = π / sin(πx)                                           (reflection)
 * </pre>
 *
 * @see IncompleteBeta
 */
public final class LogGamma {
    private static final double G = 607.0 / 128.0;
    private static final double HALF_LOG_2_PI = 0.91893853320467274178;
    private static final double[] LANCZOS = {
        0.99999999999999709182,
        57.156235665862923517,
        -59.597960355475491248,
        14.136097974741747174,
        -0.49191381609762019978,
        .33994649984811888699e-4,
        .46523628927048575665e-4,
        -.98374475304879564677e-4,
        .15808870322491248884e-3,
        -.21026444172410488319e-3,
        .21743961811521264320e-3,
        -.16431810653676389022e-3,
        .84418223983852743293e-4,
        -.26190838401581408670e-4,
        .36899182659531622704e-5,
    };

    private LogGamma() {
    }

    /**
     * @param x the argument, &gt; 0
     * @return ln Γ(x)
     */
    public static double of(double x) {
        if (!(x > 0.0)) {
            throw new IllegalArgumentException("logGamma needs x > 0, found " + x);
        }
        if (x < 0.5) {
            return Math.log(Math.PI / Math.sin(Math.PI * x)) - of(1.0 - x);
        }
        double sum = LANCZOS[0];
        for (int k = LANCZOS.length - 1; k > 0; k--) {
            sum += LANCZOS[k] / (x - 1.0 + k);
        }
        double t = x + G - 0.5;
        return (x - 0.5) * Math.log(t) - t + HALF_LOG_2_PI + Math.log(sum);
    }

    /**
     * @return ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b), for a, b &gt; 0
     */
    public static double logBeta(double a, double b) {
        return of(a) + of(b) - of(a + b);
    }
}
