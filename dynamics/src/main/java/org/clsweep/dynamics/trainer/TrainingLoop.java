package org.clsweep.dynamics.trainer;

/**
 * The one training loop of clsweep: step, observe, ask the stop rule; until it says stop or the
 * step budget runs out.
 *
 * <pre>
 *   for t = 0 .. maxSteps−1:  loss = model.step(t);  observers.onStep(t, loss);
 *                              if rule.check(t, loss) ≠ CONTINUE: stop
 * </pre>
 *
 * @see StopRule
 * @see StepObserver
 */
public final class TrainingLoop {
    private TrainingLoop() {
    }

    /**
     * @param model     the model to train. Modified.
     * @param maxSteps  the step budget, ≥ 0
     * @param rule      the stop rule
     * @param observers called after every step, in order
     */
    public static TrainingOutcome run(SteppedModel model, int maxSteps, StopRule rule, StepObserver... observers) {
        if (maxSteps < 0) {
            throw new IllegalArgumentException("maxSteps must be >= 0, found " + maxSteps);
        }
        for (int o = 0; o < observers.length; o++) {
            observers[o].init(model);
        }
        double loss = Double.NaN;
        Action end = Action.CONTINUE;
        int t = 0;
        while (t < maxSteps) {
            loss = model.step(t);
            for (int o = 0; o < observers.length; o++) {
                observers[o].onStep(t, loss, model);
            }
            end = rule.check(t, loss, model);
            t++;
            if (end != Action.CONTINUE) {
                break;
            }
        }
        for (int o = 0; o < observers.length; o++) {
            observers[o].finish(t, end, model);
        }
        return new TrainingOutcome(t, end, loss);
    }
}
