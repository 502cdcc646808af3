package org.clsweep.dynamics.testing;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.ejml.data.DMatrixRMaj;

/**
 * Central finite differences for gradient checks, and seeded random fixtures.
 *
 * <pre>
 *   ∂f/∂θ_k ≈ (f(θ + h e_k) − f(θ − h e_k)) / 2h,        error O(h²) + O(ε_mach·|f| / h)
 *   relative error = ‖fd − analytic‖₂ / ‖analytic‖₂
 * </pre>
 * Gradient checks compare the relative error with {@link Tolerances#TOL_FD}.
 */
public final class FiniteDifferences {
    /** The default step h: balances truncation (h²·f''') against rounding (ε/h) for f of order 1–100. */
    public static final double STEP = 1e-6;

    private FiniteDifferences() {
    }

    /**
     * The central-difference gradient of f at θ; θ is restored afterwards.
     *
     * @param f     the scalar function; may read θ only
     * @param theta the point. Modified during the call, restored on return.
     * @param h     the step
     */
    public static DMatrixRMaj gradient(ToDoubleFunction<DMatrixRMaj> f, DMatrixRMaj theta, double h) {
        DMatrixRMaj fd = new DMatrixRMaj(theta.numRows, theta.numCols);
        for (int k = 0; k < theta.getNumElements(); k++) {
            double t = theta.data[k];
            theta.data[k] = t + h;
            double up = f.applyAsDouble(theta);
            theta.data[k] = t - h;
            double down = f.applyAsDouble(theta);
            theta.data[k] = t;
            fd.data[k] = (up - down) / (2.0 * h);
        }
        return fd;
    }

    /** ‖fd − analytic‖₂ / ‖analytic‖₂. */
    public static double relativeError(DMatrixRMaj fd, DMatrixRMaj analytic) {
        double diff = 0.0;
        double ref = 0.0;
        for (int k = 0; k < analytic.getNumElements(); k++) {
            double e = fd.data[k] - analytic.data[k];
            diff += e * e;
            ref += analytic.data[k] * analytic.data[k];
        }
        return Math.sqrt(diff / ref);
    }

    /** A rows×cols matrix of independent N(0, scale²) entries. */
    public static DMatrixRMaj gaussian(int rows, int cols, double scale, SplittableRandom rng) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int k = 0; k < m.getNumElements(); k++) {
            m.data[k] = scale * rng.nextGaussian();
        }
        return m;
    }
}
