package org.clsweep.dynamics.metrics;

import org.ejml.data.DMatrixRMaj;

/**
 * The top layer's share of each receptive field: s_k² of the appendix theorem (SCIENCE.md §3),
 * the weight with which RF k's local term s_k² V[x̃_k] enters the effective matrix.
 *
 * <pre>
 *   V = [V_1 … V_K] ∈ R^{out×KM},  V_k = columns k·M … k·M+M−1 (those reading RF k's filters)
 *   s_k² = ‖V_k‖²_F / ‖V‖²_F                 Σ_k s_k² = 1
 * </pre>
 * Uniform V gives 1/K everywhere; a V that reads one RF only gives 1 there and 0 elsewhere.
 */
public final class TopLayerShare {
    private TopLayerShare() {
    }

    /**
     * @param v       V, out×(K·M). Not modified.
     * @param fields  K
     * @param filters M
     * @return a new array of the K shares s_k²; all NaN when V = 0
     */
    public static double[] of(DMatrixRMaj v, int fields, int filters) {
        if (v.numCols != fields * filters) {
            throw new IllegalArgumentException("V has " + v.numCols + " columns, expected " + fields + "·" + filters);
        }
        double[] share = new double[fields];
        double[] data = v.data;
        int cols = v.numCols;
        for (int row = 0; row < v.numRows; row++) {
            for (int c = 0; c < cols; c++) {
                double x = data[row * cols + c];
                share[c / filters] += x * x;
            }
        }
        double total = 0.0;
        for (double s : share) {
            total += s;
        }
        for (int k = 0; k < fields; k++) {
            share[k] /= total;
        }
        return share;
    }
}
