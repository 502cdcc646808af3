package org.clsweep.dynamics.model;

import org.ejml.data.DMatrixRMaj;

/**
 * A stream of minibatches of positive pairs: row i of the two outputs holds the two augmented
 * views x_i, x'_i of sample i. Fresh samples on every call. Implementations own their random
 * stream and must not allocate per call; not thread-safe.
 */
public interface ViewPairSource {

    /**
     * Draws the next minibatch.
     *
     * @param view1 N×d, row i = x_i. Modified.
     * @param view2 N×d, row i = x'_i. Modified.
     */
    void next(DMatrixRMaj view1, DMatrixRMaj view2);
}
