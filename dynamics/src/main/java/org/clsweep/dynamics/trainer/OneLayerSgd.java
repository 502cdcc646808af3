package org.clsweep.dynamics.trainer;

import org.clsweep.dynamics.model.OneLayerNetwork;
import org.clsweep.dynamics.model.ViewPairSource;
import org.clsweep.dynamics.objective.ContrastiveLoss;
import org.clsweep.dynamics.optim.MomentumSgd;
import org.ejml.data.DMatrixRMaj;

/**
 * Sampled (SGD) training of a one-layer network, SCIENCE.md §2 "Sampled mode", one minibatch per
 * step.
 *
 * <pre>
 *   (X₁, X₂) ~ source                          N fresh positive pairs
 *   L, ∇_W L = network.lossAndGradient(W, X₁, X₂)
 *   W ← MomentumSgd(W, ∇_W L)                  coupled weight decay, momentum
 *   w_k ← w_k / ‖w_k‖  for every row k          when rows are normalised
 * </pre>
 * A non-finite loss is returned without updating W, and a step whose update leaves a non-finite
 * entry in W returns NaN, so the {@link StopRule#standard() standard stop rule} ends the run as
 * DIVERGED at that iteration. With row renormalisation W stays on the unit sphere whatever the step
 * size, so only an update that overflows double range diverges; without it a loss that is unbounded
 * below in ‖W‖ (raw outputs) lets a large step blow W up. A zero row is left as it is.
 * {@link #step} does not allocate.
 *
 * @see OneLayerNetwork
 * @see MomentumSgd
 */
public final class OneLayerSgd implements SteppedModel {
    private final DMatrixRMaj weights;
    private final OneLayerNetwork network;
    private final ViewPairSource source;
    private final ContrastiveLoss loss;
    private final MomentumSgd optimizer;
    private final boolean normalizeRows;

    private final DMatrixRMaj view1;
    private final DMatrixRMaj view2;
    private final DMatrixRMaj gradient;

    /**
     * @param weights       W, n×d, the initial weights; trained in place. Modified.
     * @param network       forward/backward for (n, d, N)
     * @param source        minibatches of N pairs in R^d
     * @param loss          sized for N×n
     * @param optimizer     sized for n×d
     * @param normalizeRows renormalise each row to unit norm after every step
     */
    public OneLayerSgd(DMatrixRMaj weights, OneLayerNetwork network, ViewPairSource source, ContrastiveLoss loss,
                       MomentumSgd optimizer, boolean normalizeRows) {
        if (weights.numRows != network.width() || weights.numCols != network.dim()) {
            throw new IllegalArgumentException("weights must be " + network.width() + "×" + network.dim()
                    + ", found " + weights.numRows + "×" + weights.numCols);
        }
        this.weights = weights;
        this.network = network;
        this.source = source;
        this.loss = loss;
        this.optimizer = optimizer;
        this.normalizeRows = normalizeRows;
        this.view1 = new DMatrixRMaj(network.batch(), network.dim());
        this.view2 = new DMatrixRMaj(network.batch(), network.dim());
        this.gradient = new DMatrixRMaj(network.width(), network.dim());
    }

    @Override
    public double step(int iteration) {
        source.next(view1, view2);
        double value = network.lossAndGradient(weights, view1, view2, loss, gradient);
        if (!Double.isFinite(value)) {
            return value;
        }
        optimizer.step(weights, gradient);
        boolean finite = normalizeRows ? normalizeRows(weights) : allFinite(weights);
        return finite ? value : Double.NaN;
    }

    /** W, the weights being trained (n×d). Not to be modified by the caller. */
    public DMatrixRMaj weights() {
        return weights;
    }

    /**
     * Scales every row of {@code w} to unit norm; a zero row is left as it is. The norm is taken
     * after scaling by the row's largest magnitude, so finite rows of any size normalise without
     * overflow.
     *
     * @param w the matrix. Modified.
     * @return false when some entry is not finite (those rows are left as they are)
     */
    public static boolean normalizeRows(DMatrixRMaj w) {
        final double[] d = w.data;
        final int cols = w.numCols;
        boolean finite = true;
        for (int r = 0; r < w.numRows; r++) {
            final int off = r * cols;
            double max = 0.0;
            for (int c = 0; c < cols; c++) {
                max = Math.max(max, Math.abs(d[off + c]));
            }
            if (!Double.isFinite(max)) {
                finite = false;
                continue;
            }
            if (max == 0.0) {
                continue;
            }
            double ss = 0.0;
            for (int c = 0; c < cols; c++) {
                double v = d[off + c] / max;
                ss += v * v;
            }
            final double root = Math.sqrt(ss);
            for (int c = 0; c < cols; c++) {
                d[off + c] = d[off + c] / max / root;
            }
        }
        return finite;
    }

    private static boolean allFinite(DMatrixRMaj w) {
        final double[] d = w.data;
        final int size = w.getNumElements();
        for (int k = 0; k < size; k++) {
            if (!Double.isFinite(d[k])) {
                return false;
            }
        }
        return true;
    }
}
