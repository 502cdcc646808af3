package org.clsweep.dynamics.metrics;

import org.clsweep.dynamics.linalg.GramSpectrum;
import org.clsweep.dynamics.linalg.SymmetricSpectrum;
import org.ejml.data.DMatrixRMaj;

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
 * row weighs more. G's spectrum comes from the smaller of WᵀW and WWᵀ ({@link GramSpectrum}), and
 * {@link #ofPoints} takes C as its points, never forming the d×d matrix. The definition takes plain matrices so that it applies to any W and C, e.g. the
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
        SymmetricSpectrum spectrum = SymmetricSpectrum.of(covariance);
        double second = spectrum.size() > 1 ? spectrum.value(1) : Double.NEGATIVE_INFINITY;
        return of(w, new GramSpectrum(spectrum.largest(), second, spectrum.vector(0)));
    }

    /**
     * The same with C = Cov_π(μ) of {@link #covariance}, never formed: its spectrum comes from the
     * factor X with rows √π_l (μ_l − μ̄), C = XᵀX ({@link GramSpectrum}: an L×L problem when L &lt; d).
     *
     * @param w      n×d weights, one row per node. Not modified.
     * @param points L rows μ_l of length d. Not modified.
     * @param probs  π_l, summing to 1. Not modified.
     */
    public static LinearCollapse ofPoints(DMatrixRMaj w, double[][] points, double[] probs) {
        if (points.length != probs.length || points.length == 0) {
            throw new IllegalArgumentException(probs.length + " probabilities for " + points.length + " points");
        }
        if (points[0].length != w.numCols) {
            throw new IllegalArgumentException("points have dimension " + points[0].length + ", W has "
                    + w.numCols + " columns");
        }
        int d = w.numCols;
        double[] mean = mean(points, probs);
        DMatrixRMaj factor = new DMatrixRMaj(points.length, d);
        for (int l = 0; l < points.length; l++) {
            double s = Math.sqrt(probs[l]);
            for (int i = 0; i < d; i++) {
                factor.data[l * d + i] = s * (points[l][i] - mean[i]);
            }
        }
        return of(w, GramSpectrum.of(factor, true));
    }

    /** From W and the top of C's spectrum. */
    private static LinearCollapse of(DMatrixRMaj w, GramSpectrum c) {
        GramSpectrum g = GramSpectrum.of(w, true);
        double trace = 0.0;
        for (double v : w.data) {
            trace += v * v;
        }
        // trace(G) ≥ s_1 exactly; rounding may put the quotient an ulp below 1
        double stableRank = g.first() > 0.0 ? Math.max(1.0, trace / g.first()) : Double.NaN;
        if (tied(g) || tied(c)) {
            return new LinearCollapse(Double.NaN, stableRank);
        }
        double dot = 0.0;
        for (int i = 0; i < w.numCols; i++) {
            dot += g.vector()[i] * c.vector()[i];
        }
        return new LinearCollapse(Math.min(1.0, Math.abs(dot)), stableRank);
    }

    /** No top direction: a zero matrix, or a second eigenvalue within TIE·λ1 of the first. */
    private static boolean tied(GramSpectrum s) {
        return !(s.first() > 0.0) || s.first() - s.second() <= TIE * s.first();
    }

    private static double[] mean(double[][] points, double[] probs) {
        double[] mean = new double[points[0].length];
        for (int l = 0; l < points.length; l++) {
            for (int i = 0; i < mean.length; i++) {
                mean[i] += probs[l] * points[l][i];
            }
        }
        return mean;
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
        double[] mean = mean(points, probs);
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
}
