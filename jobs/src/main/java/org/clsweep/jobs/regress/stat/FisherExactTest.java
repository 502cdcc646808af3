package org.clsweep.jobs.regress.stat;

/**
 * One-sided Fisher exact test that a count of events (diverged runs) is higher in a second
 * sample than in a first, conditioning on the total count.
 *
 * <pre>
 *   first: k_a events of n_a,  second: k_b events of n_b,  K = k_a + k_b,  N = n_a + n_b
 *   p = P(X ≥ k_b),   X ~ Hypergeometric(N, K, n_b):
 *       P(X = x) = C(K, x) C(N − K, n_b − x) / C(N, n_b)
 * </pre>
 *
 * @see LogGamma
 */
public final class FisherExactTest {
    private FisherExactTest() {
    }

    /**
     * @param ka events in the first sample, 0 ≤ ka ≤ na
     * @param na size of the first sample
     * @param kb events in the second sample, 0 ≤ kb ≤ nb
     * @param nb size of the second sample
     * @return the one-sided p-value for "the second sample's rate is higher"
     */
    public static double greater(int ka, int na, int kb, int nb) {
        if (ka < 0 || ka > na || kb < 0 || kb > nb) {
            throw new IllegalArgumentException("counts must satisfy 0 <= k <= n, found " + ka + "/" + na
                    + " and " + kb + "/" + nb);
        }
        int total = na + nb;
        int events = ka + kb;
        double logDenominator = logChoose(total, nb);
        double p = 0.0;
        int top = Math.min(events, nb);
        for (int x = kb; x <= top; x++) {
            p += Math.exp(logChoose(events, x) + logChoose(total - events, nb - x) - logDenominator);
        }
        return Math.min(1.0, p);
    }

    private static double logChoose(int n, int k) {
        if (k < 0 || k > n) {
            return Double.NEGATIVE_INFINITY;
        }
        return LogGamma.of(n + 1.0) - LogGamma.of(k + 1.0) - LogGamma.of(n - k + 1.0);
    }
}
