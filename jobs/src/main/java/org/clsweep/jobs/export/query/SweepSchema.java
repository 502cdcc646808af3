package org.clsweep.jobs.export.query;

import java.util.List;
import java.util.Set;
import org.clsweep.data.experiment.RunMetric;

/**
 * The column names the export reads beyond the runs table's parameter and metric columns
 * ({@link RunMetric#column()}): what the runs table calls its non-parameter columns, how the
 * aggregates table names a metric's mean and confidence interval, its run counts, basin
 * probabilities and coverage predictions, and the trace table's columns. Every query template
 * takes its names from here, so a change of the output schema is a change of one implementation.
 *
 * @see ClsweepSchema
 */
public interface SweepSchema {
    /** Runs: the columns that are not sweep parameters (ids, status, metrics, bookkeeping). */
    Set<String> runNonParameterColumns();

    /** Runs: per pattern l, the fraction of the run's nodes whose optimum matches μ_l (array). */
    String runBasinShare();

    /** Aggregates: the number of runs with status OK, over which the statistics are taken. */
    String aggregateRuns();

    /** Aggregates: the cell's run counts, all runs first, then by status (OK, DIVERGED, FAILED). */
    List<String> aggregateCounts();

    /** Aggregates: the mean of {@code metric} over the cell's OK runs. */
    String mean(RunMetric metric);

    /** Aggregates: the lower end of the mean's 95% confidence interval. */
    String ciLow(RunMetric metric);

    /** Aggregates: the upper end of the mean's 95% confidence interval. */
    String ciHigh(RunMetric metric);

    /** Aggregates: per pattern l, the basin probability p_l = mean over OK runs of the basin share (array). */
    String basinProbability();

    /** Aggregates: the brute-force coverage prediction mean_l [1 − (1 − p_l)^width] from the cell's p_l. */
    String coveragePrediction();

    /**
     * Aggregates: the same prediction from p_l pooled over the cells that differ only in width
     * (every node weighs the same), which does not reuse the cell's own runs alone.
     */
    String pooledCoveragePrediction();

    /**
     * Aggregates: for geometries drawn per seed, the mean over seeds of the prediction from each
     * seed's own pooled p_l; NULL for fixed geometries.
     */
    String perSeedCoveragePrediction();

    /** Tokens: how many global patterns put the row's token at its location (0: noise there). */
    String tokenPatternsUsing();

    /** Tokens: the first traced iteration at which the token's score reached 0.9; NULL if never. */
    String tokenLearningTime();

    /** Tokens: P(x1_k = a), the share of samples with the row's token at its location (0: never there). */
    String tokenFrequency();

    /** Trace: the iteration of a learning-curve row. */
    String traceIteration();

    /** Trace: loc_all at that iteration. */
    String traceLocAll();

    /** Trace: loc_other_all at that iteration. */
    String traceLocOtherAll();

    /** Optima: the spectral gap λ1 − λ2 of an optimum. */
    String optimumGap();

    /** Optima: the exact roughness ρ(w) of an optimum (NULL on a hinge or when not computed). */
    String optimumRoughness();

    /** Optima: the stability margin of an optimum (&gt; 0: a strict local maximum). */
    String optimumStabilityMargin();

    /** Optima: the fixed-point residual ‖(I − wwᵀ)A(w)w‖ of an optimum. */
    String optimumResidual();

    /** Optima: the optimum's index in its run, 0 for the largest basin. */
    String optimumIndex();

    /** Optima: which α the row's analysis uses ({@code uniform} | {@code infonce}). */
    String optimumAnalysisAlpha();

    /** Optima: the optimum's share of its run's nodes. */
    String optimumBasinShare();

    /** Optima: the unit direction w (array). */
    String optimumDirection();

    /** Optima, labelled dataset: the majority label y* (NULL without labels). */
    String optimumMajorityLabel();

    /** Optima, labelled dataset: the label purity of w (NULL without labels). */
    String optimumLabelPurity();
}
