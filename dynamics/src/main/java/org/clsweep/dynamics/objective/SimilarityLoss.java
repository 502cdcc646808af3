package org.clsweep.dynamics.objective;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The part every loss of SCIENCE.md §1 shares: optional row normalisation, the similarity matrix,
 * and the backward pass from ∂L/∂S to the raw outputs. A subclass only turns S into the loss and
 * G = ∂L/∂S.
 *
 * <pre>
 *   a = normalise(z1), b = normalise(z2)      (or a = z1, b = z2 when normalisation is off)
 *   S_ij = a_i·a_j  (i ≠ j),   S_ii = a_i·b_i   (negatives come from view 1 only)
 *   ∂L/∂a_i = Σ_{j≠i} (G_ij + G_ji) a_j + G_ii b_i,     ∂L/∂b_i = G_ii a_i
 * </pre>
 * then through {@link OutputNormalization} back to z1 and z2. The workspace is sized for one
 * N×m shape at construction and reused on every call; {@code evaluate} does not allocate.
 * Not thread-safe.
 *
 * @see InfoNceLoss
 * @see QuadraticLoss
 */
public abstract class SimilarityLoss implements ContrastiveLoss {
    private final double temperature;
    private final boolean normalize;
    private final int batch;
    private final int dim;

    private final DMatrixRMaj a;
    private final DMatrixRMaj b;
    private final double[] normA;
    private final double[] normB;
    private final DMatrixRMaj sim;
    private final DMatrixRMaj simGrad;
    private final DMatrixRMaj symGrad;
    private final DMatrixRMaj gradA;
    private final DMatrixRMaj gradB;

    /**
     * @param temperature τ &gt; 0
     * @param normalize   whether z1 and z2 are row-normalised before the similarities
     * @param batch       N ≥ 1
     * @param dim         m ≥ 1, the output dimension
     */
    protected SimilarityLoss(double temperature, boolean normalize, int batch, int dim) {
        if (!(temperature > 0.0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("train.temperature must be > 0 and finite, found " + temperature);
        }
        if (batch < 1) {
            throw new IllegalArgumentException("train.batch must be >= 1, found " + batch);
        }
        if (dim < 1) {
            throw new IllegalArgumentException("output dimension must be >= 1, found " + dim);
        }
        this.temperature = temperature;
        this.normalize = normalize;
        this.batch = batch;
        this.dim = dim;
        this.a = new DMatrixRMaj(batch, dim);
        this.b = new DMatrixRMaj(batch, dim);
        this.normA = new double[batch];
        this.normB = new double[batch];
        this.sim = new DMatrixRMaj(batch, batch);
        this.simGrad = new DMatrixRMaj(batch, batch);
        this.symGrad = new DMatrixRMaj(batch, batch);
        this.gradA = new DMatrixRMaj(batch, dim);
        this.gradB = new DMatrixRMaj(batch, dim);
    }

    /** τ. */
    public double temperature() {
        return temperature;
    }

    /** Whether outputs are row-normalised before the similarities. */
    public boolean normalizesOutput() {
        return normalize;
    }

    /** N, the batch size this loss was sized for. */
    public int batchSize() {
        return batch;
    }

    /** m, the output dimension this loss was sized for. */
    public int outputDim() {
        return dim;
    }

    @Override
    public final double evaluate(DMatrixRMaj z1, DMatrixRMaj z2, DMatrixRMaj grad1, DMatrixRMaj grad2) {
        checkShape("z1", z1);
        checkShape("z2", z2);
        checkShape("grad1", grad1);
        checkShape("grad2", grad2);
        final DMatrixRMaj va;
        final DMatrixRMaj vb;
        if (normalize) {
            OutputNormalization.forward(z1, a, normA);
            OutputNormalization.forward(z2, b, normB);
            va = a;
            vb = b;
        } else {
            va = z1;
            vb = z2;
        }
        similarity(va, vb);
        double loss = lossAndGradient(sim, simGrad);
        if (normalize) {
            backward(va, vb, gradA, gradB);
            OutputNormalization.backward(gradA, a, normA, grad1);
            OutputNormalization.backward(gradB, b, normB, grad2);
        } else {
            backward(va, vb, grad1, grad2);
        }
        return loss;
    }

    /**
     * Computes the loss from the similarities and fills G = ∂L/∂S.
     *
     * @param s  S, N×N (diagonal = positive pairs). Not modified.
     * @param g  ∂L/∂S, N×N. Modified.
     * @return the loss
     */
    protected abstract double lossAndGradient(DMatrixRMaj s, DMatrixRMaj g);

    private void similarity(DMatrixRMaj va, DMatrixRMaj vb) {
        CommonOps_DDRM.multTransB(va, va, sim);
        final double[] ad = va.data;
        final double[] bd = vb.data;
        for (int i = 0; i < batch; i++) {
            final int off = i * dim;
            double s = 0.0;
            for (int k = 0; k < dim; k++) {
                s += ad[off + k] * bd[off + k];
            }
            sim.data[i * batch + i] = s;
        }
    }

    private void backward(DMatrixRMaj va, DMatrixRMaj vb, DMatrixRMaj outA, DMatrixRMaj outB) {
        final double[] g = simGrad.data;
        final double[] sg = symGrad.data;
        for (int i = 0; i < batch; i++) {
            for (int j = 0; j < batch; j++) {
                sg[i * batch + j] = i == j ? 0.0 : g[i * batch + j] + g[j * batch + i];
            }
        }
        CommonOps_DDRM.mult(symGrad, va, outA);
        final double[] ad = va.data;
        final double[] bd = vb.data;
        final double[] oa = outA.data;
        final double[] ob = outB.data;
        for (int i = 0; i < batch; i++) {
            final double gii = g[i * batch + i];
            final int off = i * dim;
            for (int k = 0; k < dim; k++) {
                oa[off + k] += gii * bd[off + k];
                ob[off + k] = gii * ad[off + k];
            }
        }
    }

    private void checkShape(String name, DMatrixRMaj m) {
        if (m.numRows != batch || m.numCols != dim) {
            throw new IllegalArgumentException(name + " must be " + batch + "×" + dim + ", found "
                    + m.numRows + "×" + m.numCols);
        }
    }
}
