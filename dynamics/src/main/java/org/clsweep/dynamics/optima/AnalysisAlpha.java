package org.clsweep.dynamics.optima;

import java.util.Locale;

/**
 * Which pairwise importance α the analysis of a {@link DistinctOptimum} uses (SCIENCE.md §1, §2).
 *
 * <pre>
 *   UNIFORM   A(w), the population matrix of uniform α (the quadratic loss's)      {@link OptimumAnalysis}
 *   INFONCE   the run's own InfoNCE α on its evaluation batch: C_α and B_k          {@link InfoNceOptimumAnalysis}
 * </pre>
 */
public enum AnalysisAlpha {
    UNIFORM,
    INFONCE;

    /** The name in the tables: {@code uniform}, {@code infonce}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
