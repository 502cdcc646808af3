package org.clsweep.dynamics.objective;

/** The contrastive losses of SCIENCE.md §1. */
public enum LossType {
    /** InfoNCE, reference form: negatives from view 1 only, temperature τ. */
    INFONCE,
    /** The uniform-α loss −(1 + 1/N)·mean_i A_ii + mean_{i,j} A_ij with A = S/τ. */
    QUADRATIC;

    public String specName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
