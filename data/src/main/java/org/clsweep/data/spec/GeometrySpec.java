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
        SpecKey.GEOMETRY_KIND.requirePresent(kind);
        SpecKey.GEOMETRY_PROBS.requirePresent(probs);
        SpecKey.GEOMETRY_PATTERNS.check(patterns);
        SpecKey.GEOMETRY_DIM.check(dim);
        SpecKey.GEOMETRY_NOISE.check(noise);
        SpecKey.GEOMETRY_MAG_START.check(magStart);
        SpecKey.GEOMETRY_MAG_END.check(magEnd);
        SpecKey.GEOMETRY_ZIPF_EXPONENT.check(zipfExponent);
        String dimKey = SpecKey.GEOMETRY_DIM.key();
        switch (kind) {
            case ORTHOGONAL:
            case EQUIANGULAR:
                if (dim < patterns) {
                    throw new SpecException(dimKey, dimKey + " must be >= " + SpecKey.GEOMETRY_PATTERNS.key()
                            + " for " + kind.specName() + " patterns, found dim " + dim + " < patterns " + patterns);
                }
                if (kind == GeometryKind.ORTHOGONAL) {
                    break;
                }
                double lower = patterns > 1 ? -1.0 / (patterns - 1) : -1.0;
                if (!(cosine > lower && cosine < 1.0)) {
                    String key = SpecKey.GEOMETRY_COSINE.key();
                    throw new SpecException(key, key + " must be in (" + lower
                            + ", 1) for " + patterns + " equiangular patterns, found " + cosine);
                }
                break;
            case PAIRS:
                long maxPairs = (long) dim * (dim - 1) / 2;
                if (patterns > maxPairs) {
                    String key = SpecKey.GEOMETRY_PATTERNS.key();
                    throw new SpecException(key, key + " must be <= dim·(dim−1)/2 = "
                            + maxPairs + " for two-hot pairs in dim " + dim + ", found " + patterns);
                }
                break;
            case RANDOM:
                break;
            default:
                throw new AssertionError(kind);
        }
    }

    /** The block's record from its keys. */
    static GeometrySpec from(SpecValues v) {
        return new GeometrySpec(
                v.choice(GeometryKind.class, SpecKey.GEOMETRY_KIND),
                v.integer(SpecKey.GEOMETRY_PATTERNS),
                v.integer(SpecKey.GEOMETRY_DIM),
                v.real(SpecKey.GEOMETRY_COSINE),
                v.real(SpecKey.GEOMETRY_NOISE),
                v.real(SpecKey.GEOMETRY_MAG_START),
                v.real(SpecKey.GEOMETRY_MAG_END),
                v.choice(ProbsKind.class, SpecKey.GEOMETRY_PROBS),
                v.real(SpecKey.GEOMETRY_ZIPF_EXPONENT));
    }
}
