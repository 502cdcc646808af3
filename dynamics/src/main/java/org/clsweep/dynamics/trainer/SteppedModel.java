package org.clsweep.dynamics.trainer;

/**
 * Anything the {@link TrainingLoop} can advance one step at a time: the population flow, or SGD
 * on sampled batches. A step must not allocate.
 */
public interface SteppedModel {

    /**
     * Takes one step.
     *
     * @param iteration 0-based index of this step
     * @return the objective value measured during this step (the batch loss, or E(w) for the
     *         population flow); may be non-finite
     */
    double step(int iteration);

    /** Whether the model has reached its own convergence criterion. False by default. */
    default boolean converged() {
        return false;
    }
}
