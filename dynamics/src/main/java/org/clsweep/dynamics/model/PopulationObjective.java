package org.clsweep.dynamics.model;

import org.clsweep.dynamics.activation.Activation;
import org.clsweep.dynamics.activation.ActivationFunction;
import org.clsweep.dynamics.linalg.DotProduct;
import org.clsweep.dynamics.special.Normal;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The exact (population, uniform-α) objective of one node h(wᵀx) on a {@link PatternMixture}, in
 * the closed forms of SCIENCE.md §2. With the gated input x̃_w = h'(wᵀx)·x and g_l(w) = E[x̃_w | l]:
 *
 * <pre>
 *   linear             g_l = μ_l
 *   ReLU,  σ &gt; 0      g_l = Φ(a_l)·μ_l + σ·φ(a_l)·ŵ            a_l = ŵᵀμ_l / σ,   ŵ = w/‖w‖
 *   ReLU,  σ = 0      g_l = 1[wᵀμ_l &gt; 0]·μ_l
 *   leaky ReLU(c)     g_l = c·μ_l + (1 − c)·(the ReLU expression)
 *
 *   A(w) = Σ_l π_l g_l g_lᵀ − ḡḡᵀ = Σ_l π_l (g_l − ḡ)(g_l − ḡ)ᵀ,    ḡ = Σ_l π_l g_l
 *   E(w) = ½ wᵀA(w)w = ½ Σ_l π_l (m_l − m̄)²,   m_l = g_lᵀw = E[h(wᵀx) | l],  m̄ = Σ_l π_l m_l
 *   ∇E(w) = A(w)w
 * </pre>
 * Every g_l has the form α_l·μ_l + β_l·w; the fields of the workspace hold p_l = wᵀμ_l, α_l, β_l
 * and m_l = α_l p_l + β_l ‖w‖². The paper states the formulas on the sphere ‖w‖ = 1; written with
 * ŵ = w/‖w‖ as above they extend to every w ≠ 0, and then g_l is scale-invariant (degree 0), A(w)
 * is scale-invariant and E is homogeneous of degree 2.
 *
 * <p><b>Gradient.</b> A(w) depends on w, yet ∇E = A(w)w holds exactly, not only with A frozen: since
 * h is homogeneous, m_l(w) = E[h(wᵀx) | l] has gradient E[h'(wᵀx)x | l] = g_l, hence
 * ∇E = Σ π_l (m_l − m̄) g_l = A(w)w. Equivalently the extra term ½ wᵀ(∂A)w vanishes because g_l is
 * the gradient of the degree-1 function m_l, whose Hessian annihilates w (Euler). This holds for
 * every w ≠ 0 (σ = 0: wherever no wᵀμ_l is 0) and is checked by finite differences in the tests.
 * On the sphere the flow of SCIENCE.md §2 is ẇ = (I − wwᵀ)A(w)w, the Riemannian gradient of E.
 *
 * <p>The fast paths never form A: A(w)w = Σ_l π_l (m_l − m̄)(α_l μ_l + β_l w) costs O(L·d).
 * {@link #gradient} does it for one w; {@link #gradients} for all rows of W at once, as the matrix
 * products P = W Mᵀ (all wᵀμ_l; Mᵀ is stored) and G = K M (K_il = π_l (m_l − m̄) α_l, M the L×d
 * pattern matrix).
 * Immutable and thread-safe; the mutable state lives in a {@link Workspace}, one per thread.
 *
 * @see PatternMixture
 * @see org.clsweep.dynamics.special.Normal
 */
public final class PopulationObjective {
    private final int patternCount;
    private final int dim;
    /** μ_l, row-major L×d: the data of {@link #patterns}. */
    private final double[] mu;
    /** M, the L×d matrix whose rows are the μ_l (wraps {@link #mu}). */
    private final DMatrixRMaj patterns;
    /** Mᵀ, d×L: P = W Mᵀ as a row-reordered product (axpy inner loops, which vectorise). */
    private final DMatrixRMaj patternsT;
    private final double[] prob;
    private final double noise;
    /** The slope c of the negative half-line: 1 linear, c leaky, 0 ReLU. */
    private final double negativeSlope;
    private final boolean linear;

    /**
     * @param mixture    the data. Not modified.
     * @param activation a homogeneous activation (linear, relu, leaky_relu)
     * @throws IllegalArgumentException for a non-homogeneous activation, which has no closed form
     */
    public PopulationObjective(PatternMixture mixture, ActivationFunction activation) {
        if (!activation.isHomogeneous()) {
            throw new IllegalArgumentException("activation = " + activation
                    + " is not homogeneous: the population closed forms need linear, relu or leaky_relu");
        }
        this.patternCount = mixture.patternCount();
        this.dim = mixture.dim();
        this.mu = new double[patternCount * dim];
        this.prob = new double[patternCount];
        for (int l = 0; l < patternCount; l++) {
            for (int i = 0; i < dim; i++) {
                mu[l * dim + i] = mixture.pattern(l, i);
            }
            prob[l] = mixture.prob(l);
        }
        this.patterns = DMatrixRMaj.wrap(patternCount, dim, mu);
        this.patternsT = CommonOps_DDRM.transpose(patterns, null);
        this.noise = mixture.noise();
        this.linear = activation.kind() == Activation.LINEAR || activation.negativeSlope() == 1.0;
        this.negativeSlope = activation.negativeSlope();
    }

    /** d, the input dimension. */
    public int dim() {
        return dim;
    }

    /** L, the number of patterns. */
    public int patternCount() {
        return patternCount;
    }

    /** σ, the augmentation noise. */
    public double noise() {
        return noise;
    }

    /**
     * Whether A is piecewise constant with jumps on the hinges {w : wᵀμ_l = 0}: ReLU or leaky
     * ReLU with σ = 0. Everywhere else A is smooth (linear: constant).
     */
    public boolean hasHinges() {
        return !linear && noise == 0.0;
    }

    /** A workspace for the single-w methods; allocate once per run (per thread). */
    public Workspace newWorkspace() {
        return new Workspace(patternCount, dim, 1);
    }

    /** A workspace for every method, including {@link #gradients} of up to {@code rows} rows at once. */
    public Workspace newWorkspace(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("rows must be >= 1, found " + rows);
        }
        return new Workspace(patternCount, dim, rows);
    }

    /**
     * E(w) = ½ wᵀA(w)w; fills the workspace's per-pattern terms.
     *
     * @param w    w at {@code w[wOff .. wOff+d)}, w ≠ 0. Not modified.
     * @param wOff offset of w in {@code w}
     * @param ws   workspace of this objective. Modified.
     * @return E(w)
     */
    public double energy(double[] w, int wOff, Workspace ws) {
        return gates(w, wOff, ws);
    }

    /**
     * ∇E(w) = A(w)w, in O(L·d) without forming A.
     *
     * @param w      w at {@code w[wOff .. wOff+d)}, w ≠ 0. Not modified.
     * @param wOff   offset of w
     * @param ws     workspace of this objective. Modified.
     * @param out    receives A(w)w at {@code out[outOff .. outOff+d)}; must not overlap w. Modified.
     * @param outOff offset in {@code out}
     * @return E(w)
     */
    public double gradient(double[] w, int wOff, Workspace ws, double[] out, int outOff) {
        double e = energy(w, wOff, ws);
        double wCoef = 0.0;
        for (int i = 0; i < dim; i++) {
            out[outOff + i] = 0.0;
        }
        for (int l = 0; l < patternCount; l++) {
            double weight = prob[l] * (ws.out[l] - ws.meanOut);
            wCoef += weight * ws.beta[l];
            double muCoef = weight * ws.alpha[l];
            int base = l * dim;
            for (int i = 0; i < dim; i++) {
                out[outOff + i] += muCoef * mu[base + i];
            }
        }
        for (int i = 0; i < dim; i++) {
            out[outOff + i] += wCoef * w[wOff + i];
        }
        return e;
    }

    /**
     * ∇E(w_i) = A(w_i)w_i and E(w_i) for every row w_i of W, through two matrix products.
     *
     * @param w         W, n×d, rows ≠ 0. Not modified.
     * @param ws        workspace of this objective made for at least n rows. Modified.
     * @param gradOut   n×d, row i receives A(w_i)w_i; must not be W. Modified.
     * @param energyOut {@code energyOut[i]} receives E(w_i), length ≥ n. Modified.
     */
    public void gradients(DMatrixRMaj w, Workspace ws, DMatrixRMaj gradOut, double[] energyOut) {
        int n = w.numRows;
        checkShape(w, n, dim, "w");
        checkShape(gradOut, n, dim, "gradOut");
        if (n > ws.rows) {
            throw new IllegalArgumentException("workspace made for " + ws.rows + " rows, W has " + n);
        }
        DMatrixRMaj proj = ws.batchProj;
        DMatrixRMaj coef = ws.batchCoef;
        proj.reshape(n, patternCount);
        coef.reshape(n, patternCount);
        CommonOps_DDRM.mult(w, patternsT, proj);
        double[] wd = w.data;
        for (int i = 0; i < n; i++) {
            System.arraycopy(proj.data, i * patternCount, ws.proj, 0, patternCount);
            energyOut[i] = terms(DotProduct.of(wd, i * dim, wd, i * dim, dim), ws);
            double wCoef = 0.0;
            for (int l = 0; l < patternCount; l++) {
                double weight = prob[l] * (ws.out[l] - ws.meanOut);
                coef.data[i * patternCount + l] = weight * ws.alpha[l];
                wCoef += weight * ws.beta[l];
            }
            ws.batchWCoef[i] = wCoef;
        }
        CommonOps_DDRM.mult(coef, patterns, gradOut);
        double[] g = gradOut.data;
        for (int i = 0; i < n; i++) {
            double b = ws.batchWCoef[i];
            int off = i * dim;
            for (int j = 0; j < dim; j++) {
                g[off + j] += b * wd[off + j];
            }
        }
    }

    /**
     * The gated means g_l(w), one per row.
     *
     * @param w    w at {@code w[wOff .. wOff+d)}, w ≠ 0. Not modified.
     * @param wOff offset of w
     * @param ws   workspace of this objective. Modified.
     * @param gOut L×d, row l receives g_l(w). Modified.
     */
    public void gatedMeans(double[] w, int wOff, Workspace ws, DMatrixRMaj gOut) {
        checkShape(gOut, patternCount, dim, "gOut");
        gates(w, wOff, ws);
        double[] g = gOut.data;
        for (int l = 0; l < patternCount; l++) {
            int base = l * dim;
            double a = ws.alpha[l];
            double b = ws.beta[l];
            for (int i = 0; i < dim; i++) {
                g[base + i] = a * mu[base + i] + b * w[wOff + i];
            }
        }
    }

    /**
     * The centred, weighted gated means C(w), whose Gram matrix is A(w): row l is √π_l (g_l − ḡ),
     * so A(w) = CᵀC and the non-zero eigenvalues of A are the squared singular values of C.
     *
     * @param w    w at {@code w[wOff .. wOff+d)}, w ≠ 0. Not modified.
     * @param wOff offset of w
     * @param ws   workspace of this objective. Modified.
     * @param cOut L×d, receives C(w). Modified.
     */
    public void centredGatedMeans(double[] w, int wOff, Workspace ws, DMatrixRMaj cOut) {
        checkShape(cOut, patternCount, dim, "cOut");
        gatedMeans(w, wOff, ws, cOut);
        double[] g = cOut.data;
        double[] gBar = ws.gBar;
        for (int i = 0; i < dim; i++) {
            gBar[i] = 0.0;
        }
        for (int l = 0; l < patternCount; l++) {
            for (int i = 0; i < dim; i++) {
                gBar[i] += prob[l] * g[l * dim + i];
            }
        }
        for (int l = 0; l < patternCount; l++) {
            double s = Math.sqrt(prob[l]);
            for (int i = 0; i < dim; i++) {
                g[l * dim + i] = s * (g[l * dim + i] - gBar[i]);
            }
        }
    }

    /**
     * A(w) = Σ_l π_l (g_l − ḡ)(g_l − ḡ)ᵀ = CᵀC, symmetric positive semi-definite by construction.
     *
     * @param w    w at {@code w[wOff .. wOff+d)}, w ≠ 0. Not modified.
     * @param wOff offset of w
     * @param ws   workspace of this objective. Modified.
     * @param aOut d×d, receives A(w). Modified.
     */
    public void matrix(double[] w, int wOff, Workspace ws, DMatrixRMaj aOut) {
        checkShape(aOut, dim, dim, "aOut");
        centredGatedMeans(w, wOff, ws, ws.centred);
        CommonOps_DDRM.multTransA(ws.centred, ws.centred, aOut);
    }

    /** Fills p_l, α_l, β_l, m_l and m̄ for w; returns E(w). */
    private double gates(double[] w, int wOff, Workspace ws) {
        for (int l = 0; l < patternCount; l++) {
            ws.proj[l] = DotProduct.of(w, wOff, mu, l * dim, dim);
        }
        return terms(DotProduct.of(w, wOff, w, wOff, dim), ws);
    }

    /** From p_l (in the workspace) and ‖w‖², fills α_l, β_l, m_l and m̄; returns E(w). */
    private double terms(double norm2, Workspace ws) {
        double norm = Math.sqrt(norm2);
        double relu = 1.0 - negativeSlope;
        double toA = 1.0 / (noise * norm);
        double meanOut = 0.0;
        for (int l = 0; l < patternCount; l++) {
            double p = ws.proj[l];
            double alpha;
            double beta;
            double slope = 0.0;
            if (linear) {
                alpha = 1.0;
                beta = 0.0;
            } else if (noise > 0.0) {
                double a = p * toA;
                double gauss = Math.exp(-0.5 * a * a);
                alpha = negativeSlope + relu * Normal.cdf(a, gauss);
                beta = relu * noise * Normal.INV_SQRT_2PI * gauss / norm;
                slope = relu * Normal.INV_SQRT_2PI * gauss;
            } else {
                alpha = p > 0.0 ? 1.0 : negativeSlope;
                beta = 0.0;
            }
            ws.alpha[l] = alpha;
            ws.beta[l] = beta;
            ws.slope[l] = slope;
            double m = alpha * p + beta * norm2;
            ws.out[l] = m;
            meanOut += prob[l] * m;
        }
        ws.meanOut = meanOut;
        double e = 0.0;
        for (int l = 0; l < patternCount; l++) {
            double dm = ws.out[l] - meanOut;
            e += prob[l] * dm * dm;
        }
        return 0.5 * e;
    }

    private static void checkShape(DMatrixRMaj m, int rows, int cols, String name) {
        if (m.numRows != rows || m.numCols != cols) {
            throw new IllegalArgumentException(name + " must be " + rows + "×" + cols + ", found "
                    + m.numRows + "×" + m.numCols);
        }
    }

    /**
     * Scratch space of one {@link PopulationObjective}: per-pattern terms of the last evaluation
     * and buffers for A(w) and for batches of up to {@code rows} rows. Not thread-safe; one per run.
     */
    public static final class Workspace {
        private final int rows;
        private final double[] proj;
        private final double[] alpha;
        private final double[] beta;
        private final double[] out;
        private final double[] slope;
        private final double[] gBar;
        private final DMatrixRMaj centred;
        private final DMatrixRMaj batchProj;
        private final DMatrixRMaj batchCoef;
        private final double[] batchWCoef;
        private double meanOut;

        private Workspace(int patternCount, int dim, int rows) {
            this.rows = rows;
            proj = new double[patternCount];
            alpha = new double[patternCount];
            beta = new double[patternCount];
            out = new double[patternCount];
            slope = new double[patternCount];
            gBar = new double[dim];
            centred = new DMatrixRMaj(patternCount, dim);
            batchProj = new DMatrixRMaj(rows, patternCount);
            batchCoef = new DMatrixRMaj(rows, patternCount);
            batchWCoef = new double[rows];
        }

        /** p_l = wᵀμ_l of the last evaluation (for {@link #gradients}: of the last row). */
        public double projection(int l) {
            return proj[l];
        }

        /** m_l = g_lᵀw = E[h(wᵀx) | l] of the last evaluation: the mean output on pattern l. */
        public double meanOutput(int l) {
            return out[l];
        }

        /** m̄ = Σ_l π_l m_l of the last evaluation. */
        public double meanOutput() {
            return meanOut;
        }

        /** α_l of the last evaluation: g_l = α_l μ_l + β_l w. */
        public double patternWeight(int l) {
            return alpha[l];
        }

        /** β_l of the last evaluation: g_l = α_l μ_l + β_l w. */
        public double directionWeight(int l) {
            return beta[l];
        }

        /**
         * s_l = (1 − c)·φ(a_l) of the last evaluation, the slope of the smooth gate (0 for linear
         * and for σ = 0). At a unit w the derivative of g_l along a tangent δ ⊥ w is
         * Dg_l(w)[δ] = s_l·[ (μ_lᵀδ/σ)(I − wwᵀ)μ_l + σδ ].
         */
        public double gateSlope(int l) {
            return slope[l];
        }
    }
}
