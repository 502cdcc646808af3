package org.clsweep.jobs.regress.decision;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.clsweep.jobs.regress.results.CellResults;
import org.clsweep.jobs.regress.stat.SampleSummary;

/**
 * The decision for one (cell, metric): one row of {@code comparisons/} and of the report.
 * Figures that do not apply to the method are NaN.
 *
 * @param coordinates the cell's grid coordinates
 * @param cellId      the cell's {@code cell_id} (the current run's; the baseline's when the cell
 *                    is missing from the current run)
 * @param metric      the metric column, {@link #RUNS_FAILED} or {@link #RUNS_DIVERGED} for run
 *                    status, or null for a cell missing on one side
 * @param method      how the two sides were compared
 * @param verdict     the outcome of this comparison
 * @param baseline    the baseline's n, mean, sd; null when the cell is missing there
 * @param current     the current run's n, mean, sd; null when the cell is missing there
 * @param difference  current mean − baseline mean
 * @param tolerance   the metric's absolute tolerance
 * @param effectSize  difference / √((sd_b² + sd_c²) / 2), ±∞ when both sides are constant
 * @param t           Welch's statistic
 * @param df          Welch–Satterthwaite degrees of freedom
 * @param p           the raw p-value (Welch or Fisher)
 * @param pAdjusted   the p-value after the night's multiple-testing correction
 * @param reason      one sentence saying why
 */
public record Comparison(Map<String, String> coordinates, String cellId, String metric, Method method,
                         Verdict verdict, SampleSummary baseline, SampleSummary current, double difference,
                         double tolerance, double effectSize, double t, double df, double p, double pAdjusted,
                         String reason) {
    /** Pseudo-metric: the fraction of FAILED runs in the cell. */
    public static final String RUNS_FAILED = "runs_failed";
    /** Pseudo-metric: the fraction of DIVERGED runs in the cell. */
    public static final String RUNS_DIVERGED = "runs_diverged";

    /** How the two sides of a comparison were compared. */
    public enum Method {
        /** Welch's t-test on the per-seed values (or summaries), corrected, and the tolerance. */
        WELCH,
        /** Both sides constant over seeds: the values differ by more than the tolerance or not. */
        CONSTANT,
        /** An {@code exact} metric, constant in the baseline: every current value must equal it. */
        EXACT,
        /** FAILED runs: any rise in their share is a regression (a thrown exception is a bug). */
        STATUS,
        /**
         * DIVERGED runs: Fisher's one-sided exact test, corrected with the rest. Divergence can
         * be a matter of the seed, so a new diverged run is not by itself a regression; a cell
         * that diverges on every seed also loses its metrics, which {@link #NO_DATA} catches.
         */
        FISHER,
        /** One side has no values of a metric the other has. */
        NO_DATA,
        /** Fewer than two values on a side and not an exact comparison: nothing to test. */
        TOO_FEW,
        /** The cell exists on one side only. */
        MISSING_CELL
    }

    /** The outcome of one comparison. */
    public enum Verdict {
        /** No regression. */
        PASS,
        /** The science moved in this (cell, metric). */
        REGRESSION,
        /** Could not be compared (no baseline for it, too few values); reported, not a failure. */
        NOT_COMPARED
    }

    public Comparison {
        coordinates = Collections.unmodifiableMap(new LinkedHashMap<>(coordinates));
        if (method == null || verdict == null || reason == null) {
            throw new IllegalArgumentException("method, verdict and reason are required");
        }
    }

    /** The cell's human label. */
    public String cell() {
        return CellResults.label(coordinates);
    }
}
