package org.clsweep.dynamics.objective;

import org.ejml.data.DMatrixRMaj;

/**
 * The quadratic (uniform-α) loss of SCIENCE.md §1.
 *
 * <pre>
 *   A = S/τ,   L = −(1 + 1/N)·mean_i A_ii + mean_{i,j} A_ij          (mean_{i,j} over all N² pairs)
 *     = (1/τ) [ −(1/N) Σ_i S_ii + (1/N²) Σ_{i≠j} S_ij ]
 *   ∂L/∂S_ii = −1/(Nτ),   ∂L/∂S_ij = 1/(N²τ)  (i ≠ j)
 * </pre>
 * Every negative pair gets the same weight, so the gradient is the α-CL gradient of §1 with uniform
 * α (no dependence on the batch). On raw outputs of a one-layer network its expectation is
 * {@code −(2/τ)·Σ_k E(w_k) − (1/(Nτ))·Σ_k (ḡ(w_k)ᵀw_k)²}: the population objective up to the factor
 * −2/τ and an O(1/N) term (derivation in {@code docs/onelayer-sgd.md}).
 *
 * @see InfoNceLoss
 * @see ContrastiveLosses
 */
public final class QuadraticLoss extends SimilarityLoss {

    /**
     * @param temperature τ &gt; 0
     * @param normalize   row-normalise the outputs first ({@code train.normalize_output})
     * @param batch       N ≥ 1
     * @param dim         m ≥ 1
     */
    public QuadraticLoss(double temperature, boolean normalize, int batch, int dim) {
        super(temperature, normalize, batch, dim);
    }

    @Override
    protected double lossAndGradient(DMatrixRMaj s, DMatrixRMaj g) {
        final int n = s.numRows;
        final double invTau = 1.0 / temperature();
        final double[] sd = s.data;
        final double[] gd = g.data;
        double diag = 0.0;
        double all = 0.0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                all += sd[i * n + j];
            }
            diag += sd[i * n + i];
        }
        final double diagWeight = (1.0 + 1.0 / n) / n;
        final double allWeight = 1.0 / ((double) n * n);
        final double gAll = allWeight * invTau;
        final double gDiag = gAll - diagWeight * invTau;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                gd[i * n + j] = i == j ? gDiag : gAll;
            }
        }
        return invTau * (allWeight * all - diagWeight * diag);
    }
}
