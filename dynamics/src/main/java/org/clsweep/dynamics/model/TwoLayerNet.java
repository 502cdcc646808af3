package org.clsweep.dynamics.model;

import java.util.random.RandomGenerator;
import org.clsweep.dynamics.activation.ActivationFunction;
import org.ejml.data.DMatrixRMaj;

/**
 * The two-layer receptive-field network of SCIENCE.md §3: its shape and its parameters.
 *
 * <pre>
 *   x = [x_1; …; x_K],  x_k ∈ R^d                       K disjoint receptive fields (RFs)
 *   f1 = [h(W_1 x_1); …; h(W_K x_K)] ∈ R^{KM}          W_k ∈ R^{M×d}, no bias, RF-major
 *   f1 ← BN(f1)   (optional, per view, no affine)
 *   f2 = V f1 ∈ R^{out}                                 V ∈ R^{out×KM}, no bias
 * </pre>
 * Storage: all W_k stacked in one (K·M)×d matrix, rows k·M … k·M+M−1 are W_k; V as out×(K·M).
 * The parameters are mutable (the optimiser updates them in place); the shape is fixed.
 *
 * @see TwoLayerPass
 */
public final class TwoLayerNet {
    private final int fields;
    private final int filters;
    private final int dim;
    private final int outDim;
    private final ActivationFunction activation;
    private final boolean batchNorm;
    private final boolean bnBackpropMean;
    private final boolean bnBackpropVar;
    private final DMatrixRMaj w;
    private final DMatrixRMaj v;

    /**
     * A network with zero weights; call {@link #initialise}.
     *
     * @param fields         K ≥ 1
     * @param filters        M ≥ 1, filters per RF (β·P)
     * @param dim            d ≥ 1, input dimension of an RF
     * @param outDim         out ≥ 1
     * @param activation     h
     * @param batchNorm      BatchNorm on f1
     * @param bnBackpropMean gradient through the batch mean (read with BatchNorm)
     * @param bnBackpropVar  gradient through the batch variance (read with BatchNorm)
     */
    public TwoLayerNet(int fields, int filters, int dim, int outDim, ActivationFunction activation,
                       boolean batchNorm, boolean bnBackpropMean, boolean bnBackpropVar) {
        if (fields < 1 || filters < 1 || dim < 1 || outDim < 1) {
            throw new IllegalArgumentException("fields, filters, dim and outDim must be >= 1, found " + fields
                    + ", " + filters + ", " + dim + ", " + outDim);
        }
        this.fields = fields;
        this.filters = filters;
        this.dim = dim;
        this.outDim = outDim;
        this.activation = activation;
        this.batchNorm = batchNorm;
        this.bnBackpropMean = bnBackpropMean;
        this.bnBackpropVar = bnBackpropVar;
        this.w = new DMatrixRMaj(fields * filters, dim);
        this.v = new DMatrixRMaj(outDim, fields * filters);
    }

    /**
     * Draws every weight from U(−1/√fan_in, +1/√fan_in): fan_in = d for W, K·M for V. W is drawn
     * first (W_1 … W_K, row-major), then V.
     *
     * @param rng the run's init stream. Modified.
     */
    public void initialise(RandomGenerator rng) {
        fill(w, 1.0 / Math.sqrt(dim), rng);
        fill(v, 1.0 / Math.sqrt(hidden()), rng);
    }

    private static void fill(DMatrixRMaj m, double bound, RandomGenerator rng) {
        double[] data = m.data;
        int len = m.getNumElements();
        for (int i = 0; i < len; i++) {
            data[i] = bound * (2.0 * rng.nextDouble() - 1.0);
        }
    }

    /** K. */
    public int fields() {
        return fields;
    }

    /** M, filters per RF. */
    public int filters() {
        return filters;
    }

    /** d. */
    public int dim() {
        return dim;
    }

    /** out. */
    public int outDim() {
        return outDim;
    }

    /** K·M, the width of f1. */
    public int hidden() {
        return fields * filters;
    }

    public ActivationFunction activation() {
        return activation;
    }

    public boolean batchNorm() {
        return batchNorm;
    }

    public boolean bnBackpropMean() {
        return bnBackpropMean;
    }

    public boolean bnBackpropVar() {
        return bnBackpropVar;
    }

    /** All W_k stacked, (K·M)×d; the live parameters. */
    public DMatrixRMaj filterWeights() {
        return w;
    }

    /** V, out×(K·M); the live parameters. */
    public DMatrixRMaj topWeights() {
        return v;
    }
}
