package org.clsweep.data.spec;

import java.io.Serializable;

/**
 * Optimum-analysis thresholds, spec block {@code analysis}.
 *
 * @param matchCosine        {@code analysis.match_cosine}: a pattern is recovered when some optimum
 *                           has cosine ≥ this with it
 * @param sameOptimumCosine  {@code analysis.same_optimum_cosine}: two final directions with cosine ≥
 *                           this are one distinct optimum
 */
public record AnalysisSpec(double matchCosine, double sameOptimumCosine) implements Serializable {
    public AnalysisSpec {
        Check.inRange("analysis.match_cosine", matchCosine, 0.0, 1.0, true, false);
        Check.inRange("analysis.same_optimum_cosine", sameOptimumCosine, 0.0, 1.0, true, false);
    }
}
