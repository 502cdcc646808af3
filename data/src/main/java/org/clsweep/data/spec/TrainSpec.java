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
        SpecKey.TRAIN_LOSS.requirePresent(loss);
        SpecKey.TRAIN_TEMPERATURE.check(temperature);
        SpecKey.TRAIN_LR.check(lr);
        SpecKey.TRAIN_MOMENTUM.check(momentum);
        SpecKey.TRAIN_WEIGHT_DECAY.check(weightDecay);
        SpecKey.TRAIN_BATCH.check(batch);
        SpecKey.TRAIN_STEPS.check(steps);
        SpecKey.TRAIN_TOL.check(tol);
        SpecKey.TRAIN_TRACE_EVERY.check(traceEvery);
    }

    /** The block's record from its keys. */
    static TrainSpec from(SpecValues v) {
        return new TrainSpec(
                v.choice(LossType.class, SpecKey.TRAIN_LOSS),
                v.real(SpecKey.TRAIN_TEMPERATURE),
                v.real(SpecKey.TRAIN_LR),
                v.real(SpecKey.TRAIN_MOMENTUM),
                v.real(SpecKey.TRAIN_WEIGHT_DECAY),
                v.integer(SpecKey.TRAIN_BATCH),
                v.integer(SpecKey.TRAIN_STEPS),
                v.bool(SpecKey.TRAIN_NORMALIZE_ROWS),
                v.bool(SpecKey.TRAIN_NORMALIZE_OUTPUT),
                v.real(SpecKey.TRAIN_TOL),
                v.integer(SpecKey.TRAIN_TRACE_EVERY));
    }
}
