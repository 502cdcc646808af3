package org.clsweep.data.experiment;

import org.clsweep.data.tokens.TokenStatistics;

/**
 * When a two-layer run learned one (location, token), beside what the data make of that token:
 * the global-modulation view of SCIENCE.md §3. One record per location k and token a (K·n per run).
 *
 * @param location     k
 * @param token        a
 * @param statistics   the token's exact pair statistics at k under the run's pattern table
 * @param learningTime the first traced iteration at which s_k(a) ≥ {@link TwoLayerTrace#LEARNED_SCORE};
 *                     {@link #NEVER} when no trace point reached it (write as NULL)
 * @param finalScore   s_k(a) of the final filters; NaN when the run diverged (write as NULL)
 */
public record TokenLearning(int location, int token, TokenStatistics statistics, int learningTime,
                            double finalScore) {
    /** The learning time of a token that was never learned. */
    public static final int NEVER = -1;

    /** How many global patterns put token a at location k (0: a is background there). */
    public int patternsUsing() {
        return statistics.patternsUsing();
    }

    /** Whether the token was learned within the run. */
    public boolean learned() {
        return learningTime != NEVER;
    }
}
