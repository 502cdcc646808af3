package org.clsweep.data.experiment;

import org.clsweep.dynamics.optima.OptimaReport;

/**
 * The one-layer {@link RunMetric} values of an {@link OptimaReport}, the same for population and
 * SGD runs. Metrics of other models stay NaN.
 *
 * <pre>
 *   distinct_optima, patterns_recovered, coverage, max_residual, mean_best_cosine,
 *   top_eigen_fraction, mean_gap, mean_roughness, mean_energy,
 *   inactive_nodes                                               ←  the report's fields of those names
 * </pre>
 */
public final class OneLayerMetrics {
    private OneLayerMetrics() {
    }

    /**
     * @param report the analysis of the run's final weights. Not modified.
     * @return a fresh metrics array indexed by {@link RunMetric#ordinal()}
     */
    public static double[] of(OptimaReport report) {
        double[] m = RunResult.emptyMetrics();
        m[RunMetric.DISTINCT_OPTIMA.ordinal()] = report.distinctOptima();
        m[RunMetric.PATTERNS_RECOVERED.ordinal()] = report.patternsRecovered();
        m[RunMetric.COVERAGE.ordinal()] = report.coverage();
        m[RunMetric.MAX_RESIDUAL.ordinal()] = report.maxResidual();
        m[RunMetric.MEAN_BEST_COSINE.ordinal()] = report.meanBestCosine();
        m[RunMetric.TOP_EIGEN_FRACTION.ordinal()] = report.topEigenFraction();
        m[RunMetric.MEAN_GAP.ordinal()] = report.meanGap();
        m[RunMetric.MEAN_ROUGHNESS.ordinal()] = report.meanRoughness();
        m[RunMetric.MEAN_ENERGY.ordinal()] = report.meanEnergy();
        m[RunMetric.INACTIVE_NODES.ordinal()] = report.inactiveNodes();
        return m;
    }
}
