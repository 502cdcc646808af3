package org.clsweep.dynamics.model;

import org.clsweep.dynamics.activation.ActivationFunction;
import org.clsweep.dynamics.objective.ContrastiveLoss;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The one-layer network of SCIENCE.md §2 on a batch of positive pairs, with the hand-derived
 * backward pass of a contrastive loss to its weights.
 *
 * <pre>
 *   W ∈ R^{n×d} (row k = node w_k),  X ∈ R^{N×d} (row i = sample x_i)
 *   forward:   P = X Wᵀ ∈ R^{N×n},   Z = h(P)            (z_ik = h(w_kᵀx_i): output i has m = n)
 *   backward:  ∂L/∂P = ∂L/∂Z ⊙ h'(P),   ∂L/∂W = (∂L/∂P₁)ᵀ X₁ + (∂L/∂P₂)ᵀ X₂
 * </pre>
 * Both views go through the same W; the loss couples the nodes only through the output
 * normalisation and InfoNCE's α. The workspace (pre-activations, outputs and their gradients for
 * both views) is allocated once for (n, d, N); {@link #lossAndGradient} does not allocate.
 * Not thread-safe.
 *
 * @see ContrastiveLoss
 */
public final class OneLayerNetwork {
    private final ActivationFunction activation;
    private final int width;
    private final int dim;
    private final int batch;

    private final DMatrixRMaj pre1;
    private final DMatrixRMaj pre2;
    private final DMatrixRMaj out1;
    private final DMatrixRMaj out2;
    private final DMatrixRMaj gradOut1;
    private final DMatrixRMaj gradOut2;

    /**
     * @param activation h
     * @param width      n, the number of nodes
     * @param dim        d, the input dimension
     * @param batch      N, samples per minibatch
     */
    public OneLayerNetwork(ActivationFunction activation, int width, int dim, int batch) {
        if (width < 1 || dim < 1 || batch < 1) {
            throw new IllegalArgumentException("width, dim and batch must be >= 1, found " + width + ", " + dim
                    + ", " + batch);
        }
        this.activation = activation;
        this.width = width;
        this.dim = dim;
        this.batch = batch;
        this.pre1 = new DMatrixRMaj(batch, width);
        this.pre2 = new DMatrixRMaj(batch, width);
        this.out1 = new DMatrixRMaj(batch, width);
        this.out2 = new DMatrixRMaj(batch, width);
        this.gradOut1 = new DMatrixRMaj(batch, width);
        this.gradOut2 = new DMatrixRMaj(batch, width);
    }

    /**
     * Forward both views, evaluate the loss, and back-propagate it to W.
     *
     * @param w     n×d weights. Not modified.
     * @param x1    N×d view-1 inputs. Not modified.
     * @param x2    N×d view-2 inputs. Not modified.
     * @param loss  the contrastive loss, sized for N×n. Its workspace is modified.
     * @param gradW ∂L/∂W, n×d. Modified.
     * @return the loss (non-finite values returned as they are)
     */
    public double lossAndGradient(DMatrixRMaj w, DMatrixRMaj x1, DMatrixRMaj x2, ContrastiveLoss loss,
                                  DMatrixRMaj gradW) {
        checkShape("w", w, width, dim);
        checkShape("x1", x1, batch, dim);
        checkShape("x2", x2, batch, dim);
        checkShape("gradW", gradW, width, dim);
        forward(w, x1, pre1, out1);
        forward(w, x2, pre2, out2);
        double value = loss.evaluate(out1, out2, gradOut1, gradOut2);
        gate(pre1, gradOut1);
        gate(pre2, gradOut2);
        CommonOps_DDRM.multTransA(gradOut1, x1, gradW);
        CommonOps_DDRM.multAddTransA(gradOut2, x2, gradW);
        return value;
    }

    /**
     * P = X Wᵀ and Z = h(P) for one view.
     *
     * @param w   n×d. Not modified.
     * @param x   N'×d, any number of rows N'. Not modified.
     * @param pre N'×n pre-activations. Modified.
     * @param out N'×n outputs. Modified.
     */
    public void forward(DMatrixRMaj w, DMatrixRMaj x, DMatrixRMaj pre, DMatrixRMaj out) {
        CommonOps_DDRM.multTransB(x, w, pre);
        final double[] p = pre.data;
        final double[] z = out.data;
        final int size = pre.getNumElements();
        for (int k = 0; k < size; k++) {
            z[k] = activation.value(p[k]);
        }
    }

    /** In place: g ← g ⊙ h'(P). */
    private void gate(DMatrixRMaj pre, DMatrixRMaj g) {
        final double[] p = pre.data;
        final double[] gd = g.data;
        final int size = pre.getNumElements();
        for (int k = 0; k < size; k++) {
            gd[k] *= activation.derivative(p[k]);
        }
    }

    /** n. */
    public int width() {
        return width;
    }

    /** d. */
    public int dim() {
        return dim;
    }

    /** N. */
    public int batch() {
        return batch;
    }

    private static void checkShape(String name, DMatrixRMaj m, int rows, int cols) {
        if (m.numRows != rows || m.numCols != cols) {
            throw new IllegalArgumentException(name + " must be " + rows + "×" + cols + ", found " + m.numRows
                    + "×" + m.numCols);
        }
    }
}
