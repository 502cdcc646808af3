package org.clsweep.dynamics.trainer;

import org.clsweep.dynamics.model.PopulationObjective;
import org.ejml.data.DMatrixRMaj;

/**
 * The one-layer population dynamics of SCIENCE.md §2 for n independent unit nodes (the rows of
 * W, n×d), integrated with projected Euler steps of size η on the sphere.
 *
 * <pre>
 *   r_i = (I − w_i w_iᵀ) A(w_i) w_i                    the Riemannian gradient of E at w_i
 *   w_i ← (w_i + η·r_i) / ‖w_i + η·r_i‖                 for every node i
 *   step value   mean_i E(w_i)       converged   max_i ‖r_i‖ &lt; tol
 * </pre>
 * The residuals and energies are those of the state at the start of the step (the step's update
 * is still applied). Since r_i ⟂ w_i, ‖w_i + η r_i‖ ≥ 1 and the normalisation never divides by a
 * small number; a non-finite value can only come from non-finite data, and the stop rule then
 * reports DIVERGED. The A(w_i)w_i of all nodes come from one {@link PopulationObjective#gradients}
 * call (two matrix products, O(n·L·d)), and a step allocates nothing.
 *
 * @see PopulationObjective
 * @see TrainingLoop
 * @see StopRule#standard()
 */
public final class PopulationFlow implements SteppedModel {
    private final PopulationObjective objective;
    private final PopulationObjective.Workspace ws;
    private final DMatrixRMaj weights;
    private final DMatrixRMaj grads;
    private final double[] energies;
    private final double lr;
    private final double tol;
    private double maxResidual = Double.POSITIVE_INFINITY;

    /**
     * @param objective the population objective
     * @param init      initial W, n×d with d = objective.dim(), non-zero rows (normalised here). Not modified.
     * @param lr        Euler step η &gt; 0
     * @param tol       residual tolerance &gt; 0
     */
    public PopulationFlow(PopulationObjective objective, DMatrixRMaj init, double lr, double tol) {
        if (init.numCols != objective.dim()) {
            throw new IllegalArgumentException("initial weights have " + init.numCols
                    + " columns, the patterns have dimension " + objective.dim());
        }
        if (!(lr > 0.0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("lr must be > 0 and finite, found " + lr);
        }
        if (!(tol > 0.0)) {
            throw new IllegalArgumentException("tol must be > 0, found " + tol);
        }
        if (init.numRows < 1) {
            throw new IllegalArgumentException("the flow needs at least one node, found 0 rows");
        }
        this.objective = objective;
        this.ws = objective.newWorkspace(init.numRows);
        this.weights = init.copy();
        this.grads = new DMatrixRMaj(init.numRows, init.numCols);
        this.energies = new double[init.numRows];
        this.lr = lr;
        this.tol = tol;
        int d = init.numCols;
        double[] w = weights.data;
        for (int i = 0; i < init.numRows; i++) {
            double n2 = 0.0;
            for (int j = 0; j < d; j++) {
                n2 += w[i * d + j] * w[i * d + j];
            }
            double norm = Math.sqrt(n2);
            if (!(norm > 0.0) || Double.isInfinite(norm)) {
                throw new IllegalArgumentException("initial row " + i + " has norm " + norm);
            }
            for (int j = 0; j < d; j++) {
                w[i * d + j] /= norm;
            }
        }
    }

    @Override
    public double step(int iteration) {
        int n = weights.numRows;
        int d = weights.numCols;
        objective.gradients(weights, ws, grads, energies);
        double[] w = weights.data;
        double[] u = grads.data;
        double maxR2 = 0.0;
        double energySum = 0.0;
        for (int i = 0; i < n; i++) {
            int off = i * d;
            double e = energies[i];
            energySum += e;
            double wu = 2.0 * e;
            double r2 = 0.0;
            double n2 = 0.0;
            for (int j = 0; j < d; j++) {
                double r = u[off + j] - wu * w[off + j];
                r2 += r * r;
                double x = w[off + j] + lr * r;
                w[off + j] = x;
                n2 += x * x;
            }
            double inv = 1.0 / Math.sqrt(n2);
            for (int j = 0; j < d; j++) {
                w[off + j] *= inv;
            }
            // NaN compares false: keep it visible through the max
            maxR2 = r2 > maxR2 || Double.isNaN(r2) ? r2 : maxR2;
        }
        maxResidual = Math.sqrt(maxR2);
        return energySum / n;
    }

    /** max_i ‖(I − w_i w_iᵀ)A(w_i)w_i‖ at the start of the last step; +∞ before the first. */
    public double maxResidual() {
        return maxResidual;
    }

    @Override
    public boolean converged() {
        return maxResidual < tol;
    }

    /** The current W, n×d with unit rows. A view, not a copy: do not modify. */
    public DMatrixRMaj weights() {
        return weights;
    }
}
