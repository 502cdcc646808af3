package org.clsweep.data.tokens;

import java.util.random.RandomGenerator;
import org.clsweep.dynamics.model.TokenPairBatch;
import org.clsweep.dynamics.model.TokenPairSource;

/**
 * The decoupled control of {@link TokenPairGenerator} ({@code tokens.decouple = true}): every
 * location of a sample draws its own global pattern, so the locations are independent while each
 * keeps exactly the pair law it has in the coupled data.
 *
 * <pre>
 *   for each sample i and each location k, independently:  z_k ~ U{0 … G−1}
 *     z_k fixes k:       x1_k = x2_k = token(z_k, k)
 *     z_k wild at k:     x1_k ~ U{0 … n−1};  x2_k = a fresh draw ~ U{0 … n−1} with probability
 *                        q_{z_k} = aug_degree / w_{z_k}, else x1_k
 * </pre>
 * In the coupled generator a pattern z redraws a uniform aug_degree-subset of its w_z wildcards,
 * so each of them with probability q_z: the law of (z, x1_k, x2_k) at one location is the same
 * in both generators, and with it frequency, invariance, pair covariance, discriminativeness
 * ({@link TokenStatistics}), the location's P_k(a, b) ({@link LocationPairDistribution}) and the
 * per-location z-explained share R²_k (with z read as the location's own z_k). What changes is
 * the joint law across locations: here (x1_k, x2_k) and (x1_l, x2_l) are independent for k ≠ l,
 * so the cross-location blocks of Cov(x1, x2) vanish and, under uniform α, the global-modulation
 * term δ_k of SCIENCE.md §3 is 0.
 *
 * <p>The draws of one sample are, in order, for each location: z_k, then for a wildcard the
 * view-1 token, the redraw decision and, if redrawn, the view-2 token. Deterministic given the
 * stream; allocation-free per batch. Not thread-safe: one instance per run.
 */
public final class DecoupledTokenPairGenerator implements TokenPairSource {
    private final int vocab;
    private final int locations;
    private final int[][] patterns;
    private final double[] redraw;
    private final RandomGenerator rng;

    /**
     * @param table the pattern table
     * @param pairs its pair distribution ({@link LocationPairDistribution#of}), which holds q_z
     * @param rng   the run's data stream. Modified by every {@link #next}.
     */
    public DecoupledTokenPairGenerator(TokenPatterns table, LocationPairDistribution pairs, RandomGenerator rng) {
        this.vocab = table.vocab();
        this.locations = table.locations();
        this.rng = rng;
        this.patterns = table.rows();
        this.redraw = new double[table.count()];
        for (int g = 0; g < table.count(); g++) {
            redraw[g] = pairs.redrawProbability(g);
        }
    }

    @Override
    public void next(TokenPairBatch out) {
        if (out.locations() != locations) {
            throw new IllegalArgumentException("batch has " + out.locations() + " locations, expected " + locations);
        }
        int[] v1 = out.view1();
        int[] v2 = out.view2();
        int size = out.size();
        int count = patterns.length;
        for (int i = 0; i < size; i++) {
            int off = i * locations;
            for (int k = 0; k < locations; k++) {
                int z = rng.nextInt(count);
                int t = patterns[z][k];
                if (t >= 0) {
                    v1[off + k] = t;
                    v2[off + k] = t;
                } else {
                    int a = rng.nextInt(vocab);
                    v1[off + k] = a;
                    v2[off + k] = rng.nextDouble() < redraw[z] ? rng.nextInt(vocab) : a;
                }
            }
        }
    }
}
