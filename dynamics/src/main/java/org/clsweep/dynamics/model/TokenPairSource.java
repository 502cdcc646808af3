package org.clsweep.dynamics.model;

/**
 * Where a two-layer run gets a fresh minibatch of positive pairs every iteration.
 * Implementations must not allocate in {@link #next}.
 */
@FunctionalInterface
public interface TokenPairSource {

    /**
     * Draws the next minibatch.
     *
     * @param out the batch to fill, of the source's shape. Modified.
     */
    void next(TokenPairBatch out);
}
