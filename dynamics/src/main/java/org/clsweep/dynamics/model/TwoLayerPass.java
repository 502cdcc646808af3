package org.clsweep.dynamics.model;

import java.util.Arrays;
import org.clsweep.dynamics.activation.ActivationFunction;
import org.clsweep.dynamics.norm.BatchNorm;
import org.clsweep.dynamics.objective.ContrastiveLoss;
import org.ejml.data.DMatrixRMaj;

/**
 * Forward and hand-derived backward pass of a {@link TwoLayerNet} on a batch of token pairs:
 * the loss and its gradient with respect to all W_k and V. Owns the workspace of one run.
 *
 * <p>A receptive field's hidden vector depends only on the token at its location, so the pass
 * works per <em>distinct token</em> rather than per sample. For view v and RF k, let the batch
 * hold R_k distinct tokens a_r with multiplicities c_r (R_k ≤ min(n, N)). Then
 * <pre>
 *   p_r = W_k x_{a_r}           one-hot: p_r[j] = W_k[j, a_r]·mag(a_r)  (a column lookup)
 *   y_r = BN(h(p_r))            statistics weighted by c_r: the batch statistics exactly
 *   T_r = V_k y_r ∈ R^out       V_k = columns k·M … k·M+M−1 of V
 *   z_i = Σ_k T_{slot(i,k)}     f2 of sample i, without an N×KM by KM×out product
 * </pre>
 * and backwards, with g_i = ∂L/∂z_i from the loss:
 * <pre>
 *   D_r = Σ_{i: slot(i,k)=r} g_i                        scatter-add
 *   ∂L/∂V_k += Σ_r D_r y_rᵀ        G_r = V_kᵀ D_r        (G_r = Σ_{i in r} ∂L/∂y_i)
 *   G_r ← BN backward (weighted, with the stop-gradient switches), then ⊙ h'(p_r)
 *   ∂L/∂W_k += Σ_r G_r x_{a_r}ᵀ    one-hot: ∂L/∂W_k[j, a_r] += mag(a_r)·G_r[j]  (a scatter)
 * </pre>
 * The per-sample products cost N·out·K·M per view; this costs R_k·out·M per RF, R_k ≤ n, plus
 * O(N·K·out) for the gather and scatter. Dense (embedded) tokens use the same scheme with
 * p_r = W_k x_{a_r} and ∂W_k += G_r x_{a_r}ᵀ as small dot products.
 *
 * <p>Not thread-safe; one instance per run. {@link #evaluate} does not allocate.
 *
 * @see TwoLayerNet
 * @see BatchNorm
 */
public final class TwoLayerPass {
    private final TwoLayerNet net;
    private final ContrastiveLoss loss;
    private final ActivationFunction act;
    private final BatchNorm bn;
    private final int n;
    private final int k;
    private final int m;
    private final int d;
    private final int out;
    private final int hid;
    private final int batch;
    private final boolean oneHot;
    private final double[] mag;
    private final double[] inputs; // n×d row-major: row a = x_a = mag(a)·u_a

    // per view v ∈ {0,1} and RF k
    private final int[][] slotOf;          // [v][i·K + k]
    private final int[][][] slotToken;     // [v][k][r]
    private final int[][][] counts;        // [v][k][r]
    private final int[][] slots;           // [v][k] = R_k
    private final double[][][] pre;        // [v][k][r·M + j]
    private final double[][][] hidden;     // [v][k][r·M + j]  h(p) (and with BN: input of BN)
    private final double[][][] normed;     // [v][k][r·M + j]  BN output (== hidden without BN)
    private final double[][][] invStd;     // [v][k][j]
    private final double[][][] table;      // [v][k][r·out + o]  T_r, then D_r
    private final double[][][] back;       // [v][k][r·M + j]   G_r
    private final int[] tokenSlot;         // scratch: token → slot, −1 when unused
    private final double[] vt;             // Vᵀ, (K·M)×out: row k·M + j is column k·M + j of V
    private final double[] gvt;            // ∂L/∂Vᵀ, (K·M)×out
    private final DMatrixRMaj[] z;
    private final DMatrixRMaj[] dz;

