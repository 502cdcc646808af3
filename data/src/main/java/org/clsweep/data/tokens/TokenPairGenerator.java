package org.clsweep.data.tokens;

import java.util.random.RandomGenerator;
import org.clsweep.dynamics.model.TokenPairBatch;
import org.clsweep.dynamics.model.TokenPairSource;

/**
 * Draws positive pairs of token sequences from a pattern table (SCIENCE.md §3).
 *
 * <pre>
 *   for each sample i:  g ~ U{0 … G−1}
 *     view 1:  location k gets token(g, k), or a token ~ U{0 … n−1} where g has a wildcard
 *     view 2:  a copy of view 1 in which aug_degree of g's wildcard locations, chosen uniformly
 *              without replacement, are redrawn ~ U{0 … n−1} (a redraw may repeat the token)
 * </pre>
 * The draws of one sample are, in order: g, the view-1 wildcards by location, then for each of
 * the aug_degree redraws a location and a token. Deterministic given the stream; allocation-free
 * per batch. Not thread-safe: one instance per run.
 *
 * @see TokenPatterns
 */
public final class TokenPairGenerator implements TokenPairSource {
    private final int vocab;
    private final int locations;
    private final int augDegree;
    private final int[][] patterns;
    private final int[][] wildcards;
    private final int[] scratch;
    private final RandomGenerator rng;

    /**
     * @param table     the pattern table
     * @param augDegree wildcard slots view 2 redraws, ≤ the wildcards of every pattern
     * @param rng       the run's data stream. Modified by every {@link #next}.
     */
    public TokenPairGenerator(TokenPatterns table, int augDegree, RandomGenerator rng) {
        this.vocab = table.vocab();
        this.locations = table.locations();
        this.augDegree = augDegree;
        this.rng = rng;
        this.patterns = table.rows();
        this.wildcards = new int[table.count()][];
        for (int g = 0; g < table.count(); g++) {
            int w = 0;
            for (int k = 0; k < locations; k++) {
                if (patterns[g][k] < 0) {
                    w++;
                }
            }
            if (w < augDegree) {
                throw new IllegalArgumentException("pattern " + g + " has " + w + " wildcards, fewer than aug_degree = "
                        + augDegree);
            }
            wildcards[g] = new int[w];
            w = 0;
            for (int k = 0; k < locations; k++) {
                if (patterns[g][k] < 0) {
                    wildcards[g][w++] = k;
                }
            }
        }
        this.scratch = new int[locations];
    }

    @Override
    public void next(TokenPairBatch out) {
        if (out.locations() != locations) {
            throw new IllegalArgumentException("batch has " + out.locations() + " locations, expected " + locations);
        }
        int[] v1 = out.view1();
        int[] v2 = out.view2();
        int size = out.size();
        for (int i = 0; i < size; i++) {
            int g = rng.nextInt(patterns.length);
            int[] p = patterns[g];
            int off = i * locations;
            for (int k = 0; k < locations; k++) {
                int a = p[k] >= 0 ? p[k] : rng.nextInt(vocab);
                v1[off + k] = a;
                v2[off + k] = a;
            }
            int[] wild = wildcards[g];
            int w = wild.length;
            System.arraycopy(wild, 0, scratch, 0, w);
            for (int r = 0; r < augDegree; r++) {
                int j = r + rng.nextInt(w - r);
                int loc = scratch[j];
                scratch[j] = scratch[r];
                scratch[r] = loc;
                v2[off + loc] = rng.nextInt(vocab);
            }
        }
    }
}
