package org.clsweep.dynamics.model;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The one-layer data distribution: a mixture of L patterns μ_1..μ_L ∈ R^d with probabilities
 * π_l and isotropic view noise σ.
 *
 * <pre>
 *   sample:  l ~ π,   x = μ_l + σ·ε,   x' = μ_l + σ·ε',   ε, ε' ~ N(0, I_d) independent
 * </pre>
 * The two views share the pattern, not the noise. Immutable; the arrays handed in are copied.
 */
public final class PatternMixture implements Serializable {
    private static final long serialVersionUID = 1L;

    private final double[][] patterns;
    private final double[] probs;
    private final double noise;

    /**
     * @param patterns L rows of length d, the μ_l. Not modified.
     * @param probs    π_l, non-negative, summing to 1 within 1e-9. Not modified.
     * @param noise    σ ≥ 0
     */
    public PatternMixture(double[][] patterns, double[] probs, double noise) {
        if (patterns.length == 0) {
            throw new IllegalArgumentException("a pattern mixture needs at least one pattern");
        }
        int d = patterns[0].length;
        if (d == 0) {
            throw new IllegalArgumentException("patterns must have dimension >= 1");
        }
        this.patterns = new double[patterns.length][];
        for (int l = 0; l < patterns.length; l++) {
            if (patterns[l].length != d) {
                throw new IllegalArgumentException("pattern " + l + " has dimension " + patterns[l].length
                        + ", expected " + d);
            }
            this.patterns[l] = patterns[l].clone();
        }
        if (probs.length != patterns.length) {
            throw new IllegalArgumentException(probs.length + " probabilities for " + patterns.length + " patterns");
        }
        double sum = 0.0;
        for (double p : probs) {
            if (!(p >= 0.0)) {
                throw new IllegalArgumentException("pattern probabilities must be >= 0, found " + p);
            }
            sum += p;
        }
        if (Math.abs(sum - 1.0) > 1e-9) {
            throw new IllegalArgumentException("pattern probabilities must sum to 1, found " + sum);
        }
        if (!(noise >= 0.0) || Double.isInfinite(noise)) {
            throw new IllegalArgumentException("noise must be >= 0 and finite, found " + noise);
        }
        this.probs = probs.clone();
        this.noise = noise;
    }

    /** L, the number of patterns. */
    public int patternCount() {
        return patterns.length;
    }

    /** d, the input dimension. */
    public int dim() {
        return patterns[0].length;
    }

    /** Component {@code i} of μ_l. */
    public double pattern(int l, int i) {
        return patterns[l][i];
    }

    /** A copy of μ_l. */
    public double[] patternCopy(int l) {
        return patterns[l].clone();
    }

    /** π_l. */
    public double prob(int l) {
        return probs[l];
    }

    /** σ. */
    public double noise() {
        return noise;
    }

    @Override
    public String toString() {
        return "PatternMixture[L=" + patterns.length + ", d=" + dim() + ", noise=" + noise
                + ", probs=" + Arrays.toString(probs) + "]";
    }
}
