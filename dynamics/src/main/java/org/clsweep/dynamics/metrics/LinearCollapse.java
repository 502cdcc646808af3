package org.clsweep.dynamics.metrics;

import org.clsweep.dynamics.linalg.SymmetricSpectrum;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * How far the rows of a weight matrix W ∈ R^{n×d} collapse onto one direction, and whether that
 * direction is the top principal direction of the data. With linear activation every node's only
 * stable optimum is ± the top eigenvector of the covariance of the augmentation means
 * (SCIENCE.md §2), so both numbers are 1 there, whatever the width.
 *
 * <pre>
 *   G = WᵀW,  eigenvalues s_1 ≥ s_2 ≥ …  (s_i = σ_i², σ_i the singular values of W),
 *             top eigenvector v = W's top right-singular vector
 *   C         a covariance, eigenvalues c_1 ≥ c_2 ≥ …, top eigenvector u; for one layer
 *             C = Cov_π(μ) = Σ_l π_l (μ_l − μ̄)(μ_l − μ̄)ᵀ,  μ̄ = Σ_l π_l μ_l  ({@link #covariance})
 *   top_direction_cosine = |vᵀu|,   NaN when s_1 − s_2 ≤ TIE·s_1 or c_1 − c_2 ≤ TIE·c_1
 *   stable_rank          = ‖W‖_F² / ‖W‖₂² = Σ_i σ_i² / σ_1² = trace(G) / s_1 ∈ [1, min(n, d)],  NaN for W = 0
 * </pre>
 * A tie makes the top eigenvector any unit vector of a plane (equal pattern magnitudes and
 * probabilities for C, nodes split evenly between two orthogonal optima for G), so the computed
 * one is chosen by rounding and so would be the cosine. TIE = 1e-9: the symmetric eigensolver
 * gets eigenvalues to a few ε·s_1 ≈ 1e-15·s_1, so a relative gap below 1e-9 is an exact tie in the
 * inputs, and above it the eigenvector is off by at most about ε·s_1 / gap ≤ 1e-7 (Davis–Kahan).
 * With d = 1 there is no second eigenvalue and no tie. W's rows are taken as they are: a longer
 * row weighs more. The definition takes plain matrices so that it applies to any W and C, e.g. the
 * filters of one receptive field and the covariance of its inputs.
 *
 * @param topDirectionCosine |vᵀu| ∈ [0, 1], or NaN on a tie or a zero W or C
 * @param stableRank         ‖W‖_F² / ‖W‖₂², or NaN for W = 0
 * @see FilterSpecialisation
 */
public record LinearCollapse(double topDirectionCosine, double stableRank) {
    /** Relative gap λ1 − λ2 ≤ TIE·λ1 at or below which the top eigenvector is undefined. */
    public static final double TIE = 1e-9;

    /**
     * @param w          n×d weights, one row per node. Not modified.
     * @param covariance d×d symmetric positive semi-definite C. Not modified.
     */
    public static LinearCollapse of(DMatrixRMaj w, DMatrixRMaj covariance) {
        if (covariance.numRows != w.numCols || covariance.numCols != w.numCols) {
            throw new IllegalArgumentException("covariance must be " + w.numCols + "×" + w.numCols + " for W of "
                    + w.numCols + " columns, found " + covariance.numRows + "×" + covariance.numCols);
        }
        DMatrixRMaj gram = new DMatrixRMaj(w.numCols, w.numCols);
        CommonOps_DDRM.multTransA(w, w, gram);
        TopEigen g = TopEigen.of(gram);
        TopEigen c = TopEigen.of(covariance);
        // trace(G) ≥ s_1 exactly; rounding may put the quotient an ulp below 1
        double stableRank = g.first() > 0.0 ? Math.max(1.0, CommonOps_DDRM.trace(gram) / g.first()) : Double.NaN;
        if (g.tied() || c.tied()) {
            return new LinearCollapse(Double.NaN, stableRank);
        }
        double dot = 0.0;
        for (int i = 0; i < w.numCols; i++) {
            dot += g.vector()[i] * c.vector()[i];
        }
        return new LinearCollapse(Math.min(1.0, Math.abs(dot)), stableRank);
    }

    /**
     * Cov_π(μ) = Σ_l π_l (μ_l − μ̄)(μ_l − μ̄)ᵀ with μ̄ = Σ_l π_l μ_l.
     *
     * @param points L rows μ_l of length d. Not modified.
     * @param probs  π_l, summing to 1. Not modified.
     * @return a new d×d matrix
     */
    public static DMatrixRMaj covariance(double[][] points, double[] probs) {
        if (points.length != probs.length || points.length == 0) {
            throw new IllegalArgumentException(probs.length + " probabilities for " + points.length + " points");
        }
        int d = points[0].length;
        double[] mean = new double[d];
        for (int l = 0; l < points.length; l++) {
            for (int i = 0; i < d; i++) {
                mean[i] += probs[l] * points[l][i];
            }
        }
        DMatrixRMaj cov = new DMatrixRMaj(d, d);
        double[] centred = new double[d];
        for (int l = 0; l < points.length; l++) {
            for (int i = 0; i < d; i++) {
                centred[i] = points[l][i] - mean[i];
            }
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    cov.data[i * d + j] += probs[l] * centred[i] * centred[j];
                }
            }
        }
        return cov;
    }

    /** The two largest eigenvalues of a symmetric matrix and a unit eigenvector of the first. */
    private record TopEigen(double first, double second, double[] vector) {
        static TopEigen of(DMatrixRMaj symmetric) {
            SymmetricSpectrum spectrum = SymmetricSpectrum.of(symmetric);
            double second = spectrum.size() > 1 ? spectrum.value(1) : Double.NEGATIVE_INFINITY;
            return new TopEigen(spectrum.largest(), second, spectrum.vector(0));
        }

        /** No top direction: a zero matrix, or a second eigenvalue within TIE·λ1 of the first. */
        boolean tied() {
            return !(first > 0.0) || first - second <= TIE * first;
        }
    }
}
