package org.clsweep.dynamics.objective;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * How far a unit direction is from a fixed point Aw = λw of the flow ẇ = (I − wwᵀ)Aw
 * (SCIENCE.md §2), and the top of A's spectrum.
 *
 * <pre>
 *   u = w/‖w‖,   residual = ‖(I − uuᵀ) A u‖₂                         (absolute)
 *   rayleigh = uᵀAu                                                     λ of a fixed point
 *   λ1 ≥ λ2 the two largest eigenvalues of sym(A) = (A + Aᵀ)/2         (λ2 NaN when d = 1)
 *                                          (both NaN if the decomposition fails)
 * </pre>
 * For the matrices of {@link ContrastiveCovariance}, which are symmetric, sym(A) = A up to
 * rounding. Allocates an eigen decomposition: for analysis, not for training steps.
 *
 * @param residual ‖(I − uuᵀ)Au‖
 * @param rayleigh uᵀAu
 * @param lambda1  the largest eigenvalue of sym(A)
 * @param lambda2  the second largest
 * @see ContrastiveCovariance
 */
public record FixedPointCheck(double residual, double rayleigh, double lambda1, double lambda2) {

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

        DMatrixRMaj sym = new DMatrixRMaj(d, d);
        for (int r = 0; r < d; r++) {
            for (int c = 0; c < d; c++) {
                sym.set(r, c, 0.5 * (a.get(r, c) + a.get(c, r)));
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, false, true);
        if (!eig.decompose(sym)) {
            return new FixedPointCheck(Math.sqrt(residual), rayleigh, Double.NaN, Double.NaN);
        }
        double first = Double.NEGATIVE_INFINITY;
        double second = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < d; i++) {
            double lambda = eig.getEigenvalue(i).real;
            if (lambda > first) {
                second = first;
                first = lambda;
            } else if (lambda > second) {
                second = lambda;
            }
        }
        return new FixedPointCheck(Math.sqrt(residual), rayleigh, first, d > 1 ? second : Double.NaN);
    }
}
