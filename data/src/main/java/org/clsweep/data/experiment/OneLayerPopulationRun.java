package org.clsweep.data.experiment;

import java.util.List;
import org.clsweep.data.dataset.Datasets;
import org.clsweep.data.geometry.PatternGeometry;
import org.clsweep.data.random.RunStreams;
import org.clsweep.data.random.UnitVectors;
import org.clsweep.data.spec.AnalysisSpec;
import org.clsweep.data.spec.RunSpec;
import org.clsweep.dynamics.activation.ActivationFunction;
import org.clsweep.dynamics.metrics.LabelAlignment.OptimumLabel;
import org.clsweep.dynamics.model.PatternMixture;
import org.clsweep.dynamics.model.PopulationObjective;
import org.clsweep.dynamics.optima.AnalysisSettings;
import org.clsweep.dynamics.optima.OptimaReport;
import org.clsweep.dynamics.optima.OptimumAnalysis;
import org.clsweep.dynamics.trainer.Action;
import org.clsweep.dynamics.trainer.PopulationFlow;
import org.clsweep.dynamics.trainer.StopRule;
import org.clsweep.dynamics.trainer.TrainingLoop;
import org.clsweep.dynamics.trainer.TrainingOutcome;
import org.ejml.data.DMatrixRMaj;

/**
 * One run of {@code model = onelayer, mode = population} (SCIENCE.md §2): the exact expected
 * dynamics of n independent nodes, then the optimum analysis.
 *
 * <pre>
 *   μ, π, σ   ← PatternGeometry.mixture(geometry, streams.patterns(), data)
 *   W₀        ← UnitVectors.rows: n rows uniform on S^{d−1} from streams.init()   (n = width; the same
 *               initialisation as the one-layer SGD run of the same cell and seed)
 *   W         ← PopulationFlow(η = train.lr, tol = train.tol), at most train.steps steps,
 *               StopRule.standard(): CONVERGED, budget exhausted (both OK) or DIVERGED
 *   report    ← OptimumAnalysis(analysis.*).analyse(W)
 *   metrics   ← OneLayerMetrics of the report, W and the mixture
 *   labels    ← LabelMetrics of the optima, for a labelled dataset (labels_covered, mean_label_purity)
 * </pre>
 * A DIVERGED run carries no metrics and no optima; its {@code stepsDone} counts the step whose
 * energy was not finite. The wall time covers everything from data generation to the analysis.
 *
 * @see RunExecutor
 */
final class OneLayerPopulationRun {
    private OneLayerPopulationRun() {
    }

    /**
     * @param spec a onelayer / population cell. Not modified.
     * @param seed the run's seed
     * @param data the sweep's dataset selections (read for geometry.kind = dataset). Not modified.
     */
    static RunResult execute(RunSpec spec, long seed, Datasets data) {
        long start = System.nanoTime();
        RunStreams streams = RunStreams.of(seed, spec.cellKey());
        PatternMixture mixture = PatternGeometry.mixture(spec.geometry(), streams.patterns(), data);
        ActivationFunction activation = spec.activationFunction();
        DMatrixRMaj init = UnitVectors.rows(spec.width(), mixture.dim(), streams.init());
        PopulationFlow flow = new PopulationFlow(new PopulationObjective(mixture, activation), init, spec.train().lr(),
                spec.train().tol());
        TrainingOutcome outcome = TrainingLoop.run(flow, spec.train().steps(), StopRule.standard());
        if (outcome.end() == Action.DIVERGED) {
            return new RunResult(RunStatus.DIVERGED, "non-finite energy E(w) at step " + outcome.stepsDone()
                    + " (train.lr = " + spec.train().lr() + ")", outcome.stepsDone(), millisSince(start),
                    RunResult.emptyMetrics(), new double[0], List.of(), List.of());
        }
        AnalysisSpec a = spec.analysis();
        OptimaReport report = new OptimumAnalysis(mixture, activation,
                AnalysisSettings.of(a.matchCosine(), a.sameOptimumCosine(), a.curvature())).analyse(flow.weights());
        double[] metrics = OneLayerMetrics.of(report, mixture, flow.weights());
        List<OptimumLabel> labels = LabelMetrics.of(spec.geometry(), data, report.optima(), metrics);
        return new RunResult(RunStatus.OK, null, outcome.stepsDone(), millisSince(start), metrics,
                report.patternBasinShare(), report.optima(), List.of(), List.of(), labels);
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000L;
    }
}
