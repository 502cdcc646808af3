package org.clsweep.jobs.export.section;

import java.util.ArrayList;
import java.util.List;
import org.clsweep.jobs.text.NumberText;

/**
 * The finite (x, y) points of one series, in x order as the query sorted them: what the checks of
 * a figure compare (first against last, every point against a value).
 *
 * @param x abscissae
 * @param y values, all finite
 */
record Points(double[] x, double[] y) {
    /** The pairs of {@code x}, {@code y} whose y is finite. Not modified. */
    static Points finite(double[] x, double[] y) {
        int n = 0;
        for (double v : y) {
            n += Double.isFinite(v) ? 1 : 0;
        }
        double[] fx = new double[n];
        double[] fy = new double[n];
        int k = 0;
        for (int i = 0; i < y.length; i++) {
            if (Double.isFinite(y[i])) {
                fx[k] = x[i];
                fy[k++] = y[i];
            }
        }
        return new Points(fx, fy);
    }

    int size() {
        return y.length;
    }

    double firstX() {
        return x[0];
    }

    double lastX() {
        return x[x.length - 1];
    }

    double first() {
        return y[0];
    }

    double last() {
        return y[y.length - 1];
    }

    double min() {
        double m = Double.POSITIVE_INFINITY;
        for (double v : y) {
            m = Math.min(m, v);
        }
        return m;
    }

    double max() {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            m = Math.max(m, v);
        }
        return m;
    }

    /** Whether no point is above its predecessor. */
    boolean nonIncreasing() {
        for (int i = 1; i < y.length; i++) {
            if (y[i] > y[i - 1]) {
                return false;
            }
        }
        return true;
    }

    /** {@code "a at xname b → c at xname d"}: the first and last points. */
    String span(String xName) {
        return fmt(first()) + " at " + xName + " " + fmt(firstX()) + " → " + fmt(last()) + " at " + xName + " "
                + fmt(lastX());
    }

    /**
     * {@code "v at xnames x1, x2, …"} when all values are equal, else {@code "v1 at xname x1, v2 at
     * x2, …"} for up to six points, else the span and range.
     */
    String list(String xName) {
        if (min() == max()) {
            List<String> xs = new ArrayList<>(x.length);
            for (double v : x) {
                xs.add(fmt(v));
            }
            return fmt(min()) + " at " + xName + (x.length > 1 ? "s " : " ") + String.join(", ", xs);
        }
        if (y.length > 6) {
            return span(xName) + ", range " + fmt(min()) + "–" + fmt(max());
        }
        List<String> parts = new ArrayList<>(y.length);
        for (int i = 0; i < y.length; i++) {
            parts.add(fmt(y[i]) + (i == 0 ? " at " + xName + " " : " at ") + fmt(x[i]));
        }
        return String.join(", ", parts);
    }

    static String fmt(double v) {
        return NumberText.of(v);
    }
}
