package org.clsweep.dynamics.objective;

import org.ejml.data.DMatrixRMaj;

/**
 * The part every loss of SCIENCE.md §1 shares: shape checks and the optional row normalisation
 * of both views, forward and backward. A subclass evaluates the loss and its gradient on the
 * (normalised or raw) outputs a, b.
 *
 * <pre>
 *   a = normalise(z1), b = normalise(z2)      (a = z1, b = z2 when normalisation is off)
 *   S_ij = a_i·a_j  (i ≠ j),   S_ii = a_i·b_i   (negatives come from view 1 only)
 *   ∂L/∂a_i = Σ_{j≠i} (G_ij + G_ji) a_j + G_ii b_i,   ∂L/∂b_i = G_ii a_i     with G = ∂L/∂S
 * </pre>
 * then through {@link OutputNormalization} back to z1 and z2. Workspaces are sized for one N×m
 * shape at construction; {@code evaluate} does not allocate. Not thread-safe.
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
            throw new IllegalArgumentException("temperature must be > 0 and finite, found " + temperature);
        }
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be >= 1, found " + batch);
        }
        if (dim < 1) {
            throw new IllegalArgumentException("output dimension must be >= 1, found " + dim);
        }
        this.temperature = temperature;
        this.normalize = normalize;
        this.batch = batch;
        this.dim = dim;
        if (normalize) {
            this.a = new DMatrixRMaj(batch, dim);
            this.b = new DMatrixRMaj(batch, dim);
            this.normA = new double[batch];
            this.normB = new double[batch];
            this.gradA = new DMatrixRMaj(batch, dim);
            this.gradB = new DMatrixRMaj(batch, dim);
        } else {
            this.a = null;
            this.b = null;
            this.normA = null;
            this.normB = null;
            this.gradA = null;
            this.gradB = null;
        }
    }

    /** τ. */
    public double temperature() {
        return temperature;
    }

    @Override
    public final double evaluate(DMatrixRMaj z1, DMatrixRMaj z2, DMatrixRMaj grad1, DMatrixRMaj grad2) {
        checkShape("z1", z1);
        checkShape("z2", z2);
        checkShape("grad1", grad1);
        checkShape("grad2", grad2);
        if (!normalize) {
            return evaluateOn(z1, z2, grad1, grad2);
        }
        OutputNormalization.forward(z1, a, normA);
        OutputNormalization.forward(z2, b, normB);
        double loss = evaluateOn(a, b, gradA, gradB);
        OutputNormalization.backward(gradA, a, normA, grad1);
        OutputNormalization.backward(gradB, b, normB, grad2);
        return loss;
    }

    /**
     * The loss and its gradient on the outputs after the optional normalisation.
     *
     * @param va    a, N×m. Not modified.
     * @param vb    b, N×m. Not modified.
     * @param gradA ∂L/∂a, N×m. Modified.
     * @param gradB ∂L/∂b, N×m. Modified.
     * @return the loss
     */
    protected abstract double evaluateOn(DMatrixRMaj va, DMatrixRMaj vb, DMatrixRMaj gradA, DMatrixRMaj gradB);

    /** a_i·b_i. */
    static double rowDot(DMatrixRMaj va, DMatrixRMaj vb, int i) {
        final int m = va.numCols;
        final int off = i * m;
        final double[] ad = va.data;
        final double[] bd = vb.data;
        double s = 0.0;
        for (int k = 0; k < m; k++) {
            s += ad[off + k] * bd[off + k];
        }
        return s;
    }

    private void checkShape(String name, DMatrixRMaj m) {
        if (m.numRows != batch || m.numCols != dim) {
            throw new IllegalArgumentException(name + " must be " + batch + "×" + dim + ", found "
                    + m.numRows + "×" + m.numCols);
        }
    }
}
