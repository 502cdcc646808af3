package org.clsweep.data.spec;

/** Which network a run trains: spec key {@code model}. */
public enum ModelKind {
    /** n independent nodes h(wᵀx), SCIENCE.md §2. */
    ONELAYER,
    /** K receptive fields, M filters each, a top layer, SCIENCE.md §3. */
    TWOLAYER;

    public String specName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
