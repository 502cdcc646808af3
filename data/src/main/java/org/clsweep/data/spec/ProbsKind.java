package org.clsweep.data.spec;

/** How the pattern probabilities π_l are set: spec key {@code geometry.probs}. */
public enum ProbsKind {
    /** π_l = 1/L. */
    UNIFORM,
    /** π_l ∝ 1 / l^s, s = {@code geometry.zipf_exponent}, l = 1..L. */
    ZIPF;

    public String specName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
