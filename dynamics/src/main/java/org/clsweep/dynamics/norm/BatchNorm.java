package org.clsweep.dynamics.norm;

/**
 * BatchNorm as the paper's reference uses it: no affine parameters, biased batch variance,
 * eps = 1e-5, batch statistics only (training mode), and two switches that stop the gradient
 * through the batch mean and the batch variance.
 *
 * <pre>
 *   forward, per feature c:   μ = (1/N) Σ_i x_i      v = (1/N) Σ_i (x_i − μ)²      σ = √(v + eps)
 *                             y_i = (x_i − μ) / σ
 *   backward, g_i = ∂L/∂y_i:  ∂L/∂x_i = (1/σ) · ( g_i − [mean]·mean_j g_j − [var]·y_i·mean_j g_j y_j )
 * </pre>
 * [mean] and [var] are 1 when the gradient flows through the batch mean and variance, 0 when the
 * statistic is a stop-gradient constant: the result is then the gradient of the loss in which
 * that statistic is frozen at its current value. (With the mean stopped and the variance not, the
 * variance still depends on x through its own mean, exactly as {@code x.var()} does in the
 * reference; that dependence contributes the [var] term.)
 *
 * <p>The batch is given as R distinct rows with multiplicities c_r (Σ c_r = N): a plain batch has
 * every c_r = 1; the token pass has one row per distinct token, because a receptive field's hidden
 * vector depends only on its token. Gradients are then per row summed over the row's samples:
 * G_r = Σ_{i ∈ r} g_i, and the backward pass returns Σ_{i ∈ r} ∂L/∂x_i:
 * <pre>
 *   D_r = (1/σ) · ( G_r − [mean]·c_r·(1/N) Σ_s G_s − [var]·c_r·y_r·(1/N) Σ_s G_s y_s )
 * </pre>
 * Holds a scratch of one value per feature: one instance per run, not thread-safe.
 */
public final class BatchNorm {
    /** The variance offset of the reference (PyTorch's default). */
    public static final double EPS = 1e-5;

    private final int features;
    private final boolean backpropMean;
    private final boolean backpropVar;
    private final double[] gMean;
    private final double[] gyMean;

    /**
     * @param features     C, the number of features normalised (the widest call)
     * @param backpropMean let the gradient flow through the batch mean
     * @param backpropVar  let the gradient flow through the batch variance
     */
    public BatchNorm(int features, boolean backpropMean, boolean backpropVar) {
        if (features < 1) {
            throw new IllegalArgumentException("features must be >= 1, found " + features);
        }
        this.features = features;
        this.backpropMean = backpropMean;
        this.backpropVar = backpropVar;
        this.gMean = new double[features];
        this.gyMean = new double[features];
    }

    public boolean backpropMean() {
        return backpropMean;
    }

    public boolean backpropVar() {
        return backpropVar;
    }

    /**
     * Normalises each feature over the batch.
     *
     * @param x      rows×cols row-major, rows = distinct batch rows, cols = features. Not modified.
     * @param rows   R ≥ 1
     * @param cols   C ≤ the constructor's features
     * @param counts multiplicity c_r of each row, ≥ 1. Not modified.
     * @param y      normalised output, rows×cols; may not alias x. Modified.
     * @param invStd 1/σ per feature, for {@link #backward}. Modified.
     */
    public void forward(double[] x, int rows, int cols, int[] counts, double[] y, double[] invStd) {
        checkCols(cols);
        double[] mean = gMean;
        double total = 0.0;
        for (int c = 0; c < cols; c++) {
            mean[c] = 0.0;
            invStd[c] = 0.0;
        }
        for (int r = 0; r < rows; r++) {
            double w = counts[r];
            total += w;
            int off = r * cols;
            for (int c = 0; c < cols; c++) {
                mean[c] += w * x[off + c];
            }
        }
        double inv = 1.0 / total;
        for (int c = 0; c < cols; c++) {
            mean[c] *= inv;
        }
        double[] var = invStd;
        for (int r = 0; r < rows; r++) {
            double w = counts[r];
            int off = r * cols;
            for (int c = 0; c < cols; c++) {
                double dx = x[off + c] - mean[c];
                var[c] += w * dx * dx;
            }
        }
        for (int c = 0; c < cols; c++) {
            invStd[c] = 1.0 / Math.sqrt(var[c] * inv + EPS);
        }
        for (int r = 0; r < rows; r++) {
            int off = r * cols;
            for (int c = 0; c < cols; c++) {
                y[off + c] = (x[off + c] - mean[c]) * invStd[c];
            }
        }
    }

    /**
     * Back-propagates through {@link #forward}, with the stop-gradient switches applied.
     *
     * @param g      G_r, ∂L/∂y summed over each row's samples, rows×cols. Not modified unless it is dx.
     * @param y      the forward output. Not modified.
     * @param rows   R
     * @param cols   C
     * @param counts c_r. Not modified.
     * @param invStd 1/σ from the forward pass. Not modified.
     * @param dx     D_r, ∂L/∂x summed over each row's samples, rows×cols; may be the same array as g.
     *               Modified.
     */
    public void backward(double[] g, double[] y, int rows, int cols, int[] counts, double[] invStd, double[] dx) {
        checkCols(cols);
        double total = 0.0;
        for (int c = 0; c < cols; c++) {
            gMean[c] = 0.0;
            gyMean[c] = 0.0;
        }
        for (int r = 0; r < rows; r++) {
            total += counts[r];
            int off = r * cols;
            for (int c = 0; c < cols; c++) {
                double gv = g[off + c];
                gMean[c] += gv;
                gyMean[c] += gv * y[off + c];
            }
        }
        double inv = 1.0 / total;
        double mSwitch = backpropMean ? inv : 0.0;
        double vSwitch = backpropVar ? inv : 0.0;
        for (int c = 0; c < cols; c++) {
            gMean[c] *= mSwitch;
            gyMean[c] *= vSwitch;
        }
        for (int r = 0; r < rows; r++) {
            double w = counts[r];
            int off = r * cols;
            for (int c = 0; c < cols; c++) {
                dx[off + c] = invStd[c] * (g[off + c] - w * (gMean[c] + y[off + c] * gyMean[c]));
            }
        }
    }

    private void checkCols(int cols) {
        if (cols > features) {
            throw new IllegalArgumentException(cols + " features for a BatchNorm sized for " + features);
        }
    }
}