    /**
     * @param net       the network; its parameters are read at each {@link #evaluate}. Not modified.
     * @param embedding the token inputs, with d = the network's dim
     * @param batch     N, the batch size
     * @param loss      the contrastive loss on (f2 of view 1, f2 of view 2), sized for N×out
     */
    public TwoLayerPass(TwoLayerNet net, TokenEmbedding embedding, int batch, ContrastiveLoss loss) {
        if (embedding.dim() != net.dim()) {
            throw new IllegalArgumentException("embedding dimension " + embedding.dim() + " != network input dimension "
                    + net.dim());
        }
        if (batch < 2) {
            throw new IllegalArgumentException("batch must be >= 2, found " + batch);
        }
        this.net = net;
        this.loss = loss;
        this.act = net.activation();
        this.n = embedding.vocab();
        this.k = net.fields();
        this.m = net.filters();
        this.d = net.dim();
        this.out = net.outDim();
        this.hid = net.hidden();
        this.batch = batch;
        this.oneHot = embedding.isOneHot();
        this.bn = net.batchNorm() ? new BatchNorm(m, net.bnBackpropMean(), net.bnBackpropVar()) : null;
        this.mag = new double[n];
        this.inputs = new double[n * d];
        for (int a = 0; a < n; a++) {
            mag[a] = embedding.magnitude(a);
            for (int i = 0; i < d; i++) {
                inputs[a * d + i] = embedding.input(i, a);
            }
        }
        int maxSlots = Math.min(n, batch);
        slotOf = new int[2][batch * k];
        slotToken = new int[2][k][maxSlots];
        counts = new int[2][k][maxSlots];
        slots = new int[2][k];
        pre = new double[2][k][maxSlots * m];
        hidden = new double[2][k][maxSlots * m];
        normed = bn != null ? new double[2][k][maxSlots * m] : hidden;
        invStd = new double[2][k][m];
        table = new double[2][k][maxSlots * out];
        back = new double[2][k][maxSlots * m];
        tokenSlot = new int[n];
        vt = new double[hid * out];
        gvt = new double[hid * out];
        Arrays.fill(tokenSlot, -1);
        z = new DMatrixRMaj[] {new DMatrixRMaj(batch, out), new DMatrixRMaj(batch, out)};
        dz = new DMatrixRMaj[] {new DMatrixRMaj(batch, out), new DMatrixRMaj(batch, out)};
    }

    /**
     * Evaluates the loss on a batch and its gradient at the network's current parameters.
     *
     * @param pairs the batch, N samples of K tokens. Not modified.
     * @param gradW ∂loss/∂W, (K·M)×d, overwritten (zero when the loss is not finite). Modified.
     * @param gradV ∂loss/∂V, out×(K·M), overwritten (zero when the loss is not finite). Modified.
     * @return the loss; a non-finite value is returned as it is, without a backward pass
     */
    public double evaluate(TokenPairBatch pairs, DMatrixRMaj gradW, DMatrixRMaj gradV) {
        if (pairs.size() != batch || pairs.locations() != k) {
            throw new IllegalArgumentException("batch of " + pairs.size() + "×" + pairs.locations() + ", expected "
                    + batch + "×" + k);
        }
        transpose(net.topWeights().data, out, hid, vt);
        for (int v = 0; v < 2; v++) {
            index(v, pairs.view(v));
            forward(v);
        }
        double value = loss.evaluate(z[0], z[1], dz[0], dz[1]);
        Arrays.fill(gradW.data, 0, gradW.getNumElements(), 0.0);
        Arrays.fill(gradV.data, 0, gradV.getNumElements(), 0.0);
        if (!Double.isFinite(value)) {
            return value;
        }
        Arrays.fill(gvt, 0.0);
        for (int v = 0; v < 2; v++) {
            backward(v, gradW.data);
        }
        transpose(gvt, hid, out, gradV.data);
        return value;
    }

    /** The outputs f2 of view {@code v} after the last {@link #evaluate}: N×out. Not to be modified. */
    public DMatrixRMaj output(int v) {
        return z[v];
    }

