package org.clsweep.dynamics.trainer;

/**
 * How a {@link TrainingLoop} run ended.
 *
 * @param stepsDone steps taken (for DIVERGED, including the step that diverged)
 * @param end       CONTINUE when the step budget ran out, else the stop rule's decision
 * @param lastLoss  the value the last step returned (NaN when no step was taken)
 */
public record TrainingOutcome(int stepsDone, Action end, double lastLoss) {
}
