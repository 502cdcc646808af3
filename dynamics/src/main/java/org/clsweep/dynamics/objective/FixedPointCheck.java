package org.clsweep.dynamics.objective;

import org.clsweep.dynamics.linalg.SymmetricSpectrum;
import org.ejml.data.DMatrixRMaj;

/**
 * How far a unit direction is from a fixed point Aw = λw of the flow ẇ = (I − wwᵀ)Aw
 * (SCIENCE.md §2), and the top of A's spectrum.
 *
 * <pre>
 *   u = w/‖w‖,   residual = ‖(I − uuᵀ) A u‖₂                         (absolute)
 *   rayleigh = uᵀAu                                                     λ of a fixed point
 *   λ1 ≥ λ2 the two largest eigenvalues of sym(A) = (A + Aᵀ)/2         (λ2 NaN when d = 1)
 *   spectralNorm = max_i |λ_i(sym(A))|                                  ‖A‖₂ for symmetric A
 *   topCosine = |uᵀv1|,  v1 the unit eigenvector of λ1
 *   relativeResidual = residual / spectralNorm  ∈ [0, 1] for symmetric A   (NaN when A = 0)
 *                                          (λ's, norm and cosine NaN if the decomposition fails)
 * </pre>
 * The relative residual does not change when A is scaled, so it compares fixed points of matrices
 * of any size; unlike the sine residual/‖Au‖ it stays defined and small at a fixed point of
 * eigenvalue near 0. For the matrices of {@link ContrastiveCovariance}, which are symmetric,
 * sym(A) = A up to rounding. The spectrum of sym(A) is {@link SymmetricSpectrum}'s. Allocates an
 * eigen decomposition: for analysis, not for training steps.
 *
 * @param residual     ‖(I − uuᵀ)Au‖
 * @param rayleigh     uᵀAu
 * @param lambda1      the largest eigenvalue of sym(A)
 * @param lambda2      the second largest
 * @param spectralNorm the largest |eigenvalue| of sym(A)
 * @param topCosine    |cos(u, v1)|
 * @see ContrastiveCovariance
 */
public record FixedPointCheck(double residual, double rayleigh, double lambda1, double lambda2, double spectralNorm,
                              double topCosine) {

    /**
     * @param a   A, d×d. Not modified.
     * @param w   n×d; row {@code row} is the direction (any non-zero length). Not modified.
     * @param row the row of {@code w}
     */
    public static FixedPointCheck of(DMatrixRMaj a, DMatrixRMaj w, int row) {
        final int d = a.numRows;
        if (a.numCols != d || w.numCols != d || row < 0 || row >= w.numRows) {
            throw new IllegalArgumentException("need A d×d and row " + row + " of an n×d matrix, found A "
                    + a.numRows + "×" + a.numCols + " and " + w.numRows + "×" + w.numCols);
        }
        double[] u = new double[d];
        double norm = 0.0;
        for (int c = 0; c < d; c++) {
            u[c] = w.get(row, c);
            norm += u[c] * u[c];
        }
        norm = Math.sqrt(norm);
        for (int c = 0; c < d; c++) {
            u[c] /= norm;
        }
        double[] au = new double[d];
        double rayleigh = 0.0;
        for (int r = 0; r < d; r++) {
            double v = 0.0;
            for (int c = 0; c < d; c++) {
                v += a.get(r, c) * u[c];
            }
            au[r] = v;
            rayleigh += u[r] * v;
        }
        double residual = 0.0;
        for (int c = 0; c < d; c++) {
            double e = au[c] - rayleigh * u[c];
            residual += e * e;
        }
        residual = Math.sqrt(residual);

        SymmetricSpectrum spectrum;
        try {
            spectrum = SymmetricSpectrum.of(a);
        } catch (IllegalStateException notConverged) {
            return new FixedPointCheck(residual, rayleigh, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double spectralNorm = spectrum.largestModulus(new double[d]);
        double[] v1 = spectrum.vector(0);
        double dot = 0.0;
        for (int c = 0; c < d; c++) {
            dot += v1[c] * u[c];
        }
        return new FixedPointCheck(residual, rayleigh, spectrum.largest(), d > 1 ? spectrum.secondLargest() : Double.NaN,
                spectralNorm, Math.abs(dot));
    }

    /** residual / spectralNorm; NaN when A = 0. */
    public double relativeResidual() {
        return spectralNorm > 0.0 ? residual / spectralNorm : Double.NaN;
    }
}
