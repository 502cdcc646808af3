package org.clsweep.data.experiment;

import java.util.Arrays;
import java.util.List;
import org.clsweep.dynamics.metrics.LabelAlignment.OptimumLabel;
import org.clsweep.dynamics.optima.DistinctOptimum;

/**
 * What one run (cell × seed) produced. Metrics are indexed by {@link RunMetric#ordinal()}; a
 * metric that does not apply is NaN.
 *
 * @param status            OK, DIVERGED or FAILED
 * @param error             the failure or divergence message; null when OK
 * @param stepsDone         steps taken (for DIVERGED, the iteration at which it diverged)
 * @param wallMs            wall-clock milliseconds of the run
 * @param metrics           one value per {@link RunMetric}
 * @param patternBasinShare one layer: per pattern l, the fraction of nodes whose optimum matches
 *                          μ_l (cosine ≥ match threshold); empty for two layers
 * @param optima            one layer: the distinct optima under uniform α ({@code AnalysisAlpha.UNIFORM}, by index),
 *                          then, for sgd InfoNCE runs of a homogeneous activation, the same optima
 *                          under the run's α ({@code INFONCE}, by index); empty otherwise
 * @param trace             the learning curve of a two-layer or one-layer sgd InfoNCE run; empty otherwise
 * @param tokens            two layers: per (location, token), its pair statistics and its learning
 *                          time (K·n records); empty otherwise
 * @param optimumLabels     one layer on labelled data ({@link LabelMetrics}): the label alignment of
 *                          {@code optima.get(i)} at index i; empty otherwise
 */
public record RunResult(RunStatus status, String error, int stepsDone, long wallMs, double[] metrics,
                        double[] patternBasinShare, List<DistinctOptimum> optima, List<TracePoint> trace,
                        List<TokenLearning> tokens, List<OptimumLabel> optimumLabels) {
    public RunResult {
        if (metrics.length != RunMetric.values().length) {
            throw new IllegalArgumentException("expected " + RunMetric.values().length + " metrics, found "
                    + metrics.length);
        }
        if (!optimumLabels.isEmpty() && optimumLabels.size() != optima.size()) {
            throw new IllegalArgumentException(optimumLabels.size() + " optimum labels for " + optima.size()
                    + " optima");
        }
        optima = List.copyOf(optima);
        trace = List.copyOf(trace);
        tokens = List.copyOf(tokens);
        optimumLabels = List.copyOf(optimumLabels);
    }

    /** A result without optimum labels (two layers; one layer on unlabelled data). */
    public RunResult(RunStatus status, String error, int stepsDone, long wallMs, double[] metrics,
                     double[] patternBasinShare, List<DistinctOptimum> optima, List<TracePoint> trace,
                     List<TokenLearning> tokens) {
        this(status, error, stepsDone, wallMs, metrics, patternBasinShare, optima, trace, tokens, List.of());
    }

    /** A result without per-token records (every model but two layers). */
    public RunResult(RunStatus status, String error, int stepsDone, long wallMs, double[] metrics,
                     double[] patternBasinShare, List<DistinctOptimum> optima, List<TracePoint> trace) {
        this(status, error, stepsDone, wallMs, metrics, patternBasinShare, optima, trace, List.of());
    }

    /** A metrics array with every metric NaN, to fill in. */
    public static double[] emptyMetrics() {
        double[] m = new double[RunMetric.values().length];
        Arrays.fill(m, Double.NaN);
        return m;
    }

    /** A FAILED run: no metrics. */
    public static RunResult failed(String error, long wallMs) {
        return new RunResult(RunStatus.FAILED, error, 0, wallMs, emptyMetrics(), new double[0], List.of(), List.of());
    }

    /** The value of one metric, NaN when it does not apply. */
    public double metric(RunMetric m) {
        return metrics[m.ordinal()];
    }
}
