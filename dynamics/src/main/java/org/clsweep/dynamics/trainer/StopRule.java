package org.clsweep.dynamics.trainer;

/** Decides after each step whether training goes on. */
@FunctionalInterface
public interface StopRule {

    /**
     * @param iteration the step just taken (0-based)
     * @param loss      the value the step returned
     * @param model     the model. Not modified.
     */
    Action check(int iteration, double loss, SteppedModel model);

    /** Stops with DIVERGED on a non-finite loss, with CONVERGED when the model says so. */
    static StopRule standard() {
        return (iteration, loss, model) -> {
            if (!Double.isFinite(loss)) {
                return Action.DIVERGED;
            }
            return model.converged() ? Action.CONVERGED : Action.CONTINUE;
        };
    }
}
