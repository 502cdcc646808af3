package org.clsweep.dynamics.metrics;

import org.clsweep.dynamics.activation.ActivationFunction;
import org.clsweep.dynamics.model.TokenEmbedding;
import org.ejml.data.DMatrixRMaj;

/**
 * How much of each receptive field's output the global pattern z explains: R²_k of the appendix
 * theorem's discussion (SCIENCE.md §3), exact from the pattern table, without sampling.
 *
 * <pre>
 *   f_kj(a) = h(w_kjᵀ x_a)                   filter j of RF k on token a at location k
 *   z ~ U{0 … G−1};  x_k | z = token(z,k) where z fixes k, uniform over the n tokens where z is wild
 *   μ      = E f_kj = (1/G) [ Σ_a u(k,a) f_kj(a) + W_k f̄_kj ],   f̄_kj = (1/n) Σ_a f_kj(a)
 *   V_kj   = Var f_kj        = (1/G) [ Σ_a u(k,a) (f_kj(a) − μ)² + W_k (1/n) Σ_a (f_kj(a) − μ)² ]
 *   B_kj   = Var_z E[f_kj|z] = (1/G) [ Σ_a u(k,a) (f_kj(a) − μ)² + W_k (f̄_kj − μ)² ]
 *   R²_k   = mean over the live filters j of B_kj / V_kj ∈ [0, 1]
 * </pre>
 * u(k,a) = patterns fixing a at k, W_k = G − Σ_a u(k,a) patterns wild at k. Both views have this
 * law at k, so it is the same for either. R²_k = 1 when every pattern fixes k (f_k depends on z
 * only) and 0 when none does (x_k, hence f_k, is independent of z). A filter is live when
 * V_kj &gt; 10⁻¹² E f_kj² (a constant output, e.g. a dead ReLU filter, has no share to explain);
 * R²_k is NaN when no filter of RF k is live. BatchNorm maps each filter's output by an affine map,
 * which leaves B_kj / V_kj unchanged, so this is also the share of the normalised output.
 */
public final class PatternExplainedShare {
    private static final double CONSTANT = 1e-12;

    private final int[][] usage;
    private final int patterns;
    private final TokenEmbedding embedding;
    private final ActivationFunction activation;
    private final int filters;
    private final double[] response;

    /**
     * @param usage      u(k,a), K×n: patterns fixing token a at location k. Not modified.
     * @param patterns   G, the patterns of the table (≥ every Σ_a u(k,a))
     * @param embedding  the token inputs x_a, n tokens
     * @param activation h
     * @param filters    M, filters per RF
     */
    public PatternExplainedShare(int[][] usage, int patterns, TokenEmbedding embedding, ActivationFunction activation,
                                 int filters) {
        int vocab = embedding.vocab();
        this.usage = new int[usage.length][];
        for (int k = 0; k < usage.length; k++) {
            if (usage[k].length != vocab) {
                throw new IllegalArgumentException("usage of location " + k + " has " + usage[k].length
                        + " tokens, expected " + vocab);
            }
            int fixed = 0;
            for (int u : usage[k]) {
                fixed += u;
            }
            if (fixed > patterns) {
                throw new IllegalArgumentException("location " + k + " is fixed by " + fixed + " patterns, more than "
                        + patterns);
            }
            this.usage[k] = usage[k].clone();
        }
        this.patterns = patterns;
        this.embedding = embedding;
        this.activation = activation;
        this.filters = filters;
        this.response = new double[vocab];
    }

    /**
     * @param w all W_k stacked, (K·M)×d. Not modified.
     * @return a new array of the K shares R²_k
     */
    public double[] of(DMatrixRMaj w) {
        int fields = usage.length;
        if (w.numRows != fields * filters || w.numCols != embedding.dim()) {
            throw new IllegalArgumentException("W is " + w.numRows + "×" + w.numCols + ", expected "
                    + fields * filters + "×" + embedding.dim());
        }
        double[] share = new double[fields];
        for (int k = 0; k < fields; k++) {
            double sum = 0.0;
            int live = 0;
            for (int j = 0; j < filters; j++) {
                double ratio = filterShare(w, k, j);
                if (!Double.isNaN(ratio)) {
                    sum += ratio;
                    live++;
                }
            }
            share[k] = live == 0 ? Double.NaN : sum / live;
        }
        return share;
    }

    /** B_kj / V_kj, NaN for a constant filter. */
    private double filterShare(DMatrixRMaj w, int k, int j) {
        int vocab = response.length;
        int dim = embedding.dim();
        int row = (k * filters + j) * dim;
        for (int a = 0; a < vocab; a++) {
            double pre = 0.0;
            for (int i = 0; i < dim; i++) {
                pre += w.data[row + i] * embedding.input(i, a);
            }
            response[a] = activation.value(pre);
        }
        int[] u = usage[k];
        int wild = patterns;
        double fixedSum = 0.0;
        double mean = 0.0;
        for (int a = 0; a < vocab; a++) {
            wild -= u[a];
            fixedSum += u[a] * response[a];
            mean += response[a];
        }
        mean /= vocab;
        double mu = (fixedSum + wild * mean) / patterns;
        double fixedSq = 0.0;
        double spread = 0.0;
        for (int a = 0; a < vocab; a++) {
            double c = response[a] - mu;
            fixedSq += u[a] * c * c;
            spread += c * c;
        }
        double variance = (fixedSq + wild * spread / vocab) / patterns;
        double between = (fixedSq + wild * (mean - mu) * (mean - mu)) / patterns;
        if (!(variance > CONSTANT * (variance + mu * mu))) {
            return Double.NaN;
        }
        return between / variance;
    }
}
