package org.clsweep.data.tokens;

/**
 * The exact pair statistics of token a at location k under {@link TokenPairGenerator}, from the
 * pattern table alone: I_v = 1[x_v,k = a] is the token's indicator in view v, z ~ U{0 … G−1} the
 * global pattern (one of the G rows of the table; repeated rows count separately).
 *
 * <pre>
 *   m_z = P(x1_k = a | z) = 1[token(z, k) = a]  where z fixes k,   1/n  where z has a wildcard at k
 *   q_z = aug_degree / w_z       w_z the wildcards of z: view 2 redraws a uniform aug_degree-subset
 *                                of them, so each one with probability q_z, from U{0 … n−1}
 *   P(x2_k = a | x1_k = a, z wild at k) = 1 − q_z + q_z/n
 *
 *   u = #{z : token(z, k) = a},  W = #{z : z has a wildcard at k}
 *   frequency          = P(x1_k = a)            = E_z m_z = (u + W/n) / G
 *   joint              = P(x1_k = a, x2_k = a)  = (u + Σ_{z wild at k} (1/n)(1 − q_z + q_z/n)) / G
 *   invariance         = P(x2_k = a | x1_k = a) = joint / frequency      (NaN when frequency = 0)
 *   discriminativeness = Var_z m_z              = (1/G) Σ_z (m_z − frequency)²
 *   pair_covariance    = Cov(I_1, I_2)          = joint − frequency²
 *                      = discriminativeness + (1/G) Σ_{z wild at k} (1 − q_z)(1/n)(1 − 1/n)
 * </pre>
 * The last line is the law of total covariance, E[I_1 | z] = E[I_2 | z] = m_z: the pair covariance
 * (the augmentation-invariant variance of the indicator, which the local term s_k² V[x̃_k] of
 * the two-layer theorem sees) is the part that depends on z plus what view 2 keeps of a
 * wildcard's token within one pattern. It is computed in that form, so pair_covariance ≥
 * discriminativeness ≥ 0, with equality wherever every pattern with a wildcard at k redraws all
 * of its wildcards (q_z = 1). The two views have the same marginal, so Cov(I_1, I_2) is the
 * covariance of the pair, not of two different variables.
 *
 * @param patternsUsing      u, the patterns that put a at k
 * @param frequency          P(x1_k = a)
 * @param invariance         P(x2_k = a | x1_k = a); NaN when a never occurs at k
 * @param pairCovariance     P(x1_k = a, x2_k = a) − frequency²
 * @param discriminativeness Var_z P(x1_k = a | z)
 * frequency and joint are those of {@link LocationPairDistribution}, the joint law of the two views'
 * tokens.
 *
 * @see TokenPatterns
 * @see TokenPairGenerator
 */
public record TokenStatistics(int patternsUsing, double frequency, double invariance, double pairCovariance,
                              double discriminativeness) {
    public TokenStatistics {
        if (patternsUsing < 0) {
            throw new IllegalArgumentException("patternsUsing must be >= 0, found " + patternsUsing);
        }
    }

    /** PATTERN where some pattern fixes the token at its location, else BACKGROUND. */
    public TokenRole role() {
        return patternsUsing > 0 ? TokenRole.PATTERN : TokenRole.BACKGROUND;
    }

    /**
     * The statistics of every (location, token) of a pattern table.
     *
     * @param table     the pattern table. Not modified.
     * @param augDegree the wildcard slots view 2 redraws, ≤ the wildcards of every pattern
     * @return [k][a] for k &lt; K, a &lt; n
     */
    public static TokenStatistics[][] of(TokenPatterns table, int augDegree) {
        return of(table, LocationPairDistribution.of(table, augDegree));
    }

    /**
     * As above, from the table's pair distribution when the caller already has it.
     *
     * @param table the pattern table. Not modified.
     * @param pairs {@link LocationPairDistribution#of} of that table
     * @return [k][a] for k &lt; K, a &lt; n
     */
    public static TokenStatistics[][] of(TokenPatterns table, LocationPairDistribution pairs) {
        int kk = table.locations();
        int n = table.vocab();
        int g = table.count();
        TokenStatistics[][] out = new TokenStatistics[kk][n];
        for (int k = 0; k < kk; k++) {
            int wild = 0;
            double kept = 0.0;
            for (int z = 0; z < g; z++) {
                if (table.token(z, k) < 0) {
                    double q = pairs.redrawProbability(z);
                    wild++;
                    kept += (1.0 - q) * (1.0 - 1.0 / n) / n;
                }
            }
            for (int a = 0; a < n; a++) {
                int u = table.usage(k, a);
                double frequency = pairs.frequency(k, a);
                double joint = pairs.joint(k, a, a);
                double fixedOther = g - u - wild;
                double wildDev = 1.0 / n - frequency;
                double discriminativeness = (u * (1.0 - frequency) * (1.0 - frequency) + wild * wildDev * wildDev
                        + fixedOther * frequency * frequency) / g;
                out[k][a] = new TokenStatistics(u, frequency, frequency > 0.0 ? joint / frequency : Double.NaN,
                        discriminativeness + kept / g, discriminativeness);
            }
        }
        return out;
    }
}
