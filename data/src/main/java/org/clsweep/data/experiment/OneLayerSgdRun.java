package org.clsweep.data.experiment;

import java.util.ArrayList;
import java.util.List;
import org.clsweep.data.dataset.Datasets;
import org.clsweep.data.geometry.PatternGeometry;
import org.clsweep.data.random.RunStreams;
import org.clsweep.data.random.UnitVectors;
import org.clsweep.data.sampling.LabelledBatch;
import org.clsweep.data.sampling.PatternPairSampler;
import org.clsweep.data.spec.AnalysisSpec;
import org.clsweep.data.spec.RunSpec;
import org.clsweep.data.spec.TrainSpec;
import org.clsweep.dynamics.activation.ActivationFunction;
import org.clsweep.dynamics.metrics.LabelAlignment.OptimumLabel;
import org.clsweep.dynamics.model.OneLayerNetwork;
import org.clsweep.dynamics.model.PatternMixture;
import org.clsweep.dynamics.objective.ContrastiveLoss;
import org.clsweep.dynamics.objective.ContrastiveLosses;
import org.clsweep.dynamics.objective.LossType;
import org.clsweep.dynamics.optim.MomentumSgd;
import org.clsweep.dynamics.optima.AnalysisSettings;
import org.clsweep.dynamics.optima.DistinctOptimum;
import org.clsweep.dynamics.optima.InfoNceOptimumAnalysis;
import org.clsweep.dynamics.optima.OptimaReport;
import org.clsweep.dynamics.optima.OptimumAnalysis;
import org.clsweep.dynamics.trainer.Action;
import org.clsweep.dynamics.trainer.OneLayerSgd;
import org.clsweep.dynamics.trainer.StepObserver;
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
 *   μ, π, σ   ← PatternGeometry.mixture(geometry, streams.patterns(), data)
 *   W₀        ← n rows uniform on S^{d−1} from streams.init()       (the population run's W₀ too)
 *   batches   ← PatternPairSampler(train.batch) on streams.data()
 *   W         ← OneLayerSgd(train.loss, τ, normalize_output, lr, momentum, weight_decay,
 *               normalize_rows) for train.steps steps; StopRule.standard(): DIVERGED on a
 *               non-finite loss or W
 *   report    ← OptimumAnalysis(analysis.*).analyse(W)
 *   metrics   ← OneLayerMetrics of the report, W and the mixture, plus final_loss (mean loss over the last
 *               train.trace_every steps) and, for InfoNCE, alpha_mean / alpha_max of the last batch
 *   InfoNCE:  eval ← LabelledBatch(analysis.eval_batch or train.batch pairs) from streams.eval();
 *             trace ← OneLayerTrace every train.trace_every steps on eval, and alpha_same_share,
 *             alpha_same_expected, alpha_neg_eff ← its last point (final W);
 *             homogeneous h: the report's optima again, under the run's α on eval
 *             (InfoNceOptimumAnalysis), after the uniform ones
 *   labels    ← LabelMetrics of the optima, for a labelled dataset (labels_covered, mean_label_purity)
 * </pre>
 * The evaluation batch has a stream of its own and the trace only reads W, so the training, the
 * analysis and every other metric are what they are without them. A DIVERGED run carries no
 * metrics and no optima, and keeps its trace up to the divergence; its {@code stepsDone} counts the
 * step whose loss (or update) was not finite. The wall time covers everything from data
 * generation to the analysis.
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
     * @param data the sweep's dataset selections (read for geometry.kind = dataset). Not modified.
     */
    static RunResult execute(RunSpec spec, long seed, Datasets data) {
        long start = System.nanoTime();
        RunStreams streams = RunStreams.of(seed, spec.cellKey());
        PatternMixture mixture = PatternGeometry.mixture(spec.geometry(), streams.patterns(), data);
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
        LabelledBatch eval = t.loss() == LossType.INFONCE
                ? LabelledBatch.draw(mixture, spec.evalBatch(), streams.eval())
                : null;
        OneLayerTrace trace = eval == null ? null
                : new OneLayerTrace(w, activation, eval, t.temperature(), t.normalizeOutput(), t.traceEvery());
        StepObserver[] observers = trace == null ? new StepObserver[] {tail} : new StepObserver[] {tail, trace};
        TrainingOutcome outcome = TrainingLoop.run(sgd, t.steps(), StopRule.standard(), observers);
        List<TracePoint> points = trace == null ? List.of() : trace.points();
        if (outcome.end() == Action.DIVERGED) {
            return new RunResult(RunStatus.DIVERGED, "non-finite loss or weights at step " + outcome.stepsDone()
                    + " (train.lr = " + t.lr() + ")", outcome.stepsDone(), millisSince(start),
                    RunResult.emptyMetrics(), new double[0], List.of(), points);
        }
        AnalysisSpec a = spec.analysis();
        OptimaReport report = new OptimumAnalysis(mixture, activation,
                AnalysisSettings.of(a.matchCosine(), a.sameOptimumCosine(), a.curvature())).analyse(w);
        double[] metrics = OneLayerMetrics.of(report, mixture, w);
        metrics[RunMetric.FINAL_LOSS.ordinal()] = tail.mean();
        metrics[RunMetric.ALPHA_MEAN.ordinal()] = loss.alphaMean();
        metrics[RunMetric.ALPHA_MAX.ordinal()] = loss.alphaMax();
        if (trace != null) {
            TracePoint last = trace.last();
            metrics[RunMetric.ALPHA_SAME_SHARE.ordinal()] = last.alphaSameShare();
            metrics[RunMetric.ALPHA_SAME_EXPECTED.ordinal()] = last.alphaSameExpected();
            metrics[RunMetric.ALPHA_NEG_EFF.ordinal()] = last.alphaNegEff();
        }
        List<DistinctOptimum> optima = report.optima();
        if (eval != null && activation.isHomogeneous()) {
            optima = new ArrayList<>(optima);
            optima.addAll(new InfoNceOptimumAnalysis(activation, t.temperature(), t.normalizeOutput())
                    .analyse(w, report.optima(), eval.view1(), eval.view2()));
        }
        List<OptimumLabel> labels = LabelMetrics.of(spec.geometry(), data, optima, metrics);
        return new RunResult(RunStatus.OK, null, outcome.stepsDone(), millisSince(start), metrics,
                report.patternBasinShare(), optima, points, List.of(), labels);
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000L;
    }
}
