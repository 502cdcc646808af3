package org.clsweep.dynamics.objective;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The similarity matrix of {@link InfoNceLoss} and its row softmax on one batch, computed with the
 * loss's own arithmetic: the pairwise importance α of SCIENCE.md §1 outside the training step.
 *
 * <pre>
 *   a = normalise(z1), b = normalise(z2)           (a = z1, b = z2 when normalisation is off)
 *   S_ij = a_i·a_j  (i ≠ j),   S_ii = a_i·b_i
 *   P_ij = exp(S_ij/τ) / Σ_k exp(S_ik/τ)             α_ij = P_ij for j ≠ i
 * </pre>
 * The normalisation is {@link OutputNormalization}'s, floor included; the norms r_i = max(‖z_i‖, ε)
 * are kept for the backward pass of {@link ContrastiveCovariance}. The workspace is sized for one
 * N×m shape; {@link #evaluate} does not allocate. Not thread-safe.
 *
 * @see InfoNceLoss
 * @see AlphaStructure
 */
public final class InfoNceWeights {
    private final double temperature;
    private final boolean normalize;
    private final DMatrixRMaj a;
    private final DMatrixRMaj b;
    private final double[] normA;
    private final double[] normB;
    private final DMatrixRMaj sim;
    private final DMatrixRMaj softmax;

    /**
     * @param temperature τ &gt; 0
     * @param normalize   row-normalise the outputs first
     * @param batch       N ≥ 2
     * @param dim         m ≥ 1
     */
    public InfoNceWeights(double temperature, boolean normalize, int batch, int dim) {
        if (!(temperature > 0.0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be > 0 and finite, found " + temperature);
        }
        if (batch < 2 || dim < 1) {
            throw new IllegalArgumentException("batch must be >= 2 and dim >= 1, found " + batch + ", " + dim);
        }
        this.temperature = temperature;
        this.normalize = normalize;
        this.a = new DMatrixRMaj(batch, dim);
        this.b = new DMatrixRMaj(batch, dim);
        this.normA = new double[batch];
        this.normB = new double[batch];
        this.sim = new DMatrixRMaj(batch, batch);
        this.softmax = new DMatrixRMaj(batch, batch);
    }

    /**
     * S and P of one batch.
     *
     * @param z1 view-1 outputs, N×m. Not modified.
     * @param z2 view-2 outputs, N×m. Not modified.
     */
    public void evaluate(DMatrixRMaj z1, DMatrixRMaj z2) {
        if (z1.numRows != a.numRows || z1.numCols != a.numCols || z2.numRows != a.numRows
                || z2.numCols != a.numCols) {
            throw new IllegalArgumentException("outputs must be " + a.numRows + "×" + a.numCols + ", found "
                    + z1.numRows + "×" + z1.numCols + " and " + z2.numRows + "×" + z2.numCols);
        }
        if (normalize) {
            OutputNormalization.forward(z1, a, normA);
            OutputNormalization.forward(z2, b, normB);
        } else {
            a.setTo(z1);
            b.setTo(z2);
            Arrays.fill(normA, 1.0);
            Arrays.fill(normB, 1.0);
        }
        similarities(a, b, sim);
        final int n = sim.numRows;
        final double invTau = 1.0 / temperature;
        for (int i = 0; i < n; i++) {
            softmaxRow(sim.data, i * n, n, invTau, softmax.data);
        }
    }

    /** S, N×N, of the last {@link #evaluate}. Not to be modified. */
    public DMatrixRMaj similarities() {
        return sim;
    }

    /** P, N×N, rows summing to 1; α is its off-diagonal part. Not to be modified. */
    public DMatrixRMaj softmax() {
        return softmax;
    }

    /** τ. */
    public double temperature() {
        return temperature;
    }

    /** Whether the outputs are normalised before the similarities. */
    public boolean normalizes() {
        return normalize;
    }

    /** r_i of view 1 (1 when normalisation is off). */
    double norm1(int i) {
        return normA[i];
    }

    /** r_i of view 2 (1 when normalisation is off). */
    double norm2(int i) {
        return normB[i];
    }

    /**
     * S = a aᵀ with its diagonal replaced by a_i·b_i.
     *
     * @param va  a, N×m. Not modified.
     * @param vb  b, N×m. Not modified.
     * @param out S, N×N. Modified.
     */
    static void similarities(DMatrixRMaj va, DMatrixRMaj vb, DMatrixRMaj out) {
        CommonOps_DDRM.multOuter(va, out);
        final int n = va.numRows;
        for (int i = 0; i < n; i++) {
            out.data[i * n + i] = SimilarityLoss.rowDot(va, vb, i);
        }
    }

    /**
     * One row of the softmax, stabilised by the row's maximum.
     *
     * <pre>
     *   p_j = exp(s_j/τ − max) / Σ_k exp(s_k/τ − max),     returns  max + log Σ_k exp(s_k/τ − max)
     * </pre>
     *
     * @param s      the similarities, row-major. Not modified.
     * @param off    the offset of the row
     * @param n      the row length
     * @param invTau 1/τ
     * @param p      the probabilities, at the same offset. Modified.
     * @return log Σ_k exp(s_k/τ)
     */
    static double softmaxRow(double[] s, int off, int n, double invTau, double[] p) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            max = Math.max(max, s[off + j] * invTau);
        }
        double sum = 0.0;
        for (int j = 0; j < n; j++) {
            double e = Math.exp(s[off + j] * invTau - max);
            p[off + j] = e;
            sum += e;
        }
        final double invSum = 1.0 / sum;
        for (int j = 0; j < n; j++) {
            p[off + j] = p[off + j] * invSum;
        }
        return max + Math.log(sum);
    }
}
