package org.clsweep.dynamics.model;

import org.ejml.data.DMatrixRMaj;

/**
 * The input vectors of the two-layer token data: token a at any location is the vector
 * {@code x = mag(a)·u_a ∈ R^d}.
 *
 * <pre>
 *   U = [u_0 … u_{n−1}] ∈ R^{d×n}, unit columns       one-hot: U = I_n (d = n)
 *   mag ∈ R^n                                          default all 1
 *   E = U·diag(mag)                                    column a is the input of token a
 * </pre>
 * Immutable; arrays handed in are copied and accessors return copies.
 *
 * @see TwoLayerPass
 */
public final class TokenEmbedding {
    private final int vocab;
    private final int dim;
    private final boolean oneHot;
    private final double[] directions; // d×n row-major: directions[i*n + a] = u_a[i]
    private final double[] magnitudes;

    private TokenEmbedding(int vocab, int dim, boolean oneHot, double[] directions, double[] magnitudes) {
        this.vocab = vocab;
        this.dim = dim;
        this.oneHot = oneHot;
        this.directions = directions;
        this.magnitudes = magnitudes;
    }

    /**
     * One-hot tokens, d = n.
     *
     * @param magnitudes mag(a) for each token, n values &gt; 0. Not modified.
     */
    public static TokenEmbedding oneHot(double[] magnitudes) {
        int n = checkMagnitudes(magnitudes);
        double[] u = new double[n * n];
        for (int a = 0; a < n; a++) {
            u[a * n + a] = 1.0;
        }
        return new TokenEmbedding(n, n, true, u, magnitudes.clone());
    }

    /**
     * Dense token vectors.
     *
     * @param directions d×n, column a is u_a; columns must be non-zero and are normalised here.
     *                   Not modified.
     * @param magnitudes mag(a), n values &gt; 0. Not modified.
     */
    public static TokenEmbedding dense(DMatrixRMaj directions, double[] magnitudes) {
        int n = checkMagnitudes(magnitudes);
        if (directions.numCols != n) {
            throw new IllegalArgumentException("directions have " + directions.numCols + " columns for " + n
                    + " tokens");
        }
        int d = directions.numRows;
        double[] u = new double[d * n];
        for (int a = 0; a < n; a++) {
            double norm = 0.0;
            for (int i = 0; i < d; i++) {
                double v = directions.get(i, a);
                norm += v * v;
            }
            norm = Math.sqrt(norm);
            if (!(norm > 0.0) || Double.isInfinite(norm)) {
                throw new IllegalArgumentException("token " + a + " has a zero or non-finite direction");
            }
            for (int i = 0; i < d; i++) {
                u[i * n + a] = directions.get(i, a) / norm;
            }
        }
        return new TokenEmbedding(n, d, false, u, magnitudes.clone());
    }

    private static int checkMagnitudes(double[] magnitudes) {
        if (magnitudes.length == 0) {
            throw new IllegalArgumentException("a token embedding needs at least one token");
        }
        for (double m : magnitudes) {
            if (!(m > 0.0) || Double.isInfinite(m)) {
                throw new IllegalArgumentException("token magnitudes must be > 0 and finite, found " + m);
            }
        }
        return magnitudes.length;
    }

    /** n, the number of tokens. */
    public int vocab() {
        return vocab;
    }

    /** d, the dimension of a receptive field's input. */
    public int dim() {
        return dim;
    }

    /** Whether U is the identity (d = n), which allows the lookup fast path. */
    public boolean isOneHot() {
        return oneHot;
    }

    /** mag(a). */
    public double magnitude(int a) {
        return magnitudes[a];
    }

    /** u_a[i], component i of token a's unit direction. */
    public double direction(int i, int a) {
        return directions[i * vocab + a];
    }

    /** x_a[i] = mag(a)·u_a[i], component i of token a's input vector. */
    public double input(int i, int a) {
        return magnitudes[a] * directions[i * vocab + a];
    }

    /** U as a new d×n matrix. */
    public DMatrixRMaj directions() {
        return new DMatrixRMaj(dim, vocab, true, directions);
    }
}
