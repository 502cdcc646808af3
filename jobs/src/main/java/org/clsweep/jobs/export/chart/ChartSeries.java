package org.clsweep.jobs.export.chart;

import java.util.Objects;

/**
 * One line of an {@link ErrorBarChart}: points (x, y) with an interval [low, high] around each y
 * (NaN ends draw no interval; NaN y drops the point).
 *
 * @param label  the legend entry
 * @param x      abscissae. Not modified.
 * @param y      values. Not modified.
 * @param low    lower interval ends. Not modified.
 * @param high   upper interval ends. Not modified.
 * @param colour the colour index; series sharing it are drawn in the same colour (e.g. an
 *               observed curve and its prediction)
 * @param dashed draw the line dashed and without markers (predictions, secondary quantities)
 */
public record ChartSeries(String label, double[] x, double[] y, double[] low, double[] high, int colour,
                          boolean dashed) {
    public ChartSeries {
        Objects.requireNonNull(label, "label");
        if (y.length != x.length || low.length != x.length || high.length != x.length) {
            throw new IllegalArgumentException("series " + label + ": x, y, low, high must have equal lengths, found "
                    + x.length + ", " + y.length + ", " + low.length + ", " + high.length);
        }
    }

    /** A series without intervals. */
    public static ChartSeries line(String label, double[] x, double[] y, int colour, boolean dashed) {
        return new ChartSeries(label, x, y, nan(x.length), nan(x.length), colour, dashed);
    }

    private static double[] nan(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, Double.NaN);
        return a;
    }
}
