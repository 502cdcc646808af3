package org.clsweep.dynamics.objective;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * InfoNCE in the reference form of SCIENCE.md §1, negatives from view 1 only.
 *
 * <pre>
 *   L = (1/N) Σ_i [ −S_ii/τ + log Σ_j exp(S_ij/τ) ]          (j runs over all N, j = i included)
 *   P_ij = exp(S_ij/τ) / Σ_k exp(S_ik/τ)                     (row softmax, positive in the denominator)
 *   G_ij = ∂L/∂S_ij = (P_ij − δ_ij) / (Nτ)
 * </pre>
 * S = a aᵀ is formed with the symmetric product (EJML {@code multOuter}) and its diagonal replaced
 * by a_i·b_i; S and the row softmax are {@link InfoNceWeights}'s, the backward pass is the shared
 * one of {@link SimilarityLoss}. The log-sum-exp subtracts each row's maximum, so it is finite
 * whenever S is. Cost per call O(N²m).
 *
 * <p><b>Pairwise importance α.</b> Since Σ_j P_ij = 1, the gradient is
 * (1/(Nτ)) Σ_i Σ_{j≠i} P_ij (∇S_ij − ∇S_ii): the α-CL form of §1 with α_ij = P_ij for j ≠ i,
 * the softmax weight of negative j (the positive stays in the denominator, as in the paper's α
 * with ε = 1). {@link #alphaMean()} and {@link #alphaMax()} report the mean and the maximum of the
 * N(N−1) off-diagonal P_ij of the last evaluated batch; equal similarities give α = 1/N. Since
 * Σ_{j≠i} P_ij = 1 − P_ii the mean is (1 − mean_i P_ii)/(N − 1): a restatement of the weight of the
 * positive pair, blind to how α spreads over the negatives ({@link AlphaStructure} measures that).
 *
 * @see QuadraticLoss
 * @see ContrastiveLosses
 */
public final class InfoNceLoss extends SimilarityLoss {
    private final DMatrixRMaj sim;
    private final DMatrixRMaj symGrad;
    private final double[] diagGrad;
    private double alphaMean = Double.NaN;
    private double alphaMax = Double.NaN;

    /**
     * @param temperature τ &gt; 0
     * @param normalize   row-normalise the outputs first
     * @param batch       N ≥ 2 (with one sample there is no negative)
     * @param dim         m ≥ 1
     */
    public InfoNceLoss(double temperature, boolean normalize, int batch, int dim) {
        super(temperature, normalize, batch, dim);
        if (batch < 2) {
            throw new IllegalArgumentException("batch must be >= 2 for infonce, found " + batch);
        }
        this.sim = new DMatrixRMaj(batch, batch);
        this.symGrad = new DMatrixRMaj(batch, batch);
        this.diagGrad = new double[batch];
    }

    @Override
    protected double evaluateOn(DMatrixRMaj va, DMatrixRMaj vb, DMatrixRMaj gradA, DMatrixRMaj gradB) {
        final int n = va.numRows;
        final int m = va.numCols;
        InfoNceWeights.similarities(va, vb, sim);
        final double[] s = sim.data;

        // Row softmax; the unscaled P_ij are written into symGrad row by row.
        final double invTau = 1.0 / temperature();
        final double scale = invTau / n;
        final double[] g = symGrad.data;
        double total = 0.0;
        double aSum = 0.0;
        double aMax = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            final int off = i * n;
            total += InfoNceWeights.softmaxRow(s, off, n, invTau, g) - s[off + i] * invTau;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    double p = g[off + j];
                    aSum += p;
                    aMax = Math.max(aMax, p);
                }
            }
            diagGrad[i] = (g[off + i] - 1.0) * scale;
        }
        alphaMean = aSum / ((double) n * (n - 1));
        alphaMax = aMax;

        // symGrad ← (G + Gᵀ) with zero diagonal, G_ij = P_ij/(Nτ) off the diagonal.
        for (int i = 0; i < n; i++) {
            g[i * n + i] = 0.0;
            for (int j = i + 1; j < n; j++) {
                double v = (g[i * n + j] + g[j * n + i]) * scale;
                g[i * n + j] = v;
                g[j * n + i] = v;
            }
        }
        CommonOps_DDRM.mult(symGrad, va, gradA);
        final double[] ad = va.data;
        final double[] bd = vb.data;
        final double[] oa = gradA.data;
        final double[] ob = gradB.data;
        for (int i = 0; i < n; i++) {
            final double gii = diagGrad[i];
            final int off = i * m;
            for (int k = 0; k < m; k++) {
                oa[off + k] += gii * bd[off + k];
                ob[off + k] = gii * ad[off + k];
            }
        }
        return total / n;
    }

    /** Mean over i ≠ j of α_ij = P_ij in the last evaluated batch; NaN before the first call. */
    @Override
    public double alphaMean() {
        return alphaMean;
    }

    /** Max over i ≠ j of α_ij = P_ij in the last evaluated batch; NaN before the first call. */
    @Override
    public double alphaMax() {
        return alphaMax;
    }
}
