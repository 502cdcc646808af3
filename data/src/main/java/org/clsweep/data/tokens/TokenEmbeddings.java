package org.clsweep.data.tokens;

import java.util.random.RandomGenerator;
import org.clsweep.data.spec.TokenSpec;
import org.clsweep.dynamics.model.TokenEmbedding;
import org.ejml.data.DMatrixRMaj;

/**
 * Builds the token embedding of a spec (SCIENCE.md §3).
 *
 * <pre>
 *   magnitudes:  mag(a) = 1/s for a &lt; ⌊n/2⌋,  s otherwise           s = tokens.mag_split
 *   directions:  embed_dim = 0 → one-hot (d = n)
 *                embed_dim = d → u_a = g_a / ‖g_a‖, g_a ~ N(0, I_d)  (drawn column by column)
 * </pre>
 * As in the reference, d &lt; n makes the tokens overlap; d ≥ n gives nearly orthogonal ones.
 */
public final class TokenEmbeddings {
    private TokenEmbeddings() {
    }

    /**
     * @param spec the token spec
     * @param rng  the run's pattern stream, positioned after the pattern table (read only for
     *             random directions). Modified.
     */
    public static TokenEmbedding of(TokenSpec spec, RandomGenerator rng) {
        int n = spec.vocab();
        double[] mag = new double[n];
        for (int a = 0; a < n; a++) {
            mag[a] = a < n / 2 ? 1.0 / spec.magSplit() : spec.magSplit();
        }
        if (spec.embedDim() == 0) {
            return TokenEmbedding.oneHot(mag);
        }
        int d = spec.embedDim();
        DMatrixRMaj g = new DMatrixRMaj(d, n);
        for (int a = 0; a < n; a++) {
            for (int i = 0; i < d; i++) {
                g.set(i, a, rng.nextGaussian());
            }
        }
        return TokenEmbedding.dense(g, mag);
    }
}
