package org.clsweep.data.tokens;

import org.clsweep.dynamics.model.TokenEmbedding;
import org.ejml.data.DMatrixRMaj;

/**
 * The exact joint law of the two views' tokens at each location, P_k(a,b) = P(x1_k = a, x2_k = b),
 * under {@link TokenPairGenerator}'s rule, and the covariance of the location's inputs it implies.
 *
 * <pre>
 *   q_g    = aug_degree / w_g                  w_g the wildcards of pattern g: P(g redraws a given one)
 *   P_k(a,b) = (1/G) [ Σ_{g fixes k} 1[a = b = token(g,k)]
 *                     + Σ_{g wild at k} (1/n) ( (1 − q_g) 1[a = b] + q_g / n ) ]
 *            = δ_k(a) 1[a = b] + c_k,    δ_k(a) = (usage(k,a) + Σ_{g wild at k} (1 − q_g)/n) / G,
 *                                        c_k = Σ_{g wild at k} q_g / (G n²)
 *   f_k(a) = Σ_b P_k(a,b) = (usage(k,a) + W_k/n) / G           both views, W_k = #{g wild at k}
 *   C_k    = Cov(x1_k, x2_k) = E (P_k − f_k f_kᵀ) Eᵀ          E = U diag(mag), column a = x_a
 * </pre>
 * P_k is symmetric, so C_k is too. With uniform α the expected objective of a linear network
 * z = Fx is proportional to tr(F Cov(x1, x2) Fᵀ) (½‖z_i − z_j‖² of independent samples less
 * ½‖z_i − z'_i‖² of a pair); for the two-layer network F = V·blockdiag(W_k), and C_k is the
 * diagonal block of location k: the augmentation-invariant covariance V[x̃_k] of the local term
 * of SCIENCE.md §3 for linear h (x̃_k = x_k), whose top eigenvector is the principal direction the
 * linear theorem predicts for RF k's filters when the other blocks do not couple them. Its
 * diagonal entry for one-hot tokens is mag(a)²·(P_k(a,a) − f_k(a)²). The tokens that occur at k
 * are those with f_k(a) &gt; 0. Immutable.
 *
 * @see TokenPatterns
 */
public final class LocationPairDistribution {
    private final int vocab;
    private final double[][] same;
    private final double[] spread;
    private final double[][] frequency;
    private final double[] redraw;

    private LocationPairDistribution(double[][] same, double[] spread, double[][] frequency, double[] redraw) {
        this.vocab = frequency[0].length;
        this.same = same;
        this.spread = spread;
        this.frequency = frequency;
        this.redraw = redraw;
    }

    /**
     * @param table     the pattern table
     * @param augDegree wildcards view 2 redraws, ≤ the wildcards of every pattern
     */
    public static LocationPairDistribution of(TokenPatterns table, int augDegree) {
        int n = table.vocab();
        int kk = table.locations();
        int g = table.count();
        double[][] same = new double[kk][n];
        double[] spread = new double[kk];
        double[][] frequency = new double[kk][n];
        double[] redraw = new double[g];
        for (int p = 0; p < g; p++) {
            int wild = 0;
            for (int k = 0; k < kk; k++) {
                if (table.token(p, k) < 0) {
                    wild++;
                }
            }
            if (wild < augDegree) {
                throw new IllegalArgumentException("pattern " + p + " has " + wild + " wildcards, fewer than aug_degree = "
                        + augDegree);
            }
            double q = wild == 0 ? 0.0 : (double) augDegree / wild;
            redraw[p] = q;
            for (int k = 0; k < kk; k++) {
                int t = table.token(p, k);
                if (t >= 0) {
                    same[k][t] += 1.0 / g;
                    frequency[k][t] += 1.0 / g;
                } else {
                    for (int a = 0; a < n; a++) {
                        same[k][a] += (1.0 - q) / (n * (double) g);
                        frequency[k][a] += 1.0 / (n * (double) g);
                    }
                    spread[k] += q / ((double) n * n * g);
                }
            }
        }
        return new LocationPairDistribution(same, spread, frequency, redraw);
    }

    /** q_g = aug_degree / w_g: the probability that view 2 redraws a given wildcard of pattern g. */
    public double redrawProbability(int pattern) {
        return redraw[pattern];
    }

    /** K. */
    public int locations() {
        return frequency.length;
    }

    /** P(x1_k = a, x2_k = b). */
    public double joint(int k, int a, int b) {
        return (a == b ? same[k][a] : 0.0) + spread[k];
    }

    /** f_k(a) = P(x1_k = a) = P(x2_k = a). */
    public double frequency(int k, int a) {
        return frequency[k][a];
    }

    /** occurring[k][a] = f_k(a) &gt; 0: whether token a ever occurs at location k, as a new K×n table. */
    public boolean[][] occurring() {
        boolean[][] out = new boolean[frequency.length][vocab];
        for (int k = 0; k < frequency.length; k++) {
            for (int a = 0; a < vocab; a++) {
                out[k][a] = frequency[k][a] > 0.0;
            }
        }
        return out;
    }

    /**
     * C_k = Σ_a δ_k(a) x_a x_aᵀ + c_k s sᵀ − m mᵀ with s = Σ_a x_a and m = Σ_a f_k(a) x_a.
     *
     * @param k         the location
     * @param embedding the token inputs x_a = mag(a)·u_a, n tokens
     * @return a new d×d matrix
     */
    public DMatrixRMaj inputCovariance(int k, TokenEmbedding embedding) {
        if (embedding.vocab() != vocab) {
            throw new IllegalArgumentException("embedding has " + embedding.vocab() + " tokens, expected " + vocab);
        }
        int d = embedding.dim();
        double[] s = new double[d];
        double[] m = new double[d];
        DMatrixRMaj c = new DMatrixRMaj(d, d);
        for (int a = 0; a < vocab; a++) {
            for (int i = 0; i < d; i++) {
                double xi = embedding.input(i, a);
                s[i] += xi;
                m[i] += frequency[k][a] * xi;
                for (int j = 0; j < d; j++) {
                    c.data[i * d + j] += same[k][a] * xi * embedding.input(j, a);
                }
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                c.data[i * d + j] += spread[k] * s[i] * s[j] - m[i] * m[j];
            }
        }
        return c;
    }
}
