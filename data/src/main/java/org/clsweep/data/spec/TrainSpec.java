package org.clsweep.data.spec;

import java.io.Serializable;

import org.clsweep.dynamics.objective.LossType;

/**
 * Training settings, spec block {@code train}.
 *
 * @param loss            {@code train.loss}, infonce | quadratic (sampled training)
 * @param temperature     {@code train.temperature}, τ &gt; 0
 * @param lr              {@code train.lr}, step size &gt; 0 (population flow: the Euler step)
 * @param momentum        {@code train.momentum}, in [0, 1)
 * @param weightDecay     {@code train.weight_decay}, ≥ 0, coupled (g ← g + wd·θ)
 * @param batch           {@code train.batch}, samples per minibatch, ≥ 2
 * @param steps           {@code train.steps}, the step budget, ≥ 1
 * @param normalizeRows   {@code train.normalize_rows}, renormalise one-layer rows to unit norm each step
 * @param normalizeOutput {@code train.normalize_output}, normalise outputs before the loss
 * @param tol             {@code train.tol}, population flow stops when the residual falls below it
 * @param traceEvery      {@code train.trace_every}, iterations between trace records, ≥ 1
 */
public record TrainSpec(LossType loss, double temperature, double lr, double momentum, double weightDecay,
                        int batch, int steps, boolean normalizeRows, boolean normalizeOutput, double tol,
                        int traceEvery) implements Serializable {
    public TrainSpec {
        Check.notNull("train.loss", loss);
        Check.positive("train.temperature", temperature);
        Check.positive("train.lr", lr);
        Check.inRange("train.momentum", momentum, 0.0, 1.0, false, true);
        Check.nonNegative("train.weight_decay", weightDecay);
        Check.atLeast("train.batch", batch, 2);
        Check.atLeast("train.steps", steps, 1);
        Check.positive("train.tol", tol);
        Check.atLeast("train.trace_every", traceEvery, 1);
    }
}
