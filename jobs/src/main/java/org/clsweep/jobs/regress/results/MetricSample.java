package org.clsweep.jobs.regress.results;

import java.util.Arrays;
import org.clsweep.jobs.regress.stat.SampleSummary;

/**
 * One metric of one cell on one side of the comparison: the per-seed values of its OK runs (read
 * from {@code runs/}), or, when those are unavailable, only their size, mean and standard
 * deviation (read from {@code aggregates/}).
 *
 * @param summary n, mean and sample standard deviation
 * @param values  the per-seed values, finite, or null when only the summary is known
 */
public record MetricSample(SampleSummary summary, double[] values) {
    public MetricSample {
        if (summary == null) {
            throw new IllegalArgumentException("summary is missing");
        }
        if (values != null) {
            values = values.clone();
            if (values.length != summary.n()) {
                throw new IllegalArgumentException("summary has n = " + summary.n() + " but " + values.length
                        + " values were given");
            }
        }
    }

    /**
     * @param values the per-seed values; non-finite ones (a metric that did not apply) are dropped.
     *               Not modified.
     */
    public static MetricSample ofValues(double[] values) {
        double[] finite = new double[values.length];
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            if (Double.isFinite(values[i])) {
                finite[n++] = values[i];
            }
        }
        double[] kept = Arrays.copyOf(finite, n);
        return new MetricSample(SampleSummary.of(kept), kept);
    }

    /** A sample known only by its summary, as an aggregates row gives it. */
    public static MetricSample ofSummary(int n, double mean, double sd) {
        return new MetricSample(new SampleSummary(n, n == 0 ? Double.NaN : mean, n < 2 ? Double.NaN : sd), null);
    }

    public int n() {
        return summary.n();
    }

    /** Whether the per-seed values are known. */
    public boolean hasValues() {
        return values != null;
    }

    /**
     * Whether every value is the same: all per-seed values equal, or (summary only) one value or a
     * standard deviation of exactly 0. False for an empty sample.
     */
    public boolean isConstant() {
        if (n() == 0) {
            return false;
        }
        if (values != null) {
            for (int i = 1; i < values.length; i++) {
                if (values[i] != values[0]) {
                    return false;
                }
            }
            return true;
        }
        return n() == 1 || summary.sd() == 0.0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MetricSample s && summary.equals(s.summary) && Arrays.equals(values, s.values);
    }

    @Override
    public int hashCode() {
        return 31 * summary.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "MetricSample[" + summary + (values == null ? ", summary only" : ", values=" + Arrays.toString(values))
                + "]";
    }
}
