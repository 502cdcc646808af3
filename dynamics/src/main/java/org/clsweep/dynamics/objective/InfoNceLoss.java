package org.clsweep.dynamics.objective;

import org.ejml.data.DMatrixRMaj;

/**
 * InfoNCE in the reference form of SCIENCE.md §1, negatives from view 1 only.
 *
 * <pre>
 *   L = (1/N) Σ_i [ −S_ii/τ + log Σ_j exp(S_ij/τ) ]          (j runs over all N, j = i included)
 *   P_ij = exp(S_ij/τ) / Σ_k exp(S_ik/τ)                     (row softmax, positive in the denominator)
 *   ∂L/∂S_ij = (P_ij − δ_ij) / (Nτ)
 * </pre>
 * The log-sum-exp subtracts each row's maximum, so it is finite whenever S is.
 *
 * <p><b>Pairwise importance α.</b> Since Σ_j P_ij = 1, the gradient is
 * (1/(Nτ)) Σ_i Σ_{j≠i} P_ij (∇S_ij − ∇S_ii): the α-CL form of §1 with α_ij = P_ij for j ≠ i,
 * the softmax weight of negative j (the positive stays in the denominator, as in the α of the paper
 * with ε = 1). {@link #alphaMean()} and {@link #alphaMax()} report the mean and the maximum of the
 * N(N−1) off-diagonal P_ij of the last evaluated batch; uniform weights give α = 1/N.
 *
 * @see QuadraticLoss
 * @see ContrastiveLosses
 */
public final class InfoNceLoss extends SimilarityLoss {
    private double alphaMean = Double.NaN;
    private double alphaMax = Double.NaN;

    /**
     * @param temperature τ &gt; 0
     * @param normalize   row-normalise the outputs first ({@code train.normalize_output})
     * @param batch       N ≥ 2 (with one sample there is no negative)
     * @param dim         m ≥ 1
     */
    public InfoNceLoss(double temperature, boolean normalize, int batch, int dim) {
        super(temperature, normalize, batch, dim);
        if (batch < 2) {
            throw new IllegalArgumentException("train.batch must be >= 2 for infonce, found " + batch);
        }
    }

    @Override
    protected double lossAndGradient(DMatrixRMaj s, DMatrixRMaj g) {
        final int n = s.numRows;
        final double invTau = 1.0 / temperature();
        final double scale = invTau / n;
        final double[] sd = s.data;
        final double[] gd = g.data;
        double total = 0.0;
        double aSum = 0.0;
        double aMax = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            final int off = i * n;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                max = Math.max(max, sd[off + j] * invTau);
            }
            double sum = 0.0;
            for (int j = 0; j < n; j++) {
                double e = Math.exp(sd[off + j] * invTau - max);
                gd[off + j] = e;
                sum += e;
            }
            final double lse = max + Math.log(sum);
            total += lse - sd[off + i] * invTau;
            final double invSum = 1.0 / sum;
            for (int j = 0; j < n; j++) {
                double p = gd[off + j] * invSum;
                if (j != i) {
                    aSum += p;
                    if (p > aMax) {
                        aMax = p;
                    }
                    gd[off + j] = p * scale;
                } else {
                    gd[off + j] = (p - 1.0) * scale;
                }
            }
        }
        alphaMean = aSum / ((double) n * (n - 1));
        alphaMax = aMax;
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
