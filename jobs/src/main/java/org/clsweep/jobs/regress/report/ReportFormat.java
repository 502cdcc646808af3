package org.clsweep.jobs.regress.report;

import java.util.Locale;
import org.clsweep.jobs.regress.stat.SampleSummary;
import org.clsweep.jobs.text.NumberText;

/** Number and sample formatting shared by the report renderers. */
public final class ReportFormat {
    private ReportFormat() {
    }

    /** Integers as such, NaN as "–", ±∞ as "±∞", other numbers as {@link NumberText#of}. */
    public static String num(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+∞" : "−∞";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return NumberText.of(v);
    }

    /** A p-value: 3 significant digits, small ones in scientific notation. */
    public static String p(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (v == 0.0 || v >= 1e-3) {
            return String.format(Locale.ROOT, "%.3g", v);
        }
        return String.format(Locale.ROOT, "%.2e", v);
    }

    /** {@code mean ± sd (n)}, or "–" for an absent side. */
    static String sample(SampleSummary s) {
        if (s == null || s.n() == 0) {
            return "–";
        }
        return num(s.mean()) + (Double.isNaN(s.sd()) ? "" : " ± " + num(s.sd())) + " (" + s.n() + ")";
    }

    /** A signed difference. */
    static String signed(double v) {
        return Double.isFinite(v) && v > 0 ? "+" + num(v) : num(v);
    }
}
