package org.clsweep.dynamics.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The eigen-decomposition of a symmetric matrix. The matrix is scaled by its largest entry and
 * entries below {@value #FLUSH} of it are set to 0 first: EJML's symmetric QR iteration can fail to
 * converge on entries whose squares underflow (below about 1e-154), which converged flows produce
 * (the Gram matrix of a converged leaky-ReLU layer held entries of 3e-154 next to 1). The change is
 * at most d·{@value #FLUSH} of the largest entry, far below rounding. The two triangles are averaged
 * (rounding leaves them a few ulps apart). Eigenvalues are sorted in decreasing order, each with a
 * unit eigenvector; a zero matrix has the eigenvalues 0 and the standard basis.
 */
public final class SymmetricSpectrum {
    /** Entries below this fraction of the largest are set to 0. */
    static final double FLUSH = 1e-100;

    private final double[] values;
    private final double[][] vectors;

    private SymmetricSpectrum(double[] values, double[][] vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    public static SymmetricSpectrum of(DMatrixRMaj m) {
        int k = m.numRows;
        double max = maxAbs(m);
        double[] values = new double[k];
        double[][] vectors = new double[k][];
        if (max == 0.0) {
            for (int i = 0; i < k; i++) {
                vectors[i] = new double[k];
                vectors[i][i] = 1.0;
            }
            return new SymmetricSpectrum(values, vectors);
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = decomposed(m, max, true);
        Integer[] order = decreasing(eig, k);
        for (int i = 0; i < k; i++) {
            values[i] = eig.getEigenvalue(order[i]).real * max;
            DMatrixRMaj v = eig.getEigenVector(order[i]);
            vectors[i] = v.data.clone();
            double n = Math.sqrt(dot(vectors[i], vectors[i]));
            for (int j = 0; j < k; j++) {
                vectors[i][j] /= n;
            }
        }
        return new SymmetricSpectrum(values, vectors);
    }

    /**
     * The eigenvalues alone, in decreasing order: the same scaling, flushing and symmetric QR
     * iteration as {@link #of}, without accumulating the eigenvectors (about a third of the cost).
     *
     * @param m a symmetric k×k matrix. Not modified.
     * @return a new array of the k eigenvalues
     */
    public static double[] values(DMatrixRMaj m) {
        int k = m.numRows;
        double max = maxAbs(m);
        double[] values = new double[k];
        if (max == 0.0) {
            return values;
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = decomposed(m, max, false);
        Integer[] order = decreasing(eig, k);
        for (int i = 0; i < k; i++) {
            values[i] = eig.getEigenvalue(order[i]).real * max;
        }
        return values;
    }

    private static double maxAbs(DMatrixRMaj m) {
        double max = 0.0;
        for (double v : m.data) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    /** The decomposition of m / max, symmetrised, entries below {@link #FLUSH} set to 0. */
    private static EigenDecomposition_F64<DMatrixRMaj> decomposed(DMatrixRMaj m, double max, boolean vectors) {
        int k = m.numRows;
        DMatrixRMaj scaled = new DMatrixRMaj(k, k);
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                // symmetrise: rounding leaves the two triangles a few ulps apart
                double v = 0.5 * (m.get(i, j) + m.get(j, i)) / max;
                scaled.set(i, j, Math.abs(v) < FLUSH ? 0.0 : v);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(k, vectors, true);
        if (!eig.decompose(scaled)) {
            throw new IllegalStateException("symmetric eigen-decomposition failed on a " + k + "×" + k
                    + " matrix");
        }
        return eig;
    }

    private static Integer[] decreasing(EigenDecomposition_F64<DMatrixRMaj> eig, int k) {
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(eig.getEigenvalue(b).real,
                eig.getEigenvalue(a).real));
        return order;
    }

    public double largest() {
        return values[0];
    }

    public double secondLargest() {
        return values.length > 1 ? values[1] : 0.0;
    }

    /** The i-th eigenvector in decreasing order of eigenvalue. */
    public double[] vector(int i) {
        return vectors[i].clone();
    }

    /** max |λ|, its eigenvector into {@code out}. */
    public double largestModulus(double[] out) {
        int last = values.length - 1;
        int i = Math.abs(values[last]) > Math.abs(values[0]) ? last : 0;
        System.arraycopy(vectors[i], 0, out, 0, out.length);
        return Math.abs(values[i]);
    }

    /** The eigenvalues in decreasing order. */
    public double value(int i) {
        return values[i];
    }

    /** The number of eigenvalues, the matrix's dimension. */
    public int size() {
        return values.length;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
