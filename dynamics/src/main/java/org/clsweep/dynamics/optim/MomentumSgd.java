package org.clsweep.dynamics.optim;

import org.ejml.data.DMatrixRMaj;

/**
 * Stochastic gradient descent with heavy-ball momentum and coupled weight decay, for one
 * parameter matrix θ. The convention is PyTorch's {@code torch.optim.SGD} (dampening 0, no
 * Nesterov):
 *
 * <pre>
 *   g ← ∇θ + wd·θ          coupled weight decay: the decay goes through the momentum
 *   v ← μ·v + g            v starts at 0, so the first step is v = g, as PyTorch's buffer
 *   θ ← θ − lr·v
 * </pre>
 * Symbols: lr the step size, μ the momentum, wd the coupled weight decay.
 * The velocity is allocated once for the parameter's shape; {@link #step} does not allocate.
 * Make one instance per parameter matrix and per run; not thread-safe.
 */
public final class MomentumSgd {
    private final double lr;
    private final double momentum;
    private final double weightDecay;
    private final DMatrixRMaj velocity;

    /**
     * @param lr          step size, &gt; 0 and finite
     * @param momentum    μ in [0, 1)
     * @param weightDecay wd ≥ 0
     * @param rows        rows of θ
     * @param cols        columns of θ
     */
    public MomentumSgd(double lr, double momentum, double weightDecay, int rows, int cols) {
        if (!(lr > 0.0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("lr must be > 0 and finite, found " + lr);
        }
        if (!(momentum >= 0.0 && momentum < 1.0)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), found " + momentum);
        }
        if (!(weightDecay >= 0.0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weightDecay must be >= 0 and finite, found " + weightDecay);
        }
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("parameter shape must be at least 1×1, found " + rows + "×" + cols);
        }
        this.lr = lr;
        this.momentum = momentum;
        this.weightDecay = weightDecay;
        this.velocity = new DMatrixRMaj(rows, cols);
    }

    /**
     * One update of θ from its gradient.
     *
     * @param theta θ. Modified.
     * @param grad  ∂loss/∂θ, same shape. Not modified.
     */
    public void step(DMatrixRMaj theta, DMatrixRMaj grad) {
        if (theta.numRows != velocity.numRows || theta.numCols != velocity.numCols
                || grad.numRows != velocity.numRows || grad.numCols != velocity.numCols) {
            throw new IllegalArgumentException("theta " + theta.numRows + "×" + theta.numCols + " and grad "
                    + grad.numRows + "×" + grad.numCols + " must be " + velocity.numRows + "×" + velocity.numCols);
        }
        final double[] t = theta.data;
        final double[] g = grad.data;
        final double[] v = velocity.data;
        final int size = velocity.getNumElements();
        for (int i = 0; i < size; i++) {
            double gi = g[i] + weightDecay * t[i];
            double vi = momentum * v[i] + gi;
            v[i] = vi;
            t[i] -= lr * vi;
        }
    }

    /** Element {@code (row, col)} of the velocity v. */
    public double velocity(int row, int col) {
        return velocity.get(row, col);
    }
}
