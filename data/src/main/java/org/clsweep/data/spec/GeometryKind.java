package org.clsweep.data.spec;

/** How the one-layer patterns μ_l are laid out: spec key {@code geometry.kind}. */
public enum GeometryKind {
    /** Scaled standard basis vectors: pairwise cosine 0; needs dim ≥ patterns. */
    ORTHOGONAL,
    /** Unit vectors with pairwise cosine {@code geometry.cosine}; needs dim ≥ patterns. */
    EQUIANGULAR,
    /** Independent uniform directions on the sphere. */
    RANDOM,
    /** Two-hot vectors (e_i + e_j)/√2 over distinct pairs: more patterns than dimensions. */
    PAIRS,
    /**
     * Data points read from a file ({@link DatasetSpec}): L and d are the selection's, π is uniform;
     * one layer only.
     */
    DATASET;

    /**
     * Whether the directions are drawn from the run's pattern stream, which depends on the seed
     * only: every seed has its own patterns (the same in all cells of that seed, for equal
     * patterns and dim), where orthogonal and equiangular patterns are the same in every run.
     */
    public boolean drawnPerSeed() {
        return this == RANDOM || this == PAIRS;
    }

    public String specName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