    /** Groups the samples of view v by the token at each location. */
    private void index(int v, int[] ids) {
        int[] slotOfV = slotOf[v];
        for (int f = 0; f < k; f++) {
            int[] tok = slotToken[v][f];
            int[] cnt = counts[v][f];
            int r = 0;
            for (int i = 0; i < batch; i++) {
                int a = ids[i * k + f];
                int s = tokenSlot[a];
                if (s < 0) {
                    s = r++;
                    tokenSlot[a] = s;
                    tok[s] = a;
                    cnt[s] = 0;
                }
                cnt[s]++;
                slotOfV[i * k + f] = s;
            }
            for (int s = 0; s < r; s++) {
                tokenSlot[tok[s]] = -1;
            }
            slots[v][f] = r;
        }
    }

    private void forward(int v) {
        double[] wd = net.filterWeights().data;
        double[] zd = z[v].data;
        Arrays.fill(zd, 0, batch * out, 0.0);
        int[] slotOfV = slotOf[v];
        for (int f = 0; f < k; f++) {
            int r = slots[v][f];
            int[] tok = slotToken[v][f];
            double[] p = pre[v][f];
            double[] h = hidden[v][f];
            int wBase = f * m * d;
            if (oneHot) {
                for (int s = 0; s < r; s++) {
                    int a = tok[s];
                    double mg = mag[a];
                    int off = s * m;
                    for (int j = 0; j < m; j++) {
                        p[off + j] = wd[wBase + j * d + a] * mg;
                    }
                }
            } else {
                for (int s = 0; s < r; s++) {
                    int xOff = tok[s] * d;
                    int off = s * m;
                    for (int j = 0; j < m; j++) {
                        int wOff = wBase + j * d;
                        double acc = 0.0;
                        for (int i = 0; i < d; i++) {
                            acc += wd[wOff + i] * inputs[xOff + i];
                        }
                        p[off + j] = acc;
                    }
                }
            }
            int len = r * m;
            for (int e = 0; e < len; e++) {
                h[e] = act.value(p[e]);
            }
            double[] y = normed[v][f];
            if (bn != null) {
                bn.forward(h, r, m, counts[v][f], y, invStd[v][f]);
            }
            // T_r = V_k y_r = Σ_j y_r[j]·(row k·M + j of Vᵀ), stored slot-major: table[r·out + o]
            double[] t = table[v][f];
            int vtBase = f * m * out;
            Arrays.fill(t, 0, r * out, 0.0);
            for (int s = 0; s < r; s++) {
                int yOff = s * m;
                int tOff = s * out;
                int j = 0;
                for (; j + 3 < m; j += 4) {
                    double c0 = y[yOff + j];
                    double c1 = y[yOff + j + 1];
                    double c2 = y[yOff + j + 2];
                    double c3 = y[yOff + j + 3];
                    int v0 = vtBase + j * out;
                    int v1 = v0 + out;
                    int v2 = v1 + out;
                    int v3 = v2 + out;
                    for (int o = 0; o < out; o++) {
                        t[tOff + o] += c0 * vt[v0 + o] + c1 * vt[v1 + o] + c2 * vt[v2 + o] + c3 * vt[v3 + o];
                    }
                }
                for (; j < m; j++) {
                    double c = y[yOff + j];
                    int vOff = vtBase + j * out;
                    for (int o = 0; o < out; o++) {
                        t[tOff + o] += c * vt[vOff + o];
                    }
                }
            }
        }
        // z_i = Σ_k T_{slot(i,k)}, two locations per pass over the row
        double[][] tables = table[v];
        for (int i = 0; i < batch; i++) {
            int zOff = i * out;
            int base = i * k;
            int f = 0;
            for (; f + 1 < k; f += 2) {
                double[] ta = tables[f];
                double[] tb = tables[f + 1];
                int aOff = slotOfV[base + f] * out;
                int bOff = slotOfV[base + f + 1] * out;
                for (int o = 0; o < out; o++) {
                    zd[zOff + o] += ta[aOff + o] + tb[bOff + o];
                }
            }
            if (f < k) {
                double[] ta = tables[f];
                int aOff = slotOfV[base + f] * out;
                for (int o = 0; o < out; o++) {
                    zd[zOff + o] += ta[aOff + o];
                }
            }
        }
    }

