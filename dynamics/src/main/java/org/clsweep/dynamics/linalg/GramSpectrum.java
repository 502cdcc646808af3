package org.clsweep.dynamics.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The top of the spectrum of a Gram matrix XᵀX (d×d) given its factor X (r×d), computed through
 * the smaller of the two Gram matrices:
 *
 * <pre>
 *   r ≥ d:  the spectrum of XᵀX itself
 *   r &lt; d:  XXᵀ (r×r) has the same non-zero eigenvalues; for XXᵀy = λy with λ &gt; 0 and ‖y‖ = 1,
 *           v = Xᵀy / √λ is a unit eigenvector of XᵀX; XᵀX also has the eigenvalue 0 (d − r times)
 *   first  = λ1,   second = λ2 (d ≥ 2; for r &lt; d the larger of λ2(XXᵀ) and 0), −∞ for d = 1
 * </pre>
 * Both Gram matrices are formed as a transposed product (EJML's row-reordered kernel); the
 * eigenvalues agree with those of XᵀX to rounding, a few ε·λ1. A zero X has first = 0 and
 * the first standard basis vector.
 *
 * @param first  λ1
 * @param second λ2, or −∞ when d = 1
 * @param vector a unit eigenvector of λ1, length d; null when not requested
 * @see SymmetricSpectrum
 */
public record GramSpectrum(double first, double second, double[] vector) {
    /**
     * @param x          the factor X, r×d. Not modified.
     * @param withVector whether to compute the top eigenvector (otherwise only the eigenvalues)
     */
    public static GramSpectrum of(DMatrixRMaj x, boolean withVector) {
        int r = x.numRows;
        int d = x.numCols;
        if (r >= d) {
            DMatrixRMaj gram = new DMatrixRMaj(d, d);
            CommonOps_DDRM.multTransA(x, x, gram);
            double second = Double.NEGATIVE_INFINITY;
            if (!withVector) {
                double[] values = SymmetricSpectrum.values(gram);
                return new GramSpectrum(values[0], d > 1 ? values[1] : second, null);
            }
            SymmetricSpectrum spectrum = SymmetricSpectrum.of(gram);
            return new GramSpectrum(spectrum.largest(), d > 1 ? spectrum.value(1) : second, spectrum.vector(0));
        }
        DMatrixRMaj xt = new DMatrixRMaj(d, r);
        CommonOps_DDRM.transpose(x, xt);
        DMatrixRMaj gram = new DMatrixRMaj(r, r);
        CommonOps_DDRM.multTransA(xt, xt, gram);
        double first;
        double second;
        double[] y = null;
        if (withVector) {
            SymmetricSpectrum spectrum = SymmetricSpectrum.of(gram);
            first = spectrum.largest();
            second = r > 1 ? spectrum.value(1) : 0.0;
            y = spectrum.vector(0);
        } else {
            double[] values = SymmetricSpectrum.values(gram);
            first = values[0];
            second = r > 1 ? values[1] : 0.0;
        }
        return new GramSpectrum(first, Math.max(second, 0.0), withVector ? lifted(x, y) : null);
    }

    /** Xᵀy normalised; the first standard basis vector when it is 0. */
    private static double[] lifted(DMatrixRMaj x, double[] y) {
        int d = x.numCols;
        double[] v = new double[d];
        for (int l = 0; l < x.numRows; l++) {
            double c = y[l];
            int off = l * d;
            for (int i = 0; i < d; i++) {
                v[i] += c * x.data[off + i];
            }
        }
        double n2 = 0.0;
        for (int i = 0; i < d; i++) {
            n2 += v[i] * v[i];
        }
        if (!(n2 > 0.0)) {
            v[0] = 1.0;
            return v;
        }
        double inv = 1.0 / Math.sqrt(n2);
        for (int i = 0; i < d; i++) {
            v[i] *= inv;
        }
        return v;
    }
}
