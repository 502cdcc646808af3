package org.clsweep.jobs.regress.stat;

/**
 * The size, mean and sample standard deviation of a set of per-seed values.
 *
 * <pre>
 *   mean = (1/n) Σ x_i,   sd = √( Σ (x_i − mean)² / (n − 1) )   (sd = NaN for n &lt; 2)
 * </pre>
 *
 * @param n    the number of values, ≥ 0
 * @param mean the mean, NaN when n = 0
 * @param sd   the sample standard deviation (n − 1 denominator), NaN when n &lt; 2
 */
public record SampleSummary(int n, double mean, double sd) {
    public SampleSummary {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, found " + n);
        }
        if (n > 0 && !Double.isFinite(mean)) {
            throw new IllegalArgumentException("mean must be finite for n = " + n + ", found " + mean);
        }
        if (n > 1 && !(sd >= 0.0 && Double.isFinite(sd))) {
            throw new IllegalArgumentException("sd must be finite and >= 0 for n = " + n + ", found " + sd);
        }
    }

    /**
     * Two-pass mean and standard deviation.
     *
     * @param values the values, all finite. Not modified.
     */
    public static SampleSummary of(double[] values) {
        int n = values.length;
        if (n == 0) {
            return new SampleSummary(0, Double.NaN, Double.NaN);
        }
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            sum += values[i];
        }
        double mean = sum / n;
        if (n == 1) {
            return new SampleSummary(1, mean, Double.NaN);
        }
        double ss = 0.0;
        for (int i = 0; i < n; i++) {
            double d = values[i] - mean;
            ss += d * d;
        }
        return new SampleSummary(n, mean, Math.sqrt(ss / (n - 1)));
    }

    /** The squared standard error of the mean, sd² / n. */
    public double varianceOfMean() {
        return sd * sd / n;
    }
}
