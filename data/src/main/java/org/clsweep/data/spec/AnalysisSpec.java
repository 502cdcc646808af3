package org.clsweep.data.spec;

import java.io.Serializable;
import org.clsweep.dynamics.optima.CurvatureScope;

/**
 * Optimum-analysis thresholds, spec block {@code analysis}.
 *
 * @param matchCosine        {@code analysis.match_cosine}: a pattern is recovered when some optimum
 *                           has cosine ≥ this with it
 * @param sameOptimumCosine  {@code analysis.same_optimum_cosine}: two final directions with cosine ≥
 *                           this are one distinct optimum
 * @param evalBatch          {@code analysis.eval_batch}: pairs in the evaluation batch of InfoNCE's α
 *                           structure (one-layer sgd); 0 = as many as {@code train.batch}, see
 *                           {@link RunSpec#evalBatch()}
 * @param curvature          {@code analysis.curvature}: where the optimum analysis computes the
 *                           roughness, its bound and the stability margin
 */
public record AnalysisSpec(double matchCosine, double sameOptimumCosine, int evalBatch, CurvatureScope curvature)
        implements Serializable {
    public AnalysisSpec {
        SpecKey.ANALYSIS_MATCH_COSINE.check(matchCosine);
        SpecKey.ANALYSIS_SAME_OPTIMUM_COSINE.check(sameOptimumCosine);
        SpecKey.ANALYSIS_EVAL_BATCH.check(evalBatch);
    }

    /** The block's record from its keys. */
    static AnalysisSpec from(SpecValues v) {
        return new AnalysisSpec(
                v.real(SpecKey.ANALYSIS_MATCH_COSINE),
                v.real(SpecKey.ANALYSIS_SAME_OPTIMUM_COSINE),
                v.integer(SpecKey.ANALYSIS_EVAL_BATCH),
                v.choice(CurvatureScope.class, SpecKey.ANALYSIS_CURVATURE));
    }
}
