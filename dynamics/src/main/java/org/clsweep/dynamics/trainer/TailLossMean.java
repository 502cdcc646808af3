package org.clsweep.dynamics.trainer;

/**
 * The mean loss over the last {@code window} steps of a run (fewer if the run was shorter):
 * the {@code final_loss} of a sampled run, which smooths out the minibatch noise.
 *
 * <pre>
 *   final = (1/k) Σ_{t = T−k}^{T−1} loss_t,   k = min(window, T)
 * </pre>
 * A ring buffer allocated once; {@link #onStep} does not allocate.
 */
public final class TailLossMean implements StepObserver {
    private final double[] ring;
    private int count;

    /** @param window k ≥ 1, e.g. the trace interval */
    public TailLossMean(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be >= 1, found " + window);
        }
        this.ring = new double[window];
    }

    @Override
    public void init(SteppedModel model) {
        count = 0;
    }

    @Override
    public void onStep(int iteration, double loss, SteppedModel model) {
        ring[count % ring.length] = loss;
        count++;
    }

    /** The mean of the last min(window, steps) losses; NaN before the first step. */
    public double mean() {
        int k = Math.min(count, ring.length);
        if (k == 0) {
            return Double.NaN;
        }
        double sum = 0.0;
        for (int i = 0; i < k; i++) {
            sum += ring[i];
        }
        return sum / k;
    }
}
