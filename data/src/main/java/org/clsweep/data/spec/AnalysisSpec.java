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
        SpecKey.ANALYSIS_MATCH_COSINE.check(matchCosine);
        SpecKey.ANALYSIS_SAME_OPTIMUM_COSINE.check(sameOptimumCosine);
    }

    /** The block's record from its keys. */
    static AnalysisSpec from(SpecValues v) {
        return new AnalysisSpec(
                v.real(SpecKey.ANALYSIS_MATCH_COSINE),
                v.real(SpecKey.ANALYSIS_SAME_OPTIMUM_COSINE));
    }
}
