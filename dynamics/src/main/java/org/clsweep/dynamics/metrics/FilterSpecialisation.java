package org.clsweep.dynamics.metrics;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * How much the filters of each receptive field specialise: whether they point in different
 * directions (each aligned with its own token) or mix the same tokens.
 *
 * <pre>
 *   abs_cos_k = mean_{j &lt; j'} |cos(W_k[j,:], W_k[j',:])|        pairs with a zero filter are skipped
 *   erank_k   = exp( −Σ_i p_i log p_i ),  p_i = σ_i / Σ_l σ_l      σ_i the singular values of W_k
 *   top_cos_k = |cos| between W_k's top right-singular vector and C_k's top eigenvector
 *               ({@link LinearCollapse#topDirectionCosine()} of W_k and C_k, NaN on a tie)
 * </pre>
 * The effective rank is Roy and Vetterli's (2007): 1 when all filters are parallel, min(M, d)
 * when the singular values are equal; 0 by convention for W_k = 0. The network values are the
 * means over receptive fields (over those with at least one pair, for abs_cos; over those without
 * a tie, for top_cos). With linear activation the filters of an RF cannot specialise (the paper
 * proves it); these numbers show how they mix instead, and top_cos whether their common direction
 * is the top principal direction of the RF's input covariance C_k.
 */
public final class FilterSpecialisation {
    private FilterSpecialisation() {
    }

    /**
     * Mean |cosine| between distinct filters of an RF, averaged over RFs.
     *
     * @param w       all W_k stacked, (K·M)×d. Not modified.
     * @param fields  K
     * @param filters M
     * @return the mean, NaN when no RF has two non-zero filters
     */
    public static double meanAbsCosine(DMatrixRMaj w, int fields, int filters) {
        int d = w.numCols;
        double[] wd = w.data;
        double total = 0.0;
        int used = 0;
        for (int f = 0; f < fields; f++) {
            double sum = 0.0;
            int pairs = 0;
            for (int j = 0; j < filters; j++) {
                int a = (f * filters + j) * d;
                double na = dot(wd, a, a, d);
                for (int l = j + 1; l < filters; l++) {
                    int b = (f * filters + l) * d;
                    double nb = dot(wd, b, b, d);
                    if (na > 0.0 && nb > 0.0) {
                        sum += Math.abs(dot(wd, a, b, d)) / Math.sqrt(na * nb);
                        pairs++;
                    }
                }
            }
            if (pairs > 0) {
                total += sum / pairs;
                used++;
            }
        }
        return used == 0 ? Double.NaN : total / used;
    }

    /**
     * Effective rank of W_k, averaged over RFs.
     *
     * @param w       all W_k stacked, (K·M)×d. Not modified.
     * @param fields  K
     * @param filters M
     */
    public static double meanEffectiveRank(DMatrixRMaj w, int fields, int filters) {
        int d = w.numCols;
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(filters, d, false, false, true);
        DMatrixRMaj block = new DMatrixRMaj(filters, d);
        double total = 0.0;
        for (int f = 0; f < fields; f++) {
            System.arraycopy(w.data, f * filters * d, block.data, 0, filters * d);
            if (!svd.decompose(block)) {
                throw new IllegalStateException("SVD failed on the filters of location " + f);
            }
            total += effectiveRank(svd.getSingularValues(), svd.numberOfSingularValues());
        }
        return total / fields;
    }

    /**
     * |cos| between each W_k's top right-singular vector and the top eigenvector of C_k, averaged
     * over the RFs where both are defined.
     *
     * @param w           all W_k stacked, (K·M)×d. Not modified.
     * @param fields      K
     * @param filters     M
     * @param covariances C_k, K symmetric positive semi-definite d×d matrices. Not modified.
     * @return the mean, NaN when every RF has a tie (or a zero W_k or C_k)
     */
    public static double meanTopDirectionCosine(DMatrixRMaj w, int fields, int filters, DMatrixRMaj[] covariances) {
        if (covariances.length != fields) {
            throw new IllegalArgumentException(covariances.length + " covariances for " + fields + " fields");
        }
        int d = w.numCols;
        DMatrixRMaj block = new DMatrixRMaj(filters, d);
        double total = 0.0;
        int used = 0;
        for (int f = 0; f < fields; f++) {
            System.arraycopy(w.data, f * filters * d, block.data, 0, filters * d);
            double cos = LinearCollapse.of(block, covariances[f]).topDirectionCosine();
            if (!Double.isNaN(cos)) {
                total += cos;
                used++;
            }
        }
        return used == 0 ? Double.NaN : total / used;
    }

    /** exp of the entropy of the normalised singular values; 0 when they are all 0. */
    static double effectiveRank(double[] sigma, int count) {
        double sum = 0.0;
        for (int i = 0; i < count; i++) {
            sum += sigma[i];
        }
        if (!(sum > 0.0)) {
            return 0.0;
        }
        double entropy = 0.0;
        for (int i = 0; i < count; i++) {
            double p = sigma[i] / sum;
            if (p > 0.0) {
                entropy -= p * Math.log(p);
            }
        }
        return Math.exp(entropy);
    }

    private static double dot(double[] x, int a, int b, int len) {
        double acc = 0.0;
        for (int i = 0; i < len; i++) {
            acc += x[a + i] * x[b + i];
        }
        return acc;
    }
}
