package org.clsweep.dynamics.metrics;

import org.ejml.data.DMatrixRMaj;

/**
 * How well the first-layer filters of a two-layer network recovered the tokens of the global
 * patterns: the score s_k(a) of every (location, token) and its means loc_k, loc_other_k.
 *
 * <pre>
 *   Q_k = W_k U ∈ R^{M×n}                       filters projected on the token directions
 *   ε_k = max( max_{j,a} |Q_k[j,a]| / 1000, 1e-6 )
 *   r_k(j,a) = Q_k[j,a] / (‖Q_k[j,:]‖ + ε_k)     (|·| of it for linear activation)
 *   s_k(a) = max_j r_k(j,a)
 *   C_k = {a : a occurs at location k in at least one pattern}
 *   loc_k = mean_{a ∈ C_k} s_k(a),   loc_other_k = mean_{a ∉ C_k} s_k(a)
 *   loc_all = mean_k loc_k,          loc_other_all = mean_k loc_other_k
 * </pre>
 * A location whose C_k is empty is left out of both means and counted in
 * {@link LocationSummary#emptyLocations()}; a location whose C_k holds every token has no
 * loc_other_k and is left out of that mean only. This is the reference's {@code check_result};
 * there an empty C_k would make loc_all NaN. Magnitudes are not part of U: a filter that
 * matches token a exactly scores 1 whatever mag(a).
 *
 * <p>Immutable apart from a workspace of two M×n blocks: one instance per run, not thread-safe.
 *
 * @see FilterSpecialisation
 * @see FilterSelectivity
 */
public final class PatternRecovery {
    private final int fields;
    private final int filters;
    private final int dim;
    private final int vocab;
    private final double[] u;
    private final boolean[] inPattern;
    private final boolean absolute;
    private final double[] q;
    private final double[] r;

    /**
     * @param fields     K
     * @param filters    M
     * @param directions U, d×n, column a is the unit direction of token a. Not modified.
     * @param usage      usage[k][a] = number of patterns that put token a at location k, K×n. Not modified.
     * @param absolute   score |r| (the reference does so for linear activation)
     */
    public PatternRecovery(int fields, int filters, DMatrixRMaj directions, int[][] usage, boolean absolute) {
        this.fields = fields;
        this.filters = filters;
        this.dim = directions.numRows;
        this.vocab = directions.numCols;
        if (usage.length != fields) {
            throw new IllegalArgumentException("usage has " + usage.length + " locations, expected " + fields);
        }
        this.u = directions.data.clone();
        this.inPattern = new boolean[fields * vocab];
        for (int f = 0; f < fields; f++) {
            if (usage[f].length != vocab) {
                throw new IllegalArgumentException("usage of location " + f + " has " + usage[f].length
                        + " tokens, expected " + vocab);
            }
            for (int a = 0; a < vocab; a++) {
                inPattern[f * vocab + a] = usage[f][a] > 0;
            }
        }
        this.absolute = absolute;
        this.q = new double[filters * vocab];
        this.r = new double[filters * vocab];
    }

    /** K·n, the length of a score vector. */
    public int scoreCount() {
        return fields * vocab;
    }

    /** K. */
    public int fields() {
        return fields;
    }

    /** M, filters per location. */
    public int filters() {
        return filters;
    }

    /** n. */
    public int vocab() {
        return vocab;
    }

    /** Whether token a occurs at location k in at least one pattern (a ∈ C_k). */
    public boolean inPattern(int field, int token) {
        return inPattern[field * vocab + token];
    }

    /**
     * Computes s_k(a) for every location and token.
     *
     * @param w      all W_k stacked, (K·M)×d. Not modified.
     * @param scores s_k(a) at [k·n + a]. Modified.
     */
    public void scores(DMatrixRMaj w, double[] scores) {
        for (int f = 0; f < fields; f++) {
            ratios(w, f, r);
            for (int a = 0; a < vocab; a++) {
                double best = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < filters; j++) {
                    if (r[j * vocab + a] > best) {
                        best = r[j * vocab + a];
                    }
                }
                scores[f * vocab + a] = best;
            }
        }
    }

    /**
     * Computes r_k(j,a) of one location for every filter and token (|r_k(j,a)| when scoring the
     * absolute value).
     *
     * @param w     all W_k stacked, (K·M)×d. Not modified.
     * @param field k
     * @param out   r_k(j,a) at [j·n + a], at least M·n values. Modified.
     */
    public void ratios(DMatrixRMaj w, int field, double[] out) {
        if (w.numRows != fields * filters || w.numCols != dim) {
            throw new IllegalArgumentException("filters are " + w.numRows + "×" + w.numCols + ", expected "
                    + fields * filters + "×" + dim);
        }
        double[] wd = w.data;
        double maxAbs = 0.0;
        for (int j = 0; j < filters; j++) {
            int wOff = (field * filters + j) * dim;
            for (int a = 0; a < vocab; a++) {
                double acc = 0.0;
                for (int i = 0; i < dim; i++) {
                    acc += wd[wOff + i] * u[i * vocab + a];
                }
                q[j * vocab + a] = acc;
                maxAbs = Math.max(maxAbs, Math.abs(acc));
            }
        }
        double eps = Math.max(maxAbs / 1000.0, 1e-6);
        for (int j = 0; j < filters; j++) {
            double norm = 0.0;
            for (int a = 0; a < vocab; a++) {
                norm += q[j * vocab + a] * q[j * vocab + a];
            }
            double scale = 1.0 / (Math.sqrt(norm) + eps);
            for (int a = 0; a < vocab; a++) {
                double ratio = q[j * vocab + a] * scale;
                out[j * vocab + a] = absolute ? Math.abs(ratio) : ratio;
            }
        }
    }

    /**
     * Summarises scores over locations.
     *
     * @param scores s_k(a) as written by {@link #scores}. Not modified.
     */
    public LocationSummary summarise(double[] scores) {
        double[] loc = new double[fields];
        double[] locOther = new double[fields];
        double sumIn = 0.0;
        double sumOut = 0.0;
        int nIn = 0;
        int nOut = 0;
        int empty = 0;
        for (int f = 0; f < fields; f++) {
            double in = 0.0;
            double outSum = 0.0;
            int cIn = 0;
            int cOut = 0;
            for (int a = 0; a < vocab; a++) {
                if (inPattern[f * vocab + a]) {
                    in += scores[f * vocab + a];
                    cIn++;
                } else {
                    outSum += scores[f * vocab + a];
                    cOut++;
                }
            }
            if (cIn == 0) {
                empty++;
                loc[f] = Double.NaN;
                locOther[f] = Double.NaN;
                continue;
            }
            loc[f] = in / cIn;
            sumIn += loc[f];
            nIn++;
            if (cOut == 0) {
                locOther[f] = Double.NaN;
            } else {
                locOther[f] = outSum / cOut;
                sumOut += locOther[f];
                nOut++;
            }
        }
        return new LocationSummary(nIn == 0 ? Double.NaN : sumIn / nIn, nOut == 0 ? Double.NaN : sumOut / nOut,
                empty, loc, locOther);
    }
}
