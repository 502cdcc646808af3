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
 * @param dataset       the {@code geometry.source}, … keys: which points a {@code dataset} geometry
 *                      takes. For that kind, L = {@code patterns} and d = {@code dim} are the
 *                      selection's, set when the data is read ({@link #withData}); π is uniform and
 *                      the magnitudes are the points' own
 */
public record GeometrySpec(GeometryKind kind, int patterns, int dim, double cosine, double noise,
                           double magStart, double magEnd, ProbsKind probs, double zipfExponent,
                           DatasetSpec dataset)
        implements Serializable {
    /** A generated geometry: the dataset keys at their defaults. */
    public GeometrySpec(GeometryKind kind, int patterns, int dim, double cosine, double noise,
                        double magStart, double magEnd, ProbsKind probs, double zipfExponent) {
        this(kind, patterns, dim, cosine, noise, magStart, magEnd, probs, zipfExponent, DatasetSpec.DEFAULTS);
    }

    public GeometrySpec {
        SpecKey.GEOMETRY_KIND.requirePresent(kind);
        SpecKey.GEOMETRY_PROBS.requirePresent(probs);
        SpecKey.Block.GEOMETRY.requirePresent(dataset);
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
            case DATASET:
                dataset.checkForDataset();
                checkUniformUnscaled(probs, magStart, magEnd);
                break;
            default:
                throw new AssertionError(kind);
        }
    }

    /**
     * This dataset geometry bound to the selection read: L points in R^d with the given checksum.
     *
     * @param points  L, the points selected
     * @param d       their dimension
     * @param sha256  the selection's checksum
     * @param sources the files read, for the message
     * @throws SpecException on {@code geometry.checksum} when the spec pins another checksum
     */
    public GeometrySpec withData(int points, int d, String sha256, String sources) {
        if (!dataset.checksum().isEmpty() && !dataset.checksum().equals(sha256)) {
            String key = SpecKey.GEOMETRY_CHECKSUM.key();
            throw new SpecException(key, sources + ": the selection's SHA-256 is " + sha256 + ", but " + key
                    + " = " + dataset.checksum() + " (the data changed, or the checksum is of another selection)");
        }
        return new GeometrySpec(kind, points, d, cosine, noise, magStart, magEnd, probs, zipfExponent,
                dataset.withChecksum(sha256));
    }

    /** A dataset's π is uniform and its magnitudes are the points' own. */
    private static void checkUniformUnscaled(ProbsKind probs, double magStart, double magEnd) {
        String kindKey = SpecKey.GEOMETRY_KIND.key();
        if (probs != ProbsKind.UNIFORM) {
            String key = SpecKey.GEOMETRY_PROBS.key();
            throw new SpecException(key, key + " = " + probs.specName() + " does not apply to " + kindKey
                    + " = dataset: every selected point has probability 1/L");
        }
        if (magStart != 1.0 || magEnd != 1.0) {
            String key = magStart != 1.0 ? SpecKey.GEOMETRY_MAG_START.key() : SpecKey.GEOMETRY_MAG_END.key();
            throw new SpecException(key, key + " = " + (magStart != 1.0 ? magStart : magEnd)
                    + " does not apply to " + kindKey + " = dataset: the points keep their own norms ("
                    + SpecKey.GEOMETRY_NORMALIZE.key() + " scales them)");
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
                v.real(SpecKey.GEOMETRY_ZIPF_EXPONENT),
                DatasetSpec.from(v));
    }
}
