package org.clsweep.dynamics.objective;

import org.ejml.data.DMatrixRMaj;

/**
 * A contrastive loss on a batch of paired outputs, with its gradient derived by hand.
 * Implementations own a workspace sized for one batch shape and are not thread-safe: make one per
 * run.
 *
 * <pre>
 *   z1, z2 : N×m outputs of the two views (row i = sample i)
 *   loss   : SCIENCE.md §1, after optional row normalisation of z1 and z2
 * </pre>
 */
public interface ContrastiveLoss {

    /**
     * Evaluates the loss and its gradient with respect to the raw (unnormalised) outputs.
     *
     * @param z1    view-1 outputs, N×m. Not modified.
     * @param z2    view-2 outputs, N×m. Not modified.
     * @param grad1 ∂loss/∂z1, N×m. Modified.
     * @param grad2 ∂loss/∂z2, N×m. Modified.
     * @return the loss (non-finite values are returned as they are, for the caller's stop rule)
     */
    double evaluate(DMatrixRMaj z1, DMatrixRMaj z2, DMatrixRMaj grad1, DMatrixRMaj grad2);

    /**
     * The mean pairwise importance α_ij (i ≠ j) of the last evaluated batch, for losses that have
     * a batch-dependent α (InfoNCE); NaN for the others and before the first call.
     */
    default double alphaMean() {
        return Double.NaN;
    }

    /** The largest α_ij (i ≠ j) of the last evaluated batch; NaN where {@link #alphaMean()} is. */
    default double alphaMax() {
        return Double.NaN;
    }
}
