package org.clsweep.data.random;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;

/**
 * Independent uniform directions on the unit sphere, one per row: the one-layer initialisation.
 *
 * <pre>
 *   w_k = g_k / ‖g_k‖,   g_k ~ N(0, I_d)      (rows drawn in order, d Gaussians each)
 * </pre>
 * A row whose Gaussian draw has zero norm (probability 0) is redrawn.
 */
public final class UnitRows {
    private UnitRows() {
    }

    /**
     * @param w   n×d, every row overwritten. Modified.
     * @param rng the run's init stream. Modified.
     */
    public static void fill(DMatrixRMaj w, SplittableRandom rng) {
        final int cols = w.numCols;
        final double[] d = w.data;
        for (int r = 0; r < w.numRows; r++) {
            final int off = r * cols;
            double ss = 0.0;
            while (!(ss > 0.0)) {
                ss = 0.0;
                for (int c = 0; c < cols; c++) {
                    double g = rng.nextGaussian();
                    d[off + c] = g;
                    ss += g * g;
                }
            }
            double norm = Math.sqrt(ss);
            for (int c = 0; c < cols; c++) {
                d[off + c] /= norm;
            }
        }
    }
}
