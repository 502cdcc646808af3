package org.clsweep.dynamics.optima;

import java.util.List;

/**
 * What the {@link OptimumAnalysis} found in one final weight matrix: the distinct optima and the
 * per-run summaries of SCIENCE.md §2.
 *
 * <pre>
 *   patternsRecovered  #{l : some optimum w* has cos(w*, μ_l) ≥ match}      coverage = patternsRecovered / L
 *   patternBasinShare  s_l = Σ basin shares of the optima matching μ_l      (a node counts for each pattern
 *                      its optimum matches; Σ_l s_l ≤ 1 unless two patterns are within 2·acos(match))
 *   means over optima: bestCosine, gap                  over nodes: energy, top-eigenvector fraction,
 *                                                       max residual (inactive nodes included)
 *   over the optima off a hinge ({@link Curvature}):
 *     meanRoughness        mean ρ(w)
 *     contractionFraction  fraction with gap &gt; 2ρ (the first-order heuristic, not a proof)
 *     minStabilityMargin   least stability margin: &gt; 0 ⇔ every such optimum is a strict local maximum
 *   hingeOptima        optima on a hinge (σ = 0), left out of the three above; NaN when the
 *                      curvature was computed at no optimum
 *   over the pattern directions μ_l/‖μ_l‖ off a hinge:
 *     patternContractionFraction  fraction with gap &gt; 2ρ there
 *     patternStableFraction       fraction where the Riemannian Hessian of E is negative definite
 * </pre>
 * Basin shares are fractions of all n nodes, so with inactive nodes they sum to less than 1; the
 * means over optima are NaN when there is no optimum (every node inactive) or none off a hinge.
 *
 * @param optima                     the distinct optima, by decreasing basin share
 * @param nodes                      per node (row of W), in row order
 * @param inactiveNodes              ReLU nodes inactive on every pattern, left out of the optima
 * @param patternsRecovered          see above
 * @param coverage                   see above
 * @param patternBasinShare          see above, length L
 * @param maxResidual                max over nodes of the residual
 * @param meanBestCosine             mean over optima of the best-pattern cosine
 * @param topEigenFraction           fraction of nodes whose w is the top eigenvector of A(w)
 * @param meanGap                    mean over optima of λ1 − λ2
 * @param meanRoughness              see above
 * @param contractionFraction        see above
 * @param minStabilityMargin         see above
 * @param hingeOptima                see above
 * @param patternContractionFraction see above
 * @param patternStableFraction      see above
 * @param meanEnergy                 mean over nodes of E(w)
 */
public record OptimaReport(List<DistinctOptimum> optima, List<NodeDiagnostics> nodes, int inactiveNodes,
                           int patternsRecovered,
                           double coverage, double[] patternBasinShare, double maxResidual, double meanBestCosine,
                           double topEigenFraction, double meanGap, double meanRoughness, double contractionFraction,
                           double minStabilityMargin, double hingeOptima, double patternContractionFraction,
                           double patternStableFraction, double meanEnergy) {
    public OptimaReport {
        optima = List.copyOf(optima);
        nodes = List.copyOf(nodes);
    }

    /** The number of distinct optima. */
    public int distinctOptima() {
        return optima.size();
    }
}
