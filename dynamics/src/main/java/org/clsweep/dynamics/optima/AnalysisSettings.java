package org.clsweep.dynamics.optima;

/**
 * Thresholds and probe settings of the {@link OptimumAnalysis}.
 *
 * <pre>
 *   same optimum     cos(w_i, w_j) ≥ sameOptimumCosine        (linear, quadratic: |cos|, w ~ −w)
 *   recovered        cos(w*, μ_l)  ≥ matchCosine               (linear, quadratic: |cos|)
 *   top eigenvector  |wᵀA(w)w − λ1| ≤ topEigenTol·|λ1| + 1e-14·max_l ‖μ_l‖²
 *   roughness        ρ(w) = max over roughnessProbes random unit δ of ‖A(w + εδ) − A(w)‖₂ / ε,
 *                    ε = roughnessStep
 * </pre>
 *
 * @param matchCosine       a pattern is matched at cosine ≥ this, in (0, 1]
 * @param sameOptimumCosine two directions are one optimum at cosine ≥ this, in (0, 1]
 * @param topEigenTol       relative tolerance of the top-eigenvector flag, &gt; 0. At a fixed point
 *                          with residual r the Rayleigh quotient wᵀAw is within O(r²/gap) of its
 *                          eigenvalue, so 1e-6 separates the top eigenvector from the others once
 *                          the flow has converged to r ≲ 1e-4
 * @param roughnessProbes   number of random directions δ, ≥ 1
 * @param roughnessStep     ε &gt; 0; the default 1e-4 keeps the O(ε) truncation and the O(1e-16/ε)
 *                          rounding of the difference quotient both below 1e-4 relative for smooth A.
 *                          With σ = 0, A is piecewise constant and ρ is 0 unless a probe crosses a hinge
 */
public record AnalysisSettings(double matchCosine, double sameOptimumCosine, double topEigenTol,
                               int roughnessProbes, double roughnessStep) {
    public static final double DEFAULT_TOP_EIGEN_TOL = 1e-6;
    public static final int DEFAULT_ROUGHNESS_PROBES = 4;
    public static final double DEFAULT_ROUGHNESS_STEP = 1e-4;

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
        if (roughnessProbes < 1) {
            throw new IllegalArgumentException("roughnessProbes must be >= 1, found " + roughnessProbes);
        }
        if (!(roughnessStep > 0.0)) {
            throw new IllegalArgumentException("roughnessStep must be > 0, found " + roughnessStep);
        }
    }

    /** The spec thresholds with the default top-eigenvector tolerance and roughness probes. */
    public static AnalysisSettings of(double matchCosine, double sameOptimumCosine) {
        return new AnalysisSettings(matchCosine, sameOptimumCosine, DEFAULT_TOP_EIGEN_TOL,
                DEFAULT_ROUGHNESS_PROBES, DEFAULT_ROUGHNESS_STEP);
    }
}
