package org.clsweep.dynamics.optima;

import java.util.Objects;

/**
 * One distinct optimum reached by a run, analysed under one α: a cluster of nodes whose final
 * directions agree (cosine ≥ the same-optimum threshold; for linear and quadratic activation w and
 * −w are one optimum). The direction is the cluster's representative (its first node, sign-aligned).
 *
 * <pre>
 *   UNIFORM ({@link OptimumAnalysis}), A = A(w) the population matrix:
 *     residual   ‖(I − wwᵀ)A w‖ (absolute)         fixedPointResidual = residual (A w = λw is the population equation)
 *     λ1 ≥ λ2    the top two eigenvalues of A       gap λ1 − λ2      topEigenvector  |wᵀAw − λ1| small
 *     energy     E(w) = ½ wᵀA w                     curvature        ρ(w), its bound, the stability margin ({@link Curvature})
 *   INFONCE ({@link InfoNceOptimumAnalysis}), on the run's evaluation batch, C = C_α[x̃_w]/N, B = B_k/N:
 *     residual   ‖(I − wwᵀ)C w‖ / ‖C‖₂             fixedPointResidual  ‖(I − wwᵀ)B w‖ / ‖B‖₂   (relative)
 *     λ1 ≥ λ2    of B                               gap λ1 − λ2      topEigenvector  (wᵀv1)² ≥ ½, v1 B's top eigenvector
 *     energy     ½ wᵀC w                            curvature        not computed
 * </pre>
 * The two analyses of one optimum share everything before {@code residual} but {@code analysisAlpha},
 * and its {@code bestPattern}, {@code bestCosine} and {@code activationSet}.
 *
 * @param index              0-based, in order of decreasing basin share
 * @param analysisAlpha      which analysis the numbers below come from
 * @param representativeNode the representative's row of W, 0-based
 * @param nodeCount          nodes that reached it
 * @param basinShare         nodeCount / width
 * @param direction          unit w, length d
 * @param bestPattern        l* = argmax_l cos(w, μ_l), 0-based
 * @param bestCosine         cos(w, μ_l*)
 * @param residual           see above
 * @param fixedPointResidual see above
 * @param lambda1            see above
 * @param lambda2            see above (UNIFORM: 0 when d = 1; INFONCE: NaN when d = 1)
 * @param gap                see above
 * @param topEigenvector     see above
 * @param activationSet      {l : wᵀμ_l &gt; 0}, ascending, 0-based
 * @param energy             see above
 * @param curvature          at w; {@link Curvature#NOT_COMPUTED} when A is not defined, the curvature
 *                           is switched off, or the analysis is INFONCE
 */
public record DistinctOptimum(int index, AnalysisAlpha analysisAlpha, int representativeNode, int nodeCount,
                              double basinShare, double[] direction, int bestPattern, double bestCosine,
                              double residual, double fixedPointResidual, double lambda1, double lambda2, double gap,
                              boolean topEigenvector, int[] activationSet, double energy, Curvature curvature) {
    public DistinctOptimum {
        Objects.requireNonNull(analysisAlpha, "analysisAlpha");
        Objects.requireNonNull(curvature, "curvature");
    }
}
