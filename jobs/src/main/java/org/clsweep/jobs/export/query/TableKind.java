package org.clsweep.jobs.export.query;

import java.util.Locale;

/**
 * The Parquet tables of a sweep's output directory (README, "Output"). In SQL templates
 * a table is written as its placeholder, e.g. {@code {runs}}, which {@link SqlQuery} replaces by a
 * Spark view name or a DuckDB {@code read_parquet(…)} call.
 */
public enum TableKind {
    /** One row per run (cell × seed). */
    RUNS,
    /** One row per distinct optimum per run (one layer). */
    OPTIMA,
    /** Learning-curve rows (two layers). */
    TRACE,
    /** One row per (location, token) per run: patterns using the token, its learning time (two layers). */
    TOKENS,
    /** One row per cell: counts, means, CIs, basin probabilities, the coverage prediction. */
    AGGREGATES;

    /** The sub-directory of OUT, e.g. {@code runs}; also the Spark view name. */
    public String directory() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** How SQL templates refer to the table, e.g. {@code {runs}}. */
    public String placeholder() {
        return "{" + directory() + "}";
    }
}
