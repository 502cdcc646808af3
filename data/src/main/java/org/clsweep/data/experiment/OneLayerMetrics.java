package org.clsweep.data.experiment;

import org.clsweep.dynamics.metrics.LinearCollapse;
import org.clsweep.dynamics.model.PatternMixture;
import org.clsweep.dynamics.optima.OptimaReport;
import org.ejml.data.DMatrixRMaj;

/**
 * The one-layer {@link RunMetric} values of a run's final weights, the same for population and
 * SGD runs. Metrics of other models stay NaN.
 *
 * <pre>
 *   distinct_optima, patterns_recovered, coverage, max_residual, mean_best_cosine,
 *   top_eigen_fraction, mean_gap, mean_roughness, contraction_fraction,
 *   min_stability_margin, hinge_optima, pattern_contraction_fraction,
 *   pattern_stable_fraction, mean_energy, inactive_nodes         ←  the report's fields of those names
 *   top_direction_cosine, stable_rank                            ←  LinearCollapse of W (as trained) and
 *                                                                   Cov_π(μ) = Σ_l π_l (μ_l − μ̄)(μ_l − μ̄)ᵀ
 * </pre>
 * Cov_π(μ) is the covariance of the augmentation means E[x | l] = μ_l: the matrix whose top
 * eigenvector is the linear network's only stable optimum (SCIENCE.md §2).
 */
public final class OneLayerMetrics {
    private OneLayerMetrics() {
    }

    /**
     * @param report  the analysis of the run's final weights. Not modified.
     * @param mixture the run's patterns μ_l and probabilities π_l. Not modified.
     * @param w       the final weights, n×d, one row per node as trained. Not modified.
     * @return a fresh metrics array indexed by {@link RunMetric#ordinal()}
     */
    public static double[] of(OptimaReport report, PatternMixture mixture, DMatrixRMaj w) {
        double[] m = RunResult.emptyMetrics();
        m[RunMetric.DISTINCT_OPTIMA.ordinal()] = report.distinctOptima();
        m[RunMetric.PATTERNS_RECOVERED.ordinal()] = report.patternsRecovered();
        m[RunMetric.COVERAGE.ordinal()] = report.coverage();
        m[RunMetric.MAX_RESIDUAL.ordinal()] = report.maxResidual();
        m[RunMetric.MEAN_BEST_COSINE.ordinal()] = report.meanBestCosine();
        m[RunMetric.TOP_EIGEN_FRACTION.ordinal()] = report.topEigenFraction();
        m[RunMetric.MEAN_GAP.ordinal()] = report.meanGap();
        m[RunMetric.MEAN_ROUGHNESS.ordinal()] = report.meanRoughness();
        m[RunMetric.CONTRACTION_FRACTION.ordinal()] = report.contractionFraction();
        m[RunMetric.MIN_STABILITY_MARGIN.ordinal()] = report.minStabilityMargin();
        m[RunMetric.HINGE_OPTIMA.ordinal()] = report.hingeOptima();
        m[RunMetric.PATTERN_CONTRACTION_FRACTION.ordinal()] = report.patternContractionFraction();
        m[RunMetric.PATTERN_STABLE_FRACTION.ordinal()] = report.patternStableFraction();
        m[RunMetric.MEAN_ENERGY.ordinal()] = report.meanEnergy();
        m[RunMetric.INACTIVE_NODES.ordinal()] = report.inactiveNodes();
        double[][] mu = new double[mixture.patternCount()][];
        double[] pi = new double[mixture.patternCount()];
        for (int l = 0; l < mu.length; l++) {
            mu[l] = mixture.patternCopy(l);
            pi[l] = mixture.prob(l);
        }
        LinearCollapse collapse = LinearCollapse.ofPoints(w, mu, pi);
        m[RunMetric.TOP_DIRECTION_COSINE.ordinal()] = collapse.topDirectionCosine();
        m[RunMetric.STABLE_RANK.ordinal()] = collapse.stableRank();
        return m;
    }
}
