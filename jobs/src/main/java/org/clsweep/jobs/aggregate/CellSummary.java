package org.clsweep.jobs.aggregate;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Summary statistics of one metric over a cell's runs, and the brute-force coverage prediction.
 *
 * <pre>
 *   mean, std        over the n OK runs where the metric is set; std is the sample std (n − 1)
 *   95% CI           mean ± t_{0.975, n−1} · std / √n      (two-sided Student t interval; it
 *                    assumes the run-to-run spread is roughly normal and the seeds independent)
 *   t_{q, ν}         the q-quantile of Student's t distribution with ν degrees of freedom,
 *                    F_ν(t_{q, ν}) = q  (Apache Commons Statistics TDistribution)
 *   undefined        mean when n = 0; std and CI when n &lt; 2  (written as NULL)
 *   coverage(p, n)   mean_l [ 1 − (1 − p_l)^n ]: the expected fraction of patterns that at least
 *                    one of n independent nodes reaches, when one node reaches pattern l with
 *                    probability p_l (SCIENCE.md §2, over-parameterisation as brute-force search)
 * </pre>
 */
public final class CellSummary {
    /** Two-sided confidence level of the interval. */
    public static final double CONFIDENCE = 0.95;

    private CellSummary() {
    }

    /**
     * Half the width of the 95% interval, or NaN when n &lt; 2.
     *
     * @param std the sample standard deviation
     * @param n   the number of values
     */
    public static double ciHalfWidth(double std, long n) {
        if (n < 2) {
            return Double.NaN;
        }
        return TDistribution.of(n - 1).inverseCumulativeProbability(0.5 + CONFIDENCE / 2) * std / Math.sqrt(n);
    }

    /**
     * The brute-force coverage prediction.
     *
     * @param basinProb p_l for each pattern. Not modified.
     * @param width     the number of nodes n
     * @return mean_l [1 − (1 − p_l)^n], NaN for no patterns
     */
    public static double predictedCoverage(double[] basinProb, int width) {
        if (basinProb.length == 0) {
            return Double.NaN;
        }
        double sum = 0.0;
        for (double p : basinProb) {
            sum += 1.0 - Math.pow(1.0 - p, width);
        }
        return sum / basinProb.length;
    }
}
