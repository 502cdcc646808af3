package org.clsweep.jobs.export.section;

import org.clsweep.dynamics.activation.Activation;

/**
 * Which of the paper's predictions a cell's activation falls under. Leaky ReLU with slope c is
 * ReLU at c = 0 and linear at c = 1; in between the paper predicts only the trend in c (fewer
 * optima as c grows), so the figures make no ReLU or linear claim for it. Sigmoid and quadratic
 * are non-homogeneous controls the theory does not cover.
 */
enum ActivationRegime {
    LINEAR,
    RELU,
    /** Leaky ReLU with 0 &lt; c &lt; 1. */
    INTERMEDIATE,
    /** Non-homogeneous activations. */
    CONTROL;

    /**
     * @param activation the cell's activation
     * @param slope      its {@code leaky_slope} (read for leaky ReLU only)
     */
    static ActivationRegime of(Activation activation, double slope) {
        return switch (activation) {
            case LINEAR -> LINEAR;
            case RELU -> RELU;
            case LEAKY_RELU -> slope == 0.0 ? RELU : slope == 1.0 ? LINEAR : INTERMEDIATE;
            case SIGMOID, QUADRATIC -> CONTROL;
        };
    }
}
