package org.clsweep.jobs.regress.stat;

import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.FisherExactTest;

/**
 * One-sided Fisher exact test that a count of events (diverged runs) is higher in a second
 * sample than in a first, conditioning on the total count, by the {@link FisherExactTest} of
 * Apache Commons Statistics on the table [[k_b, n_b − k_b], [k_a, n_a − k_a]].
 *
 * <pre>
 *   first: k_a events of n_a,  second: k_b events of n_b,  K = k_a + k_b,  N = n_a + n_b
 *   p = P(X ≥ k_b),   X ~ Hypergeometric(N, K, n_b):
 *       P(X = x) = C(K, x) C(N − K, n_b − x) / C(N, n_b)
 * </pre>
 */
public final class FisherExact {
    private static final FisherExactTest GREATER = FisherExactTest.withDefaults()
            .with(AlternativeHypothesis.GREATER_THAN);

    private FisherExact() {
    }

    /**
     * @param ka events in the first sample, 0 ≤ ka ≤ na
     * @param na size of the first sample
     * @param kb events in the second sample, 0 ≤ kb ≤ nb
     * @param nb size of the second sample, na + nb &gt; 0
     * @return the one-sided p-value for "the second sample's rate is higher"
     */
    public static double greater(int ka, int na, int kb, int nb) {
        if (ka < 0 || ka > na || kb < 0 || kb > nb || na + nb == 0) {
            throw new IllegalArgumentException("counts must satisfy 0 <= k <= n and n_a + n_b > 0, found " + ka
                    + "/" + na + " and " + kb + "/" + nb);
        }
        return GREATER.test(new int[][] {{kb, nb - kb}, {ka, na - ka}}).getPValue();
    }
}
