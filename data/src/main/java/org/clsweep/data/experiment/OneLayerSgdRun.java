package org.clsweep.data.experiment;

import java.util.List;
import org.clsweep.data.geometry.PatternGeometry;
import org.clsweep.data.random.RunStreams;
import org.clsweep.data.random.UnitVectors;
import org.clsweep.data.sampling.PatternPairSampler;
import org.clsweep.data.spec.AnalysisSpec;
import org.clsweep.data.spec.RunSpec;
import org.clsweep.data.spec.TrainSpec;
import org.clsweep.dynamics.activation.ActivationFunction;
import org.clsweep.dynamics.model.OneLayerNetwork;
import org.clsweep.dynamics.model.PatternMixture;
import org.clsweep.dynamics.objective.ContrastiveLoss;
import org.clsweep.dynamics.objective.ContrastiveLosses;
import org.clsweep.dynamics.optim.MomentumSgd;
import org.clsweep.dynamics.optima.AnalysisSettings;
import org.clsweep.dynamics.optima.OptimaReport;
import org.clsweep.dynamics.optima.OptimumAnalysis;
import org.clsweep.dynamics.trainer.Action;
import org.clsweep.dynamics.trainer.OneLayerSgd;
import org.clsweep.dynamics.trainer.StopRule;
import org.clsweep.dynamics.trainer.TailLossMean;
import org.clsweep.dynamics.trainer.TrainingLoop;
import org.clsweep.dynamics.trainer.TrainingOutcome;
import org.ejml.data.DMatrixRMaj;

/**
 * One run of {@code model = onelayer, mode = sgd} (SCIENCE.md §2, sampled mode): n nodes trained
 * on minibatches of the pattern mixture with a contrastive loss, then the same optimum analysis as
 * population mode.
 *
 * <pre>
 *   μ, π, σ   ← PatternGeometry.mixture(geometry, streams.patterns())
 *   W₀        ← n rows uniform on S^{d−1} from streams.init()       (the population run's W₀ too)
 *   batches   ← PatternPairSampler(train.batch) on streams.data()
 *   W         ← OneLayerSgd(train.loss, τ, normalize_output, lr, momentum, weight_decay,
 *               normalize_rows) for train.steps steps; StopRule.standard(): DIVERGED on a
 *               non-finite loss or W
 *   report    ← OptimumAnalysis(analysis.*).analyse(W)
 *   metrics   ← OneLayerMetrics of the report, W and the mixture, plus final_loss (mean loss over the last
 *               train.trace_every steps) and, for InfoNCE, alpha_mean / alpha_max of the last batch
 * </pre>
 * A DIVERGED run carries no metrics and no optima; its {@code stepsDone} counts the step whose loss
 * (or update) was not finite. The wall time covers everything from data generation to the analysis.
 *
 * @see OneLayerPopulationRun
 * @see RunExecutor
 */
final class OneLayerSgdRun {
    private OneLayerSgdRun() {
    }

    /**
     * @param spec a onelayer / sgd cell. Not modified.
     * @param seed the run's seed
     */
    static RunResult execute(RunSpec spec, long seed) {
        long start = System.nanoTime();
        RunStreams streams = RunStreams.of(seed, spec.cellKey());
        PatternMixture mixture = PatternGeometry.mixture(spec.geometry(), streams.patterns());
        ActivationFunction activation = spec.activationFunction();
        TrainSpec t = spec.train();
        int n = spec.width();
        int d = mixture.dim();
        DMatrixRMaj w = UnitVectors.rows(n, d, streams.init());
        ContrastiveLoss loss = ContrastiveLosses.create(t.loss(), t.temperature(), t.normalizeOutput(), t.batch(), n);
        OneLayerSgd sgd = new OneLayerSgd(w, new OneLayerNetwork(activation, n, d, t.batch()),
                new PatternPairSampler(mixture, t.batch(), streams.data()), loss,
                new MomentumSgd(t.lr(), t.momentum(), t.weightDecay(), n, d), t.normalizeRows());
        TailLossMean tail = new TailLossMean(t.traceEvery());
        TrainingOutcome outcome = TrainingLoop.run(sgd, t.steps(), StopRule.standard(), tail);
        if (outcome.end() == Action.DIVERGED) {
            return new RunResult(RunStatus.DIVERGED, "non-finite loss or weights at step " + outcome.stepsDone()
                    + " (train.lr = " + t.lr() + ")", outcome.stepsDone(), millisSince(start),
                    RunResult.emptyMetrics(), new double[0], List.of(), List.of());
        }
        AnalysisSpec a = spec.analysis();
        OptimaReport report = new OptimumAnalysis(mixture, activation,
                AnalysisSettings.of(a.matchCosine(), a.sameOptimumCosine())).analyse(w);
        double[] metrics = OneLayerMetrics.of(report, mixture, w);
        metrics[RunMetric.FINAL_LOSS.ordinal()] = tail.mean();
        metrics[RunMetric.ALPHA_MEAN.ordinal()] = loss.alphaMean();
        metrics[RunMetric.ALPHA_MAX.ordinal()] = loss.alphaMax();
        return new RunResult(RunStatus.OK, null, outcome.stepsDone(), millisSince(start), metrics,
                report.patternBasinShare(), report.optima(), List.of());
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000L;
    }
}
