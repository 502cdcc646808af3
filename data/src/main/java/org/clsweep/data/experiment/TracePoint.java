package org.clsweep.data.experiment;

import org.clsweep.dynamics.metrics.PatternExplainedShare;
import org.clsweep.dynamics.metrics.TopLayerShare;
import org.clsweep.dynamics.objective.AlphaStructure;

/**
 * One learning-curve record, taken every {@code train.trace_every} iterations: of a two-layer run
 * (pattern recovery and the theorem's per-RF quantities) or of a one-layer InfoNCE run (the α
 * structure on its evaluation batch). The fields of the other kind are NaN, and the arrays null.
 *
 * @param iteration         the iteration (0 = before the first step)
 * @param loss              the loss of the iteration's batch
 * @param locAll            two layers: loc_all at this iteration
 * @param locOtherAll       two layers: loc_other_all at this iteration
 * @param tokenScores       two layers: s_k(a) for every location k and token a, location-major (K·n values)
 * @param rfTopShare        two layers: s_k² = ‖V_k‖²_F / ‖V‖²_F for every RF k ({@link TopLayerShare}, K values)
 * @param rfZShare          two layers: R²_k = Var_z E[f_k | z] / V[f_k] for every RF k
 *                          ({@link PatternExplainedShare}, K values)
 * @param alphaSameShare    one layer: {@link AlphaStructure#sameShare()} on the evaluation batch
 * @param alphaSameExpected one layer: {@link AlphaStructure#sameExpected()} on the evaluation batch
 * @param alphaNegEff       one layer: {@link AlphaStructure#negativesEffective()} on the evaluation batch
 */
public record TracePoint(int iteration, double loss, double locAll, double locOtherAll, double[] tokenScores,
                         double[] rfTopShare, double[] rfZShare, double alphaSameShare, double alphaSameExpected,
                         double alphaNegEff) {

    /** A two-layer point. */
    public TracePoint(int iteration, double loss, double locAll, double locOtherAll, double[] tokenScores,
                      double[] rfTopShare, double[] rfZShare) {
        this(iteration, loss, locAll, locOtherAll, tokenScores, rfTopShare, rfZShare, Double.NaN, Double.NaN,
                Double.NaN);
    }

    /** A one-layer point. */
    static TracePoint oneLayer(int iteration, double loss, AlphaStructure alpha) {
        return new TracePoint(iteration, loss, Double.NaN, Double.NaN, null, null, null, alpha.sameShare(),
                alpha.sameExpected(), alpha.negativesEffective());
    }
}
