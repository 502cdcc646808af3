package org.clsweep.dynamics.objective;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * The quadratic (uniform-α) loss of SCIENCE.md §1.
 *
 * <pre>
 *   A = S/τ,   L = −(1 + 1/N)·mean_i A_ii + mean_{i,j} A_ij          (mean_{i,j} over all N² pairs)
 *   G_ii = ∂L/∂S_ii = −1/(Nτ),   G_ij = 1/(N²τ)  (i ≠ j)
 * </pre>
 * Because every off-diagonal weight is the same, the N×N matrix is never formed: with
 * s = Σ_j a_j,  Σ_{i≠j} S_ij = ‖s‖² − Σ_i ‖a_i‖², and the shared backward pass of
 * {@link SimilarityLoss} becomes
 * <pre>
 *   ∂L/∂a_i = 2/(N²τ)·(s − a_i) − b_i/(Nτ),     ∂L/∂b_i = −a_i/(Nτ)
 * </pre>
 * Cost per call O(Nm). Every negative pair gets the same weight, so the gradient is the α-CL
 * gradient of §1 with uniform α. On raw outputs of a one-layer network its expectation is
 * {@code −(2/τ)·Σ_k E(w_k) − (1/(Nτ))·Σ_k (ḡ(w_k)ᵀw_k)²}: the population objective up to the
 * factor −2/τ and an O(1/N) term (derivation in {@code docs/onelayer-sgd.md}).
 *
 * @see InfoNceLoss
 * @see ContrastiveLosses
 */
public final class QuadraticLoss extends SimilarityLoss {
    private final double[] sum;

    /**
     * @param temperature τ &gt; 0
     * @param normalize   row-normalise the outputs first
     * @param batch       N ≥ 1
     * @param dim         m ≥ 1
     */
    public QuadraticLoss(double temperature, boolean normalize, int batch, int dim) {
        super(temperature, normalize, batch, dim);
        this.sum = new double[dim];
    }

    @Override
    protected double evaluateOn(DMatrixRMaj va, DMatrixRMaj vb, DMatrixRMaj gradA, DMatrixRMaj gradB) {
        final int n = va.numRows;
        final int m = va.numCols;
        final double[] ad = va.data;
        final double[] bd = vb.data;
        Arrays.fill(sum, 0.0);
        double diag = 0.0;
        double selfSq = 0.0;
        for (int i = 0; i < n; i++) {
            final int off = i * m;
            for (int k = 0; k < m; k++) {
                double v = ad[off + k];
                sum[k] += v;
                selfSq += v * v;
            }
            diag += rowDot(va, vb, i);
        }
        double sumSq = 0.0;
        for (int k = 0; k < m; k++) {
            sumSq += sum[k] * sum[k];
        }
        final double invTau = 1.0 / temperature();
        final double diagWeight = (1.0 + 1.0 / n) / n;
        final double allWeight = 1.0 / ((double) n * n);
        final double all = sumSq - selfSq + diag;

        final double off2 = 2.0 * allWeight * invTau;
        final double gDiag = -invTau / n;
        final double[] oa = gradA.data;
        final double[] ob = gradB.data;
        for (int i = 0; i < n; i++) {
            final int off = i * m;
            for (int k = 0; k < m; k++) {
                oa[off + k] = off2 * (sum[k] - ad[off + k]) + gDiag * bd[off + k];
                ob[off + k] = gDiag * ad[off + k];
            }
        }
        return invTau * (allWeight * all - diagWeight * diag);
    }
}
