package org.clsweep.dynamics.objective;

/**
 * How InfoNCE's pairwise importance α spreads over the negatives of a batch whose samples carry
 * pattern labels l_i (SCIENCE.md §1, §2): whether α concentrates on same-pattern "negatives", and
 * on how many.
 *
 * <pre>
 *   q_ij = α_ij / Σ_{k≠i} α_ik = exp(S_ij/τ) / Σ_{k≠i} exp(S_ik/τ)      (j ≠ i; the positive cancels)
 *   sameShare          = (1/N) Σ_i Σ_{j≠i, l_j = l_i} q_ij
 *   sameExpected       = Σ_l n_l(n_l − 1) / (N(N − 1))                   sameShare of q_ij = 1/(N − 1)
 *   negativesEffective = (1/N) Σ_i exp(H_i),   H_i = −Σ_{j≠i} q_ij ln q_ij        in [1, N − 1]
 * </pre>
 * n_l counts the samples of pattern l in the batch. q is computed from S with row i's own maximum
 * over k ≠ i subtracted, so no row's negatives underflow to zero mass, whatever the positive's
 * weight; H_i = ln Z_i − Σ_j q_ij t_ij with t_ij = S_ij/τ − max and Z_i = Σ_j e^{t_ij}.
 *
 * @param sameShare          mean share of α on negatives of the anchor's own pattern
 * @param sameExpected       that share under uniform α
 * @param negativesEffective mean effective number of negatives, exp of the entropy (natural log)
 * @see InfoNceWeights
 */
public record AlphaStructure(double sameShare, double sameExpected, double negativesEffective) {

    /**
     * @param similarities S, N×N row-major (as {@link InfoNceWeights#similarities()}); the diagonal
     *                     is not read. Not modified.
     * @param n            N ≥ 2
     * @param temperature  τ &gt; 0
     * @param labels       l_i, the pattern of sample i, length ≥ N. Not modified.
     */
    public static AlphaStructure of(double[] similarities, int n, double temperature, int[] labels) {
        if (n < 2 || similarities.length < n * n || labels.length < n) {
            throw new IllegalArgumentException("need N >= 2, N² similarities and N labels, found N = " + n + ", "
                    + similarities.length + ", " + labels.length);
        }
        final double invTau = 1.0 / temperature;
        double share = 0.0;
        double effective = 0.0;
        long samePairs = 0;
        for (int i = 0; i < n; i++) {
            final int off = i * n;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    max = Math.max(max, similarities[off + j] * invTau);
                }
            }
            double z = 0.0;
            double weighted = 0.0;
            double same = 0.0;
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    continue;
                }
                double t = similarities[off + j] * invTau - max;
                double e = Math.exp(t);
                z += e;
                weighted += e * t;
                if (labels[j] == labels[i]) {
                    same += e;
                    samePairs++;
                }
            }
            share += same / z;
            effective += Math.exp(Math.log(z) - weighted / z);
        }
        return new AlphaStructure(share / n, samePairs / ((double) n * (n - 1)), effective / n);
    }
}
