package org.clsweep.data.experiment;

/** How a run ended: column {@code status} of the runs table. */
public enum RunStatus {
    /** Finished (converged or used its step budget); metrics are set. */
    OK,
    /** A non-finite loss or state stopped training; {@code steps_done} is the iteration. */
    DIVERGED,
    /** The run threw; {@code error} says why. Other runs carry on. */
    FAILED
}
