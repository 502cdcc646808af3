package org.clsweep.dynamics.optima;

/**
 * One distinct optimum reached by a run: a cluster of nodes whose final directions agree
 * (cosine ≥ the same-optimum threshold; for linear and quadratic activation w and −w are one optimum).
 * The direction is the cluster's representative (its first node, sign-aligned).
 *
 * <pre>
 *   residual   ‖(I − wwᵀ)A(w)w‖                     λ1 ≥ λ2   the top two eigenvalues of A(w)
 *   gap        λ1 − λ2                               topEigenvector   |wᵀA(w)w − λ1| small
 *   energy     E(w) = ½ wᵀA(w)w
 *   curvature  on a hinge, ρ(w), its upper bound, the stability margin ({@link Curvature})
 * </pre>
 *
 * @param index          0-based, in order of decreasing basin share
 * @param nodeCount      nodes that reached it
 * @param basinShare     nodeCount / width
 * @param direction      unit w, length d
 * @param bestPattern    l* = argmax_l cos(w, μ_l), 0-based
 * @param bestCosine     cos(w, μ_l*)
 * @param residual       see above
 * @param lambda1        see above
 * @param lambda2        see above (0 when d = 1)
 * @param gap            see above
 * @param topEigenvector see above
 * @param activationSet  {l : wᵀμ_l &gt; 0}, ascending, 0-based
 * @param energy         see above
 * @param curvature      at w; all NaN (and not on a hinge) when A is not defined or the curvature
 *                       is switched off
 */
public record DistinctOptimum(int index, int nodeCount, double basinShare, double[] direction, int bestPattern,
                              double bestCosine, double residual, double lambda1, double lambda2, double gap,
                              boolean topEigenvector, int[] activationSet, double energy, Curvature curvature) {
}
