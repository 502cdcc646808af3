package org.clsweep.dynamics.objective;

import org.clsweep.dynamics.activation.ActivationFunction;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The matrices of SCIENCE.md §2 that InfoNCE induces on one node of a one-layer network, on one
 * batch: the contrastive covariance C_α[x̃_{w_k}] and the fixed-point matrix B_k that also carries
 * the output normalisation. Both are d×d, symmetric, and play the role of A(w) (E = ½ wᵀAw is
 * ascended).
 *
 * <pre>
 *   f_s = h(W x_s) ∈ R^n for the 2N inputs s = (x_1..x_N, x'_1..x'_N),  x̃_s = h'(w_kᵀx_s)·x_s
 *   X̃_k = the 2N×d matrix of rows x̃_s (view 1, then view 2),  α_ij = P_ij (j ≠ i) of InfoNceWeights
 *
 *   Q = ½ [ −(α + αᵀ)₀   diag(ρ) ]        2N×2N, ρ_i = Σ_{j≠i} α_ij, (·)₀ = zero diagonal
 *         [  diag(ρ)        0    ]
 *   C_α  = X̃_kᵀ Q X̃_k = Σ_i Σ_{j≠i} α_ij sym(x̃_i x̃'_iᵀ − x̃_i x̃_jᵀ),    sym(M) = (M + Mᵀ)/2
 *   B_k  = X̃_kᵀ M X̃_k,   M = D⁻¹ Q D⁻¹ − diag(κ_s / r_s²)
 *          D = diag(r_s), r_s = max(‖f_s‖, ε),   κ_s = z_sᵀ(Q Z)_s,   z_s = f_s / r_s
 *   ∇_{w_k} L = −c · B_k w_k,   c = 2/(Nτ);     B_k = C_α without output normalisation (D = I, κ = 0)
 * </pre>
 *
 * <p><b>Derivation.</b> InfoNCE has ∂L/∂S_ij = G_ij = (P_ij − δ_ij)/(Nτ), and Σ_ij G_ij S_ij =
 * ½ Σ_st K_st z_s·z_t with K = −c Q, so ∂L/∂z_s = −c (Q Z)_s: the gradient of −1/(Nτ) times the
 * α-CL energy Σ_i Σ_{j≠i} α_ij (S_ii − S_ij) = tr(ZᵀQZ) with α frozen at the current P. This is the
 * exact gradient of L, not an approximation: the chain rule through the log-sum-exp gives G, and
 * Σ_j P_ij = 1 turns Σ_ij G_ij ∇S_ij into the α-CL form, so no term in ∂α appears. Without normalisation z_s = f_s and f_{s,k} = w_kᵀx̃_s (homogeneity), so ∇_{w_k} L =
 * −c Σ_st Q_st x̃_s x̃_tᵀ w_k = −c C_α w_k. With normalisation z_s = f_s/‖f_s‖ has the Jacobian
 * (I − z_s z_sᵀ)/r_s, hence ∂L/∂f_s = −c [Σ_t Q_st f_t/(r_s r_t) − κ_s f_s/r_s²] = −c (M F)_s,
 * and ∇_{w_k} L = −c Σ_st M_st x̃_s x̃_tᵀ w_k = −c B_k w_k. M is symmetric, so B_k is. κ_s depends on
 * every node through z_s, so the nodes interact even with α fixed. The fixed points of the projected
 * flow are B_k(W) w_k = λ_k w_k, not C_α w_k = λ w_k: B_k = C_α[x̃_s/r_s] − Σ_s (κ_s/r_s²) x̃_s x̃_sᵀ.
 * Because the normalised loss is invariant to W → tW (t &gt; 0), Σ_k w_kᵀ B_k w_k = 0 (Euler): the
 * λ_k of unit rows sum to zero. Where ‖f_s‖ ≤ ε the normalisation is linear (see
 * {@link OutputNormalization}) and that sample has no κ term, as in the backward pass.
 *
 * <p>One instance per (h, τ, normalisation, n, d, N); the workspace is allocated once and
 * {@link #evaluate}, {@link #alphaCovariance} and {@link #fixedPointMatrix} do not allocate.
 * Not thread-safe.
 *
 * @see InfoNceWeights
 * @see InfoNceLoss
 * @see FixedPointCheck
 */
public final class ContrastiveCovariance {
    private final ActivationFunction activation;
    private final int width;
    private final int dim;
    private final int batch;
    private final InfoNceWeights weights;

    private final DMatrixRMaj pre1;
    private final DMatrixRMaj pre2;
    private final DMatrixRMaj out1;
    private final DMatrixRMaj out2;
    private final DMatrixRMaj x1;
    private final DMatrixRMaj x2;
    private final DMatrixRMaj q;
    private final DMatrixRMaj m;
    private final DMatrixRMaj gated;
    private final DMatrixRMaj product;

    /**
     * @param activation  h, homogeneous (linear, relu, leaky_relu)
     * @param temperature τ &gt; 0
     * @param normalize   row-normalise the outputs before the loss
     * @param width       n ≥ 1, nodes
     * @param dim         d ≥ 1, inputs
     * @param batch       N ≥ 2, pairs
     */
    public ContrastiveCovariance(ActivationFunction activation, double temperature, boolean normalize, int width,
                                 int dim, int batch) {
        if (!activation.isHomogeneous()) {
            throw new IllegalArgumentException("activation = " + activation
                    + " is not homogeneous: C_α and B_k need linear, relu or leaky_relu");
        }
        if (width < 1 || dim < 1) {
            throw new IllegalArgumentException("width and dim must be >= 1, found " + width + ", " + dim);
        }
        this.activation = activation;
        this.width = width;
        this.dim = dim;
        this.batch = batch;
        this.weights = new InfoNceWeights(temperature, normalize, batch, width);
        this.pre1 = new DMatrixRMaj(batch, width);
        this.pre2 = new DMatrixRMaj(batch, width);
        this.out1 = new DMatrixRMaj(batch, width);
        this.out2 = new DMatrixRMaj(batch, width);
        this.x1 = new DMatrixRMaj(batch, dim);
        this.x2 = new DMatrixRMaj(batch, dim);
        this.q = new DMatrixRMaj(2 * batch, 2 * batch);
        this.m = new DMatrixRMaj(2 * batch, 2 * batch);
        this.gated = new DMatrixRMaj(2 * batch, dim);
        this.product = new DMatrixRMaj(2 * batch, dim);
    }

    /**
     * α, Q and M at W on one batch; the matrices of every node follow from them.
     *
     * @param w  W, n×d. Not modified.
     * @param v1 X₁, N×d, row i = x_i. Not modified.
     * @param v2 X₂, N×d, row i = x'_i. Not modified.
     */
    public void evaluate(DMatrixRMaj w, DMatrixRMaj v1, DMatrixRMaj v2) {
        checkShape("w", w, width, dim);
        checkShape("x1", v1, batch, dim);
        checkShape("x2", v2, batch, dim);
        x1.setTo(v1);
        x2.setTo(v2);
        forward(w, x1, pre1, out1);
        forward(w, x2, pre2, out2);
        weights.evaluate(out1, out2);

        final int n = batch;
        final int two = 2 * n;
        final double[] p = weights.softmax().data;
        final double[] s = weights.similarities().data;
        final double[] qd = q.data;
        q.zero();
        for (int i = 0; i < n; i++) {
            double rho = 0.0;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    rho += p[i * n + j];
                    qd[i * two + j] = -0.5 * (p[i * n + j] + p[j * n + i]);
                }
            }
            qd[i * two + n + i] = 0.5 * rho;
            qd[(n + i) * two + i] = 0.5 * rho;
        }
        if (!weights.normalizes()) {
            m.setTo(q);
            return;
        }
        final double[] md = m.data;
        for (int a = 0; a < two; a++) {
            final double ra = norm(a);
            for (int b = 0; b < two; b++) {
                md[a * two + b] = qd[a * two + b] / (ra * norm(b));
            }
        }
        for (int i = 0; i < n; i++) {
            // κ_s = Σ_t Q_st z_s·z_t: z_i·z_j = S_ij among view 1, z_i·z'_i = S_ii across the views.
            double kappa1 = qd[i * two + n + i] * s[i * n + i];
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    kappa1 += qd[i * two + j] * s[i * n + j];
                }
            }
            double kappa2 = qd[(n + i) * two + i] * s[i * n + i];
            subtractKappa(i, kappa1);
            subtractKappa(n + i, kappa2);
        }
    }

    /**
     * α_ij = P_ij for j ≠ i and 0 on the diagonal, of the last {@link #evaluate}.
     *
     * @param out N×N. Modified.
     */
    public void alpha(DMatrixRMaj out) {
        checkShape("alpha", out, batch, batch);
        out.setTo(weights.softmax());
        for (int i = 0; i < batch; i++) {
            out.data[i * batch + i] = 0.0;
        }
    }

    /**
     * C_α[x̃_{w_k}] of the last {@link #evaluate}.
     *
     * @param k   the node, 0 ≤ k &lt; n
     * @param out d×d. Modified.
     */
    public void alphaCovariance(int k, DMatrixRMaj out) {
        sandwich(k, q, out);
    }

    /**
     * B_k of the last {@link #evaluate}: ∇_{w_k} L = −{@link #gradientScale()}·B_k w_k.
     *
     * @param k   the node, 0 ≤ k &lt; n
     * @param out d×d. Modified.
     */
    public void fixedPointMatrix(int k, DMatrixRMaj out) {
        sandwich(k, m, out);
    }

    /** c = 2/(Nτ). */
    public double gradientScale() {
        return 2.0 / (batch * weights.temperature());
    }

    /** out = X̃_kᵀ S X̃_k. */
    private void sandwich(int k, DMatrixRMaj sampleMatrix, DMatrixRMaj out) {
        if (k < 0 || k >= width) {
            throw new IllegalArgumentException("node must be in [0, " + width + "), found " + k);
        }
        checkShape("out", out, dim, dim);
        gate(k, pre1, x1, 0);
        gate(k, pre2, x2, batch);
        CommonOps_DDRM.mult(sampleMatrix, gated, product);
        CommonOps_DDRM.multTransA(gated, product, out);
    }

    /** Rows offset..offset+N−1 of X̃_k: h'(w_kᵀx_i)·x_i. */
    private void gate(int k, DMatrixRMaj pre, DMatrixRMaj x, int offset) {
        final double[] g = gated.data;
        final double[] xd = x.data;
        for (int i = 0; i < batch; i++) {
            final double gate = activation.derivative(pre.data[i * width + k]);
            final int to = (offset + i) * dim;
            final int from = i * dim;
            for (int c = 0; c < dim; c++) {
                g[to + c] = gate * xd[from + c];
            }
        }
    }

    private void forward(DMatrixRMaj w, DMatrixRMaj x, DMatrixRMaj pre, DMatrixRMaj out) {
        CommonOps_DDRM.multTransB(x, w, pre);
        final int size = pre.getNumElements();
        for (int e = 0; e < size; e++) {
            out.data[e] = activation.value(pre.data[e]);
        }
    }

    /** r_s of sample s of the 2N (view 1, then view 2). */
    private double norm(int s) {
        return s < batch ? weights.norm1(s) : weights.norm2(s - batch);
    }

    /** M_ss −= κ_s/r_s², only where the normalisation projects (r_s &gt; ε). */
    private void subtractKappa(int s, double kappa) {
        final double r = norm(s);
        if (r > OutputNormalization.EPS) {
            m.data[s * 2 * batch + s] -= kappa / (r * r);
        }
    }

    private static void checkShape(String name, DMatrixRMaj mat, int rows, int cols) {
        if (mat.numRows != rows || mat.numCols != cols) {
            throw new IllegalArgumentException(name + " must be " + rows + "×" + cols + ", found " + mat.numRows + "×"
                    + mat.numCols);
        }
    }
}
