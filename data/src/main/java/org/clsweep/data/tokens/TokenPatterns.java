package org.clsweep.data.tokens;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.clsweep.data.spec.TokenPatternFormat;
import org.clsweep.data.spec.TokenSpec;

/**
 * The pattern table of the token experiment (SCIENCE.md §3): which tokens each location allows
 * and the G global patterns.
 *
 * <pre>
 *   allowed(k) ⊂ {0 … n−1}, |allowed(k)| = P            uniform without replacement, per location
 *   pattern g: L distinct locations, uniform;  token(g, k) uniform in allowed(k) there;
 *              every other location a wildcard (−1)
 *   usage(k, a) = #{g : token(g, k) = a}                 C_k = {a : usage(k, a) &gt; 0}
 * </pre>
 * Drawn in this order from the given stream: allowed(0) … allowed(K−1), then patterns 0 … G−1
 * (each: its locations, then their tokens in location order). Repeated patterns are allowed, as
 * in the reference. With {@code tokens.explicit_patterns} the table is the parsed patterns
 * instead, and allowed(k) = C_k. Immutable.
 *
 * @see TokenPatternFormat
 * @see TokenPairGenerator
 */
public final class TokenPatterns {
    private final int vocab;
    private final int locations;
    private final int[][] allowed;
    private final int[][] patterns;
    private final int[][] usage;

    private TokenPatterns(int vocab, int locations, int[][] allowed, int[][] patterns) {
        this.vocab = vocab;
        this.locations = locations;
        this.allowed = allowed;
        this.patterns = patterns;
        this.usage = new int[locations][vocab];
        for (int[] p : patterns) {
            for (int k = 0; k < locations; k++) {
                if (p[k] != TokenPatternFormat.WILDCARD_ID) {
                    usage[k][p[k]]++;
                }
            }
        }
    }

    /**
     * The table of a spec: its explicit patterns if it has any, else random ones.
     *
     * @param spec the token spec
     * @param rng  the run's pattern stream (read only for random patterns). Modified.
     */
    public static TokenPatterns of(TokenSpec spec, RandomGenerator rng) {
        return spec.explicitPatterns().isEmpty() ? random(spec, rng) : explicit(spec);
    }

    /** G random patterns as described above. */
    public static TokenPatterns random(TokenSpec spec, RandomGenerator rng) {
        int n = spec.vocab();
        int kk = spec.locations();
        int p = spec.perLocation();
        int[] perm = new int[Math.max(n, kk)];
        int[][] allowed = new int[kk][];
        for (int k = 0; k < kk; k++) {
            allowed[k] = partialShuffle(perm, n, p, rng);
        }
        int[][] patterns = new int[spec.patterns()][kk];
        for (int g = 0; g < patterns.length; g++) {
            Arrays.fill(patterns[g], TokenPatternFormat.WILDCARD_ID);
            int[] locs = partialShuffle(perm, kk, spec.patternLen(), rng);
            for (int loc : locs) {
                patterns[g][loc] = allowed[loc][rng.nextInt(p)];
            }
        }
        return new TokenPatterns(n, kk, allowed, patterns);
    }

    /** The parsed {@code tokens.explicit_patterns}; allowed(k) = C_k in increasing order. */
    public static TokenPatterns explicit(TokenSpec spec) {
        int[][] patterns = TokenPatternFormat.parse(spec.explicitPatterns(), spec.vocab(), spec.locations(),
                spec.augDegree());
        int[][] allowed = new int[spec.locations()][];
        for (int k = 0; k < allowed.length; k++) {
            boolean[] seen = new boolean[spec.vocab()];
            int count = 0;
            for (int[] row : patterns) {
                if (row[k] >= 0 && !seen[row[k]]) {
                    seen[row[k]] = true;
                    count++;
                }
            }
            allowed[k] = new int[count];
            int c = 0;
            for (int a = 0; a < seen.length; a++) {
                if (seen[a]) {
                    allowed[k][c++] = a;
                }
            }
        }
        return new TokenPatterns(spec.vocab(), spec.locations(), allowed, patterns);
    }

    /** The first {@code take} entries of a uniform random permutation of 0 … size−1, in draw order. */
    private static int[] partialShuffle(int[] scratch, int size, int take, RandomGenerator rng) {
        for (int i = 0; i < size; i++) {
            scratch[i] = i;
        }
        int[] out = new int[take];
        for (int i = 0; i < take; i++) {
            int j = i + rng.nextInt(size - i);
            int t = scratch[i];
            scratch[i] = scratch[j];
            scratch[j] = t;
            out[i] = scratch[i];
        }
        return out;
    }

    /** n. */
    public int vocab() {
        return vocab;
    }

    /** K. */
    public int locations() {
        return locations;
    }

    /** G, the number of patterns. */
    public int count() {
        return patterns.length;
    }

    /** The token pattern g fixes at location k, or −1 for a wildcard. */
    public int token(int g, int k) {
        return patterns[g][k];
    }

    /** The table as a new G×K array: [g][k] = {@link #token(int, int) token(g, k)}. */
    public int[][] rows() {
        int[][] copy = new int[patterns.length][];
        for (int g = 0; g < patterns.length; g++) {
            copy[g] = patterns[g].clone();
        }
        return copy;
    }

    /** The allowed tokens of location k, in draw order. */
    public int[] allowed(int k) {
        return allowed[k].clone();
    }

    /** How many patterns put token a at location k. */
    public int usage(int k, int a) {
        return usage[k][a];
    }

    /** usage(k, a) as a new K×n table. */
    public int[][] usageTable() {
        int[][] copy = new int[locations][];
        for (int k = 0; k < locations; k++) {
            copy[k] = usage[k].clone();
        }
        return copy;
    }

    /** The patterns in {@link TokenPatternFormat}, joined by its separator. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int g = 0; g < patterns.length; g++) {
            if (g > 0) {
                sb.append(TokenPatternFormat.SEPARATOR);
            }
            sb.append(TokenPatternFormat.format(patterns[g]));
        }
        return sb.toString();
    }
}
