package org.clsweep.dynamics.trainer;

/**
 * Watches a training run: traces, learning curves, timings. Called by {@link TrainingLoop} only;
 * an observer decides itself how often to record (for example every {@code trace_every} steps).
 */
public interface StepObserver {

    /** Before the first step. */
    default void init(SteppedModel model) {
    }

    /**
     * After each step.
     *
     * @param iteration the step just taken (0-based)
     * @param loss      the value the step returned
     * @param model     the model. Not modified.
     */
    void onStep(int iteration, double loss, SteppedModel model);

    /** After the last step. */
    default void finish(int stepsDone, Action end, SteppedModel model) {
    }
}
