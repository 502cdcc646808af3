package org.clsweep.data.spec;

import java.io.Serializable;

/**
 * The one-layer pattern geometry, spec block {@code geometry}.
 *
 * @param kind          {@code geometry.kind}
 * @param patterns      {@code geometry.patterns}, L ≥ 1
 * @param dim           {@code geometry.dim}, d ≥ 1
 * @param cosine        {@code geometry.cosine}, pairwise cosine for equiangular, in (−1/(L−1), 1)
 * @param noise         {@code geometry.noise}, σ ≥ 0
 * @param magStart      {@code geometry.mag_start}, ‖μ_1‖ &gt; 0
 * @param magEnd        {@code geometry.mag_end}, ‖μ_L‖ &gt; 0; magnitudes are linear in between
 * @param probs         {@code geometry.probs}
 * @param zipfExponent  {@code geometry.zipf_exponent}, s ≥ 0, read for Zipf probabilities
 */
public record GeometrySpec(GeometryKind kind, int patterns, int dim, double cosine, double noise,
                           double magStart, double magEnd, ProbsKind probs, double zipfExponent)
        implements Serializable {
    public GeometrySpec {
        Check.notNull("geometry.kind", kind);
        Check.notNull("geometry.probs", probs);
        Check.atLeast("geometry.patterns", patterns, 1);
        Check.atLeast("geometry.dim", dim, 1);
        Check.nonNegative("geometry.noise", noise);
        Check.positive("geometry.mag_start", magStart);
        Check.positive("geometry.mag_end", magEnd);
        Check.nonNegative("geometry.zipf_exponent", zipfExponent);
        switch (kind) {
            case ORTHOGONAL:
                if (dim < patterns) {
                    throw new SpecException("geometry.dim", "geometry.dim must be >= geometry.patterns for "
                            + "orthogonal patterns, found dim " + dim + " < patterns " + patterns);
                }
                break;
            case EQUIANGULAR:
                if (dim < patterns) {
                    throw new SpecException("geometry.dim", "geometry.dim must be >= geometry.patterns for "
                            + "equiangular patterns, found dim " + dim + " < patterns " + patterns);
                }
                double lower = patterns > 1 ? -1.0 / (patterns - 1) : -1.0;
                if (!(cosine > lower && cosine < 1.0)) {
                    throw new SpecException("geometry.cosine", "geometry.cosine must be in (" + lower
                            + ", 1) for " + patterns + " equiangular patterns, found " + cosine);
                }
                break;
            case PAIRS:
                long maxPairs = (long) dim * (dim - 1) / 2;
                if (patterns > maxPairs) {
                    throw new SpecException("geometry.patterns", "geometry.patterns must be <= dim·(dim−1)/2 = "
                            + maxPairs + " for two-hot pairs in dim " + dim + ", found " + patterns);
                }
                break;
            case RANDOM:
                break;
            default:
                throw new AssertionError(kind);
        }
    }
}
