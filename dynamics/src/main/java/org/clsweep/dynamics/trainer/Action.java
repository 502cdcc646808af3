package org.clsweep.dynamics.trainer;

/** What a {@link StopRule} decides after a step. */
public enum Action {
    /** Keep training. */
    CONTINUE,
    /** Stop: the model has converged (for example the residual fell below the tolerance). */
    CONVERGED,
    /** Stop: the loss or state is no longer finite. The run is DIVERGED, not failed. */
    DIVERGED
}
