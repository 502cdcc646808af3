package org.clsweep.jobs.text;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * How a floating-point number is shown to people, in the exported notebook and in the regression
 * report alike.
 *
 * <pre>
 *   0                       "0"
 *   1e-4 ≤ |x| &lt; 1e6       4 significant digits, plain, trailing zeros stripped   0.1235, 12350, 1
 *   otherwise               4 significant digits, scientific                        -2.500e-07
 *   NaN, ±∞                 Double.toString
 * </pre>
 */
public final class NumberText {
    /** The significant digits shown. */
    public static final int SIGNIFICANT_DIGITS = 4;
    private static final MathContext SIGNIFICANT = new MathContext(SIGNIFICANT_DIGITS);
    private static final double PLAIN_LOW = 1e-4;
    private static final double PLAIN_HIGH = 1e6;

    private NumberText() {
    }

    /** {@code x} as the class comment says. */
    public static String of(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return Double.toString(x);
        }
        if (x == 0.0) {
            return "0";
        }
        double a = Math.abs(x);
        if (a < PLAIN_LOW || a >= PLAIN_HIGH) {
            return String.format(Locale.ROOT, "%." + (SIGNIFICANT_DIGITS - 1) + "e", x);
        }
        return new BigDecimal(x).round(SIGNIFICANT).stripTrailingZeros().toPlainString();
    }

    /** A byte count in decimal units with two significant digits: {@code 950 B}, {@code 12 kB}, {@code 3.4 MB}. */
    public static String bytes(double n) {
        String[] units = {"B", "kB", "MB", "GB", "TB"};
        int u = 0;
        double v = n;
        while (v >= 999.5 && u < units.length - 1) {
            v /= 1000.0;
            u++;
        }
        String digits = v >= 9.95 || u == 0 ? String.format(Locale.ROOT, "%.0f", v)
                : String.format(Locale.ROOT, "%.1f", v);
        return digits + " " + units[u];
    }
}
