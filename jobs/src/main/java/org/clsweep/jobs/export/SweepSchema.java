package org.clsweep.jobs.export;

import java.util.Set;
import org.clsweep.data.experiment.RunMetric;

/**
 * The column names the export reads, beyond the runs table's documented ones (parameters,
 * {@code status}, metric columns named by {@link RunMetric#column()}): how the aggregates table
 * names a metric's mean and confidence interval, its basin probabilities and coverage prediction,
 * and the trace table's columns. Every query template takes its names from here, so a change of
 * the output schema is a change of one implementation.
 *
 * @see ClsweepSchema
 */
public interface SweepSchema {
    /** Runs-table columns that are not sweep parameters (ids, status, metrics, bookkeeping). */
    Set<String> runNonParameterColumns();

    /** Aggregates: the number of runs the cell's statistics use (status OK). */
    String aggregateRuns();

    /** Aggregates: the mean of {@code metric} over the cell's runs. */
    String mean(RunMetric metric);

    /** Aggregates: the lower end of the 95% confidence interval of the mean. */
    String ciLow(RunMetric metric);

    /** Aggregates: the upper end of the 95% confidence interval of the mean. */
    String ciHigh(RunMetric metric);

    /** Aggregates: per pattern l, the basin probability p_l (array, pattern order). */
    String basinProbability();

    /** Aggregates: per pattern, the lower end of p_l's 95% interval (array). */
    String basinCiLow();

    /** Aggregates: per pattern, the upper end of p_l's 95% interval (array). */
    String basinCiHigh();

    /** Aggregates: the brute-force coverage prediction mean_l [1 − (1 − p_l)^n]. */
    String coveragePrediction();

    /** Trace: the iteration of a learning-curve row. */
    String traceIteration();

    /** Trace: loc_all at that iteration. */
    String traceLocAll();

    /** Trace: loc_other_all at that iteration. */
    String traceLocOtherAll();
}
