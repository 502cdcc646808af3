package org.clsweep.dynamics.optima;

/**
 * Fixed-point diagnostics of one node's final direction w (a row of W, normalised).
 *
 * <pre>
 *   residual   ‖(I − wwᵀ)A(w)w‖        λ1 ≥ λ2 the top two eigenvalues of A(w)   energy ½ wᵀA(w)w
 *   topEigenvector  |wᵀA(w)w − λ1| within {@link AnalysisSettings#topEigenTol()}
 *   bestPattern     argmax_l cos(w, μ_l)  (linear, quadratic: |cos|; ties to the lowest l)
 *   inactive        ReLU only: wᵀμ_l ≤ 0 for every l (see {@link OptimumAnalysis})
 * </pre>
 *
 * @param optimum        index of the {@link DistinctOptimum} the node belongs to; −1 when inactive
 * @param inactive       see above
 * @param residual       see above
 * @param lambda1        see above
 * @param lambda2        see above (0 when d = 1)
 * @param topEigenvector see above
 * @param energy         see above
 * @param bestPattern    0-based
 * @param bestCosine     cos(w, μ_bestPattern) (linear, quadratic: its absolute value)
 */
public record NodeDiagnostics(int optimum, boolean inactive, double residual, double lambda1, double lambda2, boolean topEigenvector,
                              double energy, int bestPattern, double bestCosine) {
}
