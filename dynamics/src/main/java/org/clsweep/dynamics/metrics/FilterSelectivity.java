package org.clsweep.dynamics.metrics;

import java.util.Arrays;
import org.clsweep.dynamics.activation.ActivationFunction;
import org.ejml.data.DMatrixRMaj;

/**
 * Which tokens each first-layer filter responds to, read on the reference's normalised responses
 * r_k(j,a) of {@link PatternRecovery} (|r| for linear activation): s_k(a) maximises r_k(j,a) over
 * the filters j, these numbers maximise it over the tokens a.
 *
 * <pre>
 *   A_k            the tokens that occur at location k (in a pattern, or filling a wildcard there)
 *   dead(k,j)      h(r_k(j,a)) = 0 for every a ∈ A_k
 *   best(k,j)      argmax_{a ∈ A_k} r_k(j,a)            (the lowest token on a tie)
 *   concentration  = mean over live filters (k,j) of r_k(j, best(k,j))
 *   dead_filters   = #{(k,j) : dead(k,j)}
 *   learned        = {(k,a) : a ∈ C_k, s_k(a) ≥ θ}        θ the learned score
 *   filters_per_token = mean over (k,a) ∈ learned of #{j live : best(k,j) = a}
 * </pre>
 * r_k(j,a) is w_jᵀu_a times a positive factor (its absolute value for linear activation), and
 * token a's input at k is mag(a)·u_a with mag(a) &gt; 0, so dead(k,j) says that filter j's output
 * h(w_jᵀx_a) is 0 for every token its location sees: with ReLU, w_jᵀu_a ≤ 0 for all a ∈ A_k, and it
 * gets no gradient; with linear or leaky ReLU (c &gt; 0) only a filter orthogonal to every token is
 * dead. concentration is 1 − O(ε_k/‖Q_k[j,:]‖) for a filter that matches one token and ≈ 1/√m for a
 * filter spread evenly over m tokens with equal signs. A learned token (s_k(a) ≥ θ &gt; 1/√2) is the
 * best token of the filter that scores it, since Σ_a r_k(j,a)² &lt; 1: filters_per_token ≥ 1, and it
 * counts the copies of each learned token among the M filters of its location (β copies when the
 * M = β·P filters split evenly over P tokens).
 *
 * @param concentration   mean largest normalised response of the live filters; NaN when every filter is dead
 * @param deadFilters     filters whose output is 0 for every token of their location
 * @param filtersPerToken mean number of live filters per learned pattern token; NaN when no token is learned
 * @see PatternRecovery
 * @see FilterSpecialisation
 */
public record FilterSelectivity(double concentration, int deadFilters, double filtersPerToken) {

    /**
     * @param w            all W_k stacked, (K·M)×d. Not modified.
     * @param recovery     the run's pattern recovery: r_k(j,a) and C_k. Its workspace is modified.
     * @param scores       s_k(a) of this w, as written by {@link PatternRecovery#scores}. Not modified.
     * @param occurring    occurring[k][a]: token a occurs at location k (A_k), K×n, every A_k non-empty. Not modified.
     * @param activation   h
     * @param learnedScore θ, the score at which a token counts as learned
     */
    public static FilterSelectivity of(DMatrixRMaj w, PatternRecovery recovery, double[] scores, boolean[][] occurring,
                                       ActivationFunction activation, double learnedScore) {
        int fields = recovery.fields();
        int filters = recovery.filters();
        int vocab = recovery.vocab();
        if (occurring.length != fields) {
            throw new IllegalArgumentException("occurring has " + occurring.length + " locations, expected " + fields);
        }
        double[] r = new double[filters * vocab];
        int[] bestOf = new int[vocab];
        double concentration = 0.0;
        int live = 0;
        int dead = 0;
        double copies = 0.0;
        int learned = 0;
        for (int k = 0; k < fields; k++) {
            boolean[] seen = occurring[k];
            if (seen.length != vocab) {
                throw new IllegalArgumentException("occurring of location " + k + " has " + seen.length
                        + " tokens, expected " + vocab);
            }
            recovery.ratios(w, k, r);
            Arrays.fill(bestOf, 0);
            for (int j = 0; j < filters; j++) {
                int best = -1;
                boolean active = false;
                for (int a = 0; a < vocab; a++) {
                    if (!seen[a]) {
                        continue;
                    }
                    double ra = r[j * vocab + a];
                    active |= activation.value(ra) != 0.0;
                    if (best < 0 || ra > r[j * vocab + best]) {
                        best = a;
                    }
                }
                if (best < 0) {
                    throw new IllegalArgumentException("no token occurs at location " + k);
                }
                if (!active) {
                    dead++;
                    continue;
                }
                concentration += r[j * vocab + best];
                live++;
                bestOf[best]++;
            }
            for (int a = 0; a < vocab; a++) {
                if (recovery.inPattern(k, a) && scores[k * vocab + a] >= learnedScore) {
                    copies += bestOf[a];
                    learned++;
                }
            }
        }
        return new FilterSelectivity(live == 0 ? Double.NaN : concentration / live, dead,
                learned == 0 ? Double.NaN : copies / learned);
    }
}
