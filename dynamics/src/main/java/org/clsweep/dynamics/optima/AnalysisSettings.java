package org.clsweep.dynamics.optima;

/**
 * Thresholds of the {@link OptimumAnalysis}.
 *
 * <pre>
 *   same optimum     cos(w_i, w_j) ≥ sameOptimumCosine        (linear, quadratic: |cos|, w ~ −w)
 *   recovered        cos(w*, μ_l)  ≥ matchCosine               (linear, quadratic: |cos|)
 *   top eigenvector  |wᵀA(w)w − λ1| ≤ topEigenTol·|λ1| + 1e-14·max_l ‖μ_l‖²
 *   on a hinge       σ = 0, ReLU or leaky: |wᵀμ_l| ≤ hingeTolerance·‖μ_l‖ for some l
 *   curvature        where to compute ρ, its bound and the stability margin ({@link CurvatureScope})
 * </pre>
 *
 * @param matchCosine       a pattern is matched at cosine ≥ this, in (0, 1]
 * @param sameOptimumCosine two directions are one optimum at cosine ≥ this, in (0, 1]
 * @param topEigenTol       relative tolerance of the top-eigenvector flag, &gt; 0. At a fixed point
 *                          with residual r the Rayleigh quotient wᵀAw is within O(r²/gap) of its
 *                          eigenvalue, so 1e-6 separates the top eigenvector from the others once
 *                          the flow has converged to r ≲ 1e-4
 * @param hingeTolerance    ≥ 0; the default 1e-6 is far above rounding (1e-16) and far below any
 *                          cosine a node keeps with a pattern it has not converged off
 * @param curvature         where the curvature is computed; elsewhere its fields are NaN
 */
public record AnalysisSettings(double matchCosine, double sameOptimumCosine, double topEigenTol,
                               double hingeTolerance, CurvatureScope curvature) {
    public static final double DEFAULT_TOP_EIGEN_TOL = 1e-6;
    public static final double DEFAULT_HINGE_TOLERANCE = 1e-6;

    public AnalysisSettings {
        if (!(matchCosine > 0.0 && matchCosine <= 1.0)) {
            throw new IllegalArgumentException("matchCosine must be in (0, 1], found " + matchCosine);
        }
        if (!(sameOptimumCosine > 0.0 && sameOptimumCosine <= 1.0)) {
            throw new IllegalArgumentException("sameOptimumCosine must be in (0, 1], found "
                    + sameOptimumCosine);
        }
        if (!(topEigenTol > 0.0)) {
            throw new IllegalArgumentException("topEigenTol must be > 0, found " + topEigenTol);
        }
        if (!(hingeTolerance >= 0.0 && hingeTolerance < 1.0)) {
            throw new IllegalArgumentException("hingeTolerance must be in [0, 1), found " + hingeTolerance);
        }
        java.util.Objects.requireNonNull(curvature, "curvature");
    }

    /** The spec thresholds with the default top-eigenvector and hinge tolerances. */
    public static AnalysisSettings of(double matchCosine, double sameOptimumCosine, CurvatureScope curvature) {
        return new AnalysisSettings(matchCosine, sameOptimumCosine, DEFAULT_TOP_EIGEN_TOL, DEFAULT_HINGE_TOLERANCE,
                curvature);
    }

    /** As above, with the curvature everywhere. */
    public static AnalysisSettings of(double matchCosine, double sameOptimumCosine) {
        return of(matchCosine, sameOptimumCosine, CurvatureScope.ALL);
    }
}
