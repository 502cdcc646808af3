package org.clsweep.data.spec;

/** How a one-layer run is trained: spec key {@code mode}. */
public enum Mode {
    /** The exact expected dynamics under uniform α, integrated on the sphere. */
    POPULATION,
    /** Sampled minibatches, a contrastive loss, SGD with momentum. */
    SGD;

    public String specName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
