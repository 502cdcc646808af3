package org.clsweep.data.random;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;

/**
 * Uniformly distributed directions on the unit sphere S^{d−1}: a standard normal vector divided by
 * its norm (the normal law is rotation-invariant, so the direction is uniform).
 *
 * <pre>
 *   v = z / ‖z‖,   z ~ N(0, I_d)    (redrawn in the probability-0 event z = 0)
 * </pre>
 * Used for random pattern directions and for the random unit initialisation of one-layer nodes.
 */
public final class UnitVectors {
    private UnitVectors() {
    }

    /**
     * Draws one direction into {@code out[off .. off+d)}.
     *
     * @param rng the stream. Modified.
     * @param out receives the unit vector. Modified.
     * @param off offset in {@code out}
     * @param d   dimension, ≥ 1
     * @throws IllegalArgumentException if d &lt; 1 (no direction exists)
     */
    public static void draw(SplittableRandom rng, double[] out, int off, int d) {
        if (d < 1) {
            throw new IllegalArgumentException("d must be >= 1, found " + d);
        }
        double norm2;
        do {
            norm2 = 0.0;
            for (int i = 0; i < d; i++) {
                double z = rng.nextGaussian();
                out[off + i] = z;
                norm2 += z * z;
            }
        } while (norm2 == 0.0);
        double inv = 1.0 / Math.sqrt(norm2);
        for (int i = 0; i < d; i++) {
            out[off + i] *= inv;
        }
    }

    /**
     * n independent directions as the rows of an n×d matrix, drawn row by row.
     *
     * @param n   rows, ≥ 1
     * @param d   dimension, ≥ 1
     * @param rng the stream. Modified.
     */
    public static DMatrixRMaj rows(int n, int d, SplittableRandom rng) {
        DMatrixRMaj m = new DMatrixRMaj(n, d);
        for (int i = 0; i < n; i++) {
            draw(rng, m.data, i * d, d);
        }
        return m;
    }
}