    private void backward(int v, double[] gw) {
        double[] vd = net.topWeights().data;
        double[] g = dz[v].data;
        int[] slotOfV = slotOf[v];
        for (int f = 0; f < k; f++) {
            int r = slots[v][f];
            double[] dt = table[v][f];
            Arrays.fill(dt, 0, r * out, 0.0);
            for (int i = 0; i < batch; i++) {
                int tOff = slotOfV[i * k + f] * out;
                int gOff = i * out;
                for (int o = 0; o < out; o++) {
                    dt[tOff + o] += g[gOff + o];
                }
            }
            // ∂L/∂(Vᵀ row k·M + j) += y_r[j]·D_r ;  G_r = Σ_o D_r[o]·(row o of V_k)
            // (both as axpy loops: a dot product's reduction would not vectorise)
            double[] y = normed[v][f];
            double[] gr = back[v][f];
            int vtBase = f * m * out;
            int vCol = f * m;
            // blocked by four: four rank-1 updates per load and store of the accumulated row
            Arrays.fill(gr, 0, r * m, 0.0);
            for (int j = 0; j < m; j++) {
                int gOff = vtBase + j * out;
                int s = 0;
                for (; s + 3 < r; s += 4) {
                    double c0 = y[s * m + j];
                    double c1 = y[(s + 1) * m + j];
                    double c2 = y[(s + 2) * m + j];
                    double c3 = y[(s + 3) * m + j];
                    int d0 = s * out;
                    int d1 = d0 + out;
                    int d2 = d1 + out;
                    int d3 = d2 + out;
                    for (int o = 0; o < out; o++) {
                        gvt[gOff + o] += c0 * dt[d0 + o] + c1 * dt[d1 + o] + c2 * dt[d2 + o] + c3 * dt[d3 + o];
                    }
                }
                for (; s < r; s++) {
                    double c = y[s * m + j];
                    int dOff = s * out;
                    for (int o = 0; o < out; o++) {
                        gvt[gOff + o] += c * dt[dOff + o];
                    }
                }
            }
            for (int s = 0; s < r; s++) {
                int yOff = s * m;
                int tOff = s * out;
                int o = 0;
                for (; o + 3 < out; o += 4) {
                    double c0 = dt[tOff + o];
                    double c1 = dt[tOff + o + 1];
                    double c2 = dt[tOff + o + 2];
                    double c3 = dt[tOff + o + 3];
                    int v0 = o * hid + vCol;
                    int v1 = v0 + hid;
                    int v2 = v1 + hid;
                    int v3 = v2 + hid;
                    for (int j = 0; j < m; j++) {
                        gr[yOff + j] += c0 * vd[v0 + j] + c1 * vd[v1 + j] + c2 * vd[v2 + j] + c3 * vd[v3 + j];
                    }
                }
                for (; o < out; o++) {
                    double c = dt[tOff + o];
                    int vOff = o * hid + vCol;
                    for (int j = 0; j < m; j++) {
                        gr[yOff + j] += c * vd[vOff + j];
                    }
                }
            }
            if (bn != null) {
                bn.backward(gr, y, r, m, counts[v][f], invStd[v][f], gr);
            }
            double[] p = pre[v][f];
            int len = r * m;
            for (int e = 0; e < len; e++) {
                gr[e] *= act.derivative(p[e]);
            }
            int[] tok = slotToken[v][f];
            int wBase = f * m * d;
            if (oneHot) {
                for (int s = 0; s < r; s++) {
                    int a = tok[s];
                    double mg = mag[a];
                    int off = s * m;
                    for (int j = 0; j < m; j++) {
                        gw[wBase + j * d + a] += mg * gr[off + j];
                    }
                }
            } else {
                for (int s = 0; s < r; s++) {
                    int xOff = tok[s] * d;
                    int off = s * m;
                    for (int j = 0; j < m; j++) {
                        double c = gr[off + j];
                        int wOff = wBase + j * d;
                        for (int i = 0; i < d; i++) {
                            gw[wOff + i] += c * inputs[xOff + i];
                        }
                    }
                }
            }
        }
    }

    /** dst (cols×rows) = srcᵀ, src rows×cols, both row-major. */
    private static void transpose(double[] src, int rows, int cols, double[] dst) {
        for (int i = 0; i < rows; i++) {
            int off = i * cols;
            for (int j = 0; j < cols; j++) {
                dst[j * rows + i] = src[off + j];
            }
        }
    }
}
