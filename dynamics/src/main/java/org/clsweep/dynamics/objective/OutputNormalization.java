package org.clsweep.dynamics.objective;

import org.ejml.data.DMatrixRMaj;

/**
 * Row normalisation of a batch of outputs and its backward pass, as the losses apply it before
 * the similarities.
 *
 * <pre>
 *   forward:   r_i = max(‖u_i‖, ε),   z_i = u_i / r_i                         (ε = {@value #EPS})
 *   backward:  ∂L/∂u_i = (g_i − (g_i·z_i) z_i) / r_i   when ‖u_i‖ &gt; ε
 *              ∂L/∂u_i = g_i / ε                        otherwise (z = u/ε is linear there)
 * </pre>
 * The floor ε is the one PyTorch's {@code F.normalize} uses: a ReLU layer can output an all-zero
 * row, which then stays zero instead of turning into NaN.
 */
final class OutputNormalization {
    /** The norm floor ε. */
    static final double EPS = 1e-12;

    private OutputNormalization() {
    }

    /**
     * @param u     raw outputs, N×m. Not modified.
     * @param z     normalised rows, N×m. Modified.
     * @param norms r_i, length ≥ N. Modified.
     */
    static void forward(DMatrixRMaj u, DMatrixRMaj z, double[] norms) {
        final int rows = u.numRows;
        final int cols = u.numCols;
        final double[] ud = u.data;
        final double[] zd = z.data;
        for (int i = 0; i < rows; i++) {
            final int off = i * cols;
            double ss = 0.0;
            for (int k = 0; k < cols; k++) {
                ss += ud[off + k] * ud[off + k];
            }
            double r = Math.max(Math.sqrt(ss), EPS);
            norms[i] = r;
            for (int k = 0; k < cols; k++) {
                zd[off + k] = ud[off + k] / r;
            }
        }
    }

    /**
     * @param gz    ∂L/∂z, N×m. Not modified.
     * @param z     the normalised rows of {@link #forward}. Not modified.
     * @param norms the r_i of {@link #forward}. Not modified.
     * @param gu    ∂L/∂u, N×m. Modified; may not alias {@code gz}.
     */
    static void backward(DMatrixRMaj gz, DMatrixRMaj z, double[] norms, DMatrixRMaj gu) {
        final int rows = gz.numRows;
        final int cols = gz.numCols;
        final double[] gd = gz.data;
        final double[] zd = z.data;
        final double[] od = gu.data;
        for (int i = 0; i < rows; i++) {
            final int off = i * cols;
            final double r = norms[i];
            // r > EPS exactly when ‖u_i‖ > EPS: the projection applies; at the floor z = u/ε is linear.
            double dot = 0.0;
            if (r > EPS) {
                for (int k = 0; k < cols; k++) {
                    dot += gd[off + k] * zd[off + k];
                }
            }
            for (int k = 0; k < cols; k++) {
                od[off + k] = (gd[off + k] - dot * zd[off + k]) / r;
            }
        }
    }
}
