package org.clsweep.dynamics.optima;

import org.clsweep.dynamics.model.PatternMixture;
import org.clsweep.dynamics.model.PopulationObjective;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.clsweep.dynamics.linalg.DotProduct;
import org.clsweep.dynamics.linalg.SymmetricSpectrum;

/**
 * The exact {@link Curvature} of the population objective at a unit w: the roughness ρ(w) of
 * SCIENCE.md §2 from the analytic derivative of A, an upper bound of it, and the stability margin.
 *
 * <p><b>Derivative of A.</b> With c_l = g_l − ḡ (so A = Σ_l π_l c_l c_lᵀ) and P = I − wwᵀ, the
 * closed forms give, for a unit w and δ ⊥ w (s_l = (1 − c)φ(a_l), 0 for linear and σ = 0;
 * {@link PopulationObjective.Workspace#gateSlope}):
 * <pre>
 *   J_l δ := Dg_l(w)[δ] = s_l·[ (μ̃_lᵀδ/σ)·μ̃_l + σδ ],     μ̃_l = Pμ_l,     J̄ = Σ_l π_l J_l
 *   DA(w)[δ] = Σ_l π_l (e_l c_lᵀ + c_l e_lᵀ),               e_l = (J_l − J̄)δ
 * </pre>
 * <b>Roughness.</b> ρ(w) = max over unit δ ⊥ w and unit u of f(u, δ) = uᵀDA(w)[δ]u
 * = 2 Σ_l π_l (uᵀc_l)(uᵀe_l). For fixed u, f is linear in δ and its maximum is ‖r(u)‖ with
 * r(u) = 2 Σ_l π_l (uᵀc_l)·J_l Pu (the J̄ term drops out because Σ_l π_l c_l = 0); for fixed δ
 * the maximum over u is the eigenvalue of DA[δ] of largest modulus (computed exactly up to a
 * reduced dimension of {@value #EXACT_DIM}, above it by a Krylov step from the current u, in
 * O(L·k) per product without forming DA[δ]). The maximisation alternates
 * the two steps, which never decreases f, until f stops improving (relative change below
 * 1e-12, at most {@value #MAX_ASCENT} rounds), from three fixed starts: u = φ₁(A), u = φ₂(A), and
 * δ = the top eigenvector of Σ_l π_l (J_l − J̄)² (the direction the bound below is attained for).
 * There is no closed form for the joint maximum; the bound shows how far it could be off:
 * <pre>
 *   ‖DA[δ]‖₂ ≤ 2‖Π^½C‖₂·‖Π^½E(δ)‖₂ ≤ 2·√λ1·√(δᵀ Σ_l π_l (J_l − J̄)² δ)      (rows of C, E: c_l, e_l)
 * </pre>
 * <b>Stability margin.</b> ∇E = A(w)w for every w ≠ 0, so the Euclidean Hessian is
 * A + DA[·]w, and DA[δ]w = Σ_l π_l (m_l − m̄) J_l δ (J_lδ ⊥ w, c_lᵀw = m_l − m̄). The Riemannian
 * Hessian of E on the sphere, on the tangent space, is
 * <pre>
 *   H = PAP + Σ_l π_l (m_l − m̄) J_l − (wᵀAw)·P,        margin = −λmax(H on w⊥)
 * </pre>
 * For linear h, H = PAP − λ_w P and the margin at the top eigenvector is the gap λ1 − λ2.
 *
 * <p><b>Dimension.</b> Every vector involved — c_l, μ̃_l, the maximisers u and δ — lies in
 * span{w, μ_1, …, μ_L} plus at most one direction orthogonal to it (DA[δ] depends on the part of
 * δ outside that span only through its norm, by rotational symmetry). The computation runs in an
 * orthonormal basis of that space, of size k ≤ min(d, L + 2); the results do not depend on d
 * once d ≥ k. Cost per w: O(d·k + L·k²) to build the reduced problem, then O(L·k² + k³) per
 * ascent round.
 *
 * <p>Immutable; each call allocates its own buffers, so it is safe to use from several threads
 * given one {@link PopulationObjective.Workspace} per thread.
 */
public final class CurvatureAnalysis {
    /** Most rounds of the alternating ascent from one start. */
    static final int MAX_ASCENT = 500;
    /** Up to this reduced dimension the u-step is an exact eigen-decomposition. */
    static final int EXACT_DIM = 24;
    /** Above {@link #EXACT_DIM}, the dimension of the Krylov space of the u-step. */
    static final int KRYLOV_DIM = 12;
    private static final double ASCENT_TOL = 1e-12;
    /** A pattern residual below this fraction of its norm adds no basis direction. */
    private static final double BASIS_TOL = 1e-10;

    private final PopulationObjective objective;
    private final int dim;
    private final int patternCount;
    private final double[][] patterns;
    private final double[] patternNorms;
    private final double[] prob;
    private final double noise;
    private final double hingeTolerance;
    private final int exactDim;
    /** Orthonormal basis of span{μ_l}, r0 rows of length d. */
    private final double[][] patternBasis;
    /**
     * The coordinates of μ_l on {@link #patternBasis}, L rows of length r0: the same for every w.
     * Empty when r0 = d.
     */
    private final double[][] patternCoordinates;

    /**
     * @param objective      the population objective of {@code mixture}
     * @param mixture        the data. Not modified.
     * @param hingeTolerance w is on the hinge of μ_l when |wᵀμ_l| ≤ hingeTolerance·‖μ_l‖ (σ = 0,
     *                       ReLU and leaky ReLU only), ≥ 0
     */
    public CurvatureAnalysis(PopulationObjective objective, PatternMixture mixture, double hingeTolerance) {
        this(objective, mixture, hingeTolerance, EXACT_DIM);
    }

    /** As above, with the largest reduced dimension of the exact u-step (tests compare both steps). */
    CurvatureAnalysis(PopulationObjective objective, PatternMixture mixture, double hingeTolerance, int exactDim) {
        this.exactDim = exactDim;
        if (!(hingeTolerance >= 0.0)) {
            throw new IllegalArgumentException("hingeTolerance must be >= 0, found " + hingeTolerance);
        }
        this.objective = objective;
        this.dim = mixture.dim();
        this.patternCount = mixture.patternCount();
        this.patterns = new double[patternCount][];
        this.patternNorms = new double[patternCount];
        this.prob = new double[patternCount];
        for (int l = 0; l < patternCount; l++) {
            patterns[l] = mixture.patternCopy(l);
            patternNorms[l] = Math.sqrt(DotProduct.of(patterns[l], patterns[l]));
            prob[l] = mixture.prob(l);
        }
        this.noise = mixture.noise();
        this.hingeTolerance = hingeTolerance;
        double[][] basis = new double[Math.min(dim, patternCount)][];
        int r = 0;
        for (int l = 0; l < patternCount && r < dim; l++) {
            double[] v = orthogonalised(patterns[l], basis, r);
            double norm = Math.sqrt(DotProduct.of(v, v));
            if (norm > BASIS_TOL * patternNorms[l] && norm > 0.0) {
                basis[r++] = scaled(v, 1.0 / norm);
            }
        }
        this.patternBasis = java.util.Arrays.copyOf(basis, r);
        // span{μ} = R^d: basis() returns null (the identity basis), no coordinates needed
        this.patternCoordinates = new double[r == dim ? 0 : patternCount][];
        for (int l = 0; l < patternCoordinates.length; l++) {
            patternCoordinates[l] = coordinates(patterns[l], patternBasis, r);
        }
    }

    /**
     * @param w  a unit vector of length d. Not modified.
     * @param ws a workspace of the objective. Modified.
     * @return the curvature at w
     */
    public Curvature at(double[] w, PopulationObjective.Workspace ws) {
        Local loc = local(w, ws);
        SymmetricSpectrum aSpec = SymmetricSpectrum.of(loc.a);
        double lambda1 = Math.max(aSpec.largest(), 0.0);
        double lambda2 = Math.max(aSpec.secondLargest(), 0.0);
        if (loc.onHinge) {
            return new Curvature(true, lambda1, lambda2, Double.NaN, Double.NaN, Double.NaN);
        }
        double margin = stabilityMargin(loc, ws);
        if (!loc.smooth()) {
            return new Curvature(false, lambda1, lambda2, 0.0, 0.0, margin);
        }
        Derivative da = new Derivative(loc);
        double[] boundDir = new double[loc.k()];
        SymmetricSpectrum boundSpec = da.boundOperator();
        double boundSq = boundSpec.largest();
        double[] top = tangent(boundSpec.vector(0), loc.w);
        double topNorm = Math.sqrt(DotProduct.of(top, top));
        for (int i = 0; i < top.length; i++) {
            boundDir[i] = topNorm > 0.0 ? top[i] / topNorm : 0.0;
        }
        double bound = 2.0 * Math.sqrt(lambda1) * Math.sqrt(Math.max(boundSq, 0.0));
        double rho = da.ascendFromU(aSpec.vector(0));
        if (loc.k() > 1) {
            rho = Math.max(rho, da.ascendFromU(aSpec.vector(1)));
        }
        rho = Math.max(rho, da.ascendFromDelta(aSpec.vector(0), boundDir));
        return new Curvature(false, lambda1, lambda2, rho, bound, margin);
    }

    /**
     * ‖DA(w)[δ]‖₂ for one tangent direction δ of length d (not necessarily in the reduced space:
     * its part outside it enters through its norm) — what ρ(w) maximises; for tests.
     */
    double derivativeNorm(double[] w, double[] delta, PopulationObjective.Workspace ws) {
        Local loc = local(w, ws);
        double[] inside = coordinates(delta, loc.basis, loc.k());
        if (loc.basis != null && outsideSpan(loc.basis[loc.k() - 1], w)) {
            // the basis ends with a direction e outside span{w, μ}: a rotation fixing that span
            // turns δ's whole outside part onto e
            int last = loc.k() - 1;
            double outside = DotProduct.of(delta, delta) - DotProduct.of(inside, inside) + inside[last] * inside[last];
            inside[last] = Math.sqrt(Math.max(outside, 0.0));
        }
        SymmetricSpectrum spec = SymmetricSpectrum.of(new Derivative(loc).at(inside));
        return spec.largestModulus(new double[loc.k()]);
    }

    /** Whether the unit vector b is orthogonal to w and to every μ_l. */
    private boolean outsideSpan(double[] b, double[] w) {
        if (Math.abs(DotProduct.of(b, w)) > 1e-9) {
            return false;
        }
        for (int l = 0; l < patternCount; l++) {
            if (Math.abs(DotProduct.of(b, patterns[l])) > 1e-9 * patternNorms[l]) {
                return false;
            }
        }
        return true;
    }

    /** w, μ_l, c_l = g_l − ḡ, A and the gate slopes in the reduced basis. */
    private record Local(boolean onHinge, double[][] basis, double[] w, double[][] c, double[][] mt, double[] s,
                         DMatrixRMaj a) {
        int k() {
            return w.length;
        }

        boolean smooth() {
            for (double v : s) {
                if (v != 0.0) {
                    return true;
                }
            }
            return false;
        }
    }

    private Local local(double[] w, PopulationObjective.Workspace ws) {
        if (w.length != dim) {
            throw new IllegalArgumentException("w has length " + w.length + ", the patterns " + dim);
        }
        objective.energy(w, 0, ws);
        boolean onHinge = false;
        if (objective.hasHinges()) {
            for (int l = 0; l < patternCount; l++) {
                if (patternNorms[l] > 0.0 && Math.abs(ws.projection(l)) <= hingeTolerance * patternNorms[l]) {
                    onHinge = true;
                    break;
                }
            }
        }
        double[][] basis = basis(w);
        int k = basis == null ? dim : basis.length;
        double[] wr = coordinates(w, basis, k);
        double norm = Math.sqrt(DotProduct.of(wr, wr));
        for (int i = 0; i < k; i++) {
            wr[i] /= norm;
        }
        double[][] c = new double[patternCount][];
        double[][] mt = new double[patternCount][];
        double[] s = new double[patternCount];
        double[] gBar = new double[k];
        for (int l = 0; l < patternCount; l++) {
            double[] mu = patternCoordinates(l, basis, k);
            mt[l] = tangent(mu, wr);
            s[l] = ws.gateSlope(l);
            double a = ws.patternWeight(l);
            double b = ws.directionWeight(l);
            c[l] = new double[k];
            for (int i = 0; i < k; i++) {
                c[l][i] = a * mu[i] + b * wr[i];
                gBar[i] += prob[l] * c[l][i];
            }
        }
        for (int l = 0; l < patternCount; l++) {
            for (int i = 0; i < k; i++) {
                c[l][i] -= gBar[i];
            }
        }
        DMatrixRMaj aMat = new DMatrixRMaj(k, k);
        addWeightedGram(aMat, prob, c);
        return new Local(onHinge, basis, wr, c, mt, s, aMat);
    }

    /** −λmax(H) on w⊥, H = PAP + Σ π_l (m_l − m̄) J_l − (wᵀAw) P. */
    private double stabilityMargin(Local loc, PopulationObjective.Workspace ws) {
        double[] w = loc.w;
        double[][] mt = loc.mt;
        double[] s = loc.s;
        int k = w.length;
        DMatrixRMaj h = project(loc.a, w);
        double lambdaW = quadratic(loc.a, w);
        double identity = -lambdaW;
        double[] weights = new double[patternCount];
        for (int l = 0; l < patternCount; l++) {
            if (s[l] == 0.0) {
                continue;
            }
            double weight = prob[l] * (ws.meanOutput(l) - ws.meanOutput()) * s[l];
            weights[l] = weight / noise;
            identity += weight * noise;
        }
        addWeightedGram(h, weights, mt);
        addTangentIdentity(h, identity, w);
        if (k == 1) {
            return Double.NaN;
        }
        return -SymmetricSpectrum.values(shiftedOffTangent(h, w))[0];
    }

    /** δ ↦ DA(w)[δ] for one w, in the reduced basis. */
    private final class Derivative {
        private final double[][] c;
        private final double[][] mt;
        private final double[] s;
        private final double[] w;
        private final int k;

        Derivative(Local loc) {
            this.c = loc.c;
            this.mt = loc.mt;
            this.s = loc.s;
            this.w = loc.w;
            this.k = w.length;
        }

        /**
         * The rows e_l = (J_l − J̄)δ of E(δ), with J_l δ = s_l·[ (μ̃_lᵀδ/σ)·μ̃_l + σδ ] written
         * in place (0 where s_l = 0).
         */
        private double[][] rows(double[] delta) {
            double[][] e = new double[patternCount][k];
            double[] eBar = new double[k];
            for (int l = 0; l < patternCount; l++) {
                if (s[l] == 0.0) {
                    continue;
                }
                double along = s[l] * DotProduct.of(mt[l], delta) / noise;
                double same = s[l] * noise;
                double[] el = e[l];
                double[] ml = mt[l];
                double p = prob[l];
                for (int i = 0; i < k; i++) {
                    double v = along * ml[i] + same * delta[i];
                    el[i] = v;
                    eBar[i] += p * v;
                }
            }
            for (int l = 0; l < patternCount; l++) {
                double[] el = e[l];
                for (int i = 0; i < k; i++) {
                    el[i] -= eBar[i];
                }
            }
            return e;
        }

        /** DA[δ] as a k×k matrix. */
        DMatrixRMaj at(double[] delta) {
            double[][] e = rows(delta);
            DMatrixRMaj m = new DMatrixRMaj(k, k);
            for (int l = 0; l < patternCount; l++) {
                addOuter(m, prob[l], e[l], c[l]);
                addOuter(m, prob[l], c[l], e[l]);
            }
            return m;
        }

        /** DA[δ]y = Σ_l π_l (e_l (c_lᵀy) + c_l (e_lᵀy)), in O(L·k). */
        private double[] times(double[][] e, double[] y) {
            double[] out = new double[k];
            for (int l = 0; l < patternCount; l++) {
                double cy = prob[l] * DotProduct.of(c[l], y);
                double ey = prob[l] * DotProduct.of(e[l], y);
                for (int i = 0; i < k; i++) {
                    out[i] += cy * e[l][i] + ey * c[l][i];
                }
            }
            return out;
        }

        /**
         * The eigenvalue of DA[δ] of largest modulus and its eigenvector into {@code u}: exactly for
         * k ≤ {@value #EXACT_DIM}; above, the best Ritz pair of the Krylov space of dimension
         * {@value #KRYLOV_DIM} started at the current u (never worse than u itself, so the ascent
         * still never decreases f).
         */
        private double largestModulus(double[] delta, double[] u) {
            if (k <= exactDim) {
                return SymmetricSpectrum.of(at(delta)).largestModulus(u);
            }
            double[][] e = rows(delta);
            double[][] v = new double[KRYLOV_DIM][];
            double[][] mv = new double[KRYLOV_DIM][];
            int m = 0;
            double[] next = u.clone();
            while (m < KRYLOV_DIM) {
                next = orthogonalised(next, v, m);
                double norm = Math.sqrt(DotProduct.of(next, next));
                if (!(norm > 1e-12)) {
                    break;
                }
                v[m] = scaled(next, 1.0 / norm);
                mv[m] = times(e, v[m]);
                next = mv[m];
                m++;
            }
            DMatrixRMaj t = new DMatrixRMaj(m, m);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    t.set(i, j, DotProduct.of(v[i], mv[j]));
                }
            }
            double[] y = new double[m];
            double value = SymmetricSpectrum.of(t).largestModulus(y);
            java.util.Arrays.fill(u, 0.0);
            for (int i = 0; i < m; i++) {
                for (int q = 0; q < k; q++) {
                    u[q] += y[i] * v[i][q];
                }
            }
            return value;
        }

        /**
         * The unit δ ⊥ w maximising uᵀDA[δ]u, and that maximum as {@code out}'s norm before
         * scaling: out = Σ_l 2π_l (uᵀc_l)·J_l Pu, accumulated as a combination of the μ̃_l and Pu.
         */
        double bestDelta(double[] u, double[] out) {
            double[] pu = tangent(u, w);
            java.util.Arrays.fill(out, 0.0);
            double puCoef = 0.0;
            for (int l = 0; l < patternCount; l++) {
                if (s[l] == 0.0) {
                    continue;
                }
                double weight = 2.0 * prob[l] * DotProduct.of(u, c[l]) * s[l];
                if (weight == 0.0) {
                    continue;
                }
                double along = weight * DotProduct.of(mt[l], pu) / noise;
                double[] ml = mt[l];
                for (int i = 0; i < k; i++) {
                    out[i] += along * ml[i];
                }
                puCoef += weight * noise;
            }
            for (int i = 0; i < k; i++) {
                out[i] += puCoef * pu[i];
            }
            double norm = Math.sqrt(DotProduct.of(out, out));
            if (norm > 0.0) {
                for (int i = 0; i < k; i++) {
                    out[i] /= norm;
                }
            }
            return norm;
        }

        double ascendFromU(double[] u0) {
            double[] delta = new double[k];
            double value = bestDelta(u0, delta);
            if (value == 0.0) {
                return 0.0;
            }
            return ascend(u0.clone(), delta, value);
        }

        /** From δ0, the Krylov steps starting at u0. */
        double ascendFromDelta(double[] u0, double[] delta0) {
            return ascend(u0.clone(), delta0.clone(), 0.0);
        }

        /** Alternates u ← top-|λ| eigenvector of DA[δ], δ ← bestDelta(u) until f stops improving. */
        private double ascend(double[] u, double[] delta, double start) {
            double best = start;
            for (int round = 0; round < MAX_ASCENT; round++) {
                double modulus = largestModulus(delta, u);
                double next = bestDelta(u, delta);
                double value = Math.max(modulus, next);
                if (value <= best * (1.0 + ASCENT_TOL)) {
                    return Math.max(best, value);
                }
                best = value;
            }
            return best;
        }

        /** Σ_l π_l (J_l − J̄)² on w⊥, whose top eigenvalue bounds ‖Π^½E(δ)‖_F² over unit δ. */
        SymmetricSpectrum boundOperator() {
            DMatrixRMaj t = new DMatrixRMaj(k, k);
            DMatrixRMaj jBar = new DMatrixRMaj(k, k);
            double[] tWeights = new double[patternCount];
            double[] jWeights = new double[patternCount];
            double sBar = 0.0;
            double sSqBar = 0.0;
            for (int l = 0; l < patternCount; l++) {
                if (s[l] == 0.0) {
                    continue;
                }
                double m2 = DotProduct.of(mt[l], mt[l]);
                // J_l² = s_l² [ (‖μ̃‖²/σ² + 2) μ̃μ̃ᵀ + σ² P ]
                tWeights[l] = prob[l] * s[l] * s[l] * (m2 / (noise * noise) + 2.0);
                jWeights[l] = prob[l] * s[l] / noise;
                sBar += prob[l] * s[l];
                sSqBar += prob[l] * s[l] * s[l];
            }
            addWeightedGram(t, tWeights, mt);
            addWeightedGram(jBar, jWeights, mt);
            // J̄ = N/σ + σ s̄ P with N/σ in jBar;  J̄² = (N/σ)² + 2σ s̄ (N/σ) + σ² s̄² P
            DMatrixRMaj jBarSq = new DMatrixRMaj(k, k);
            CommonOps_DDRM.mult(jBar, jBar, jBarSq);
            for (int i = 0; i < k * k; i++) {
                t.data[i] -= jBarSq.data[i] + 2.0 * noise * sBar * jBar.data[i];
            }
            addTangentIdentity(t, noise * noise * (sSqBar - sBar * sBar), w);
            return SymmetricSpectrum.of(t);
        }
    }

    /**
     * An orthonormal basis (rows) of span{w, μ_1, …, μ_L} plus one unit direction orthogonal to
     * it when d allows; null when span{μ} is all of R^d (the identity basis).
     */
    private double[][] basis(double[] w) {
        int r0 = patternBasis.length;
        if (r0 == dim) {
            return null;
        }
        double[][] basis = new double[Math.min(dim, r0 + 2)][];
        System.arraycopy(patternBasis, 0, basis, 0, r0);
        int k = r0;
        double[] wRes = orthogonalised(w, basis, k);
        double wResNorm = Math.sqrt(DotProduct.of(wRes, wRes));
        if (wResNorm > BASIS_TOL) {
            basis[k++] = scaled(wRes, 1.0 / wResNorm);
        }
        if (k < dim) {
            // the one direction outside span{w, μ}: the unit vector e_i farthest from it, whose
            // squared distance is 1 − Σ_j Q_ji² (Q the orthonormal rows so far): O(k·d), not O(k·d²)
            int best = 0;
            double bestInside = Double.POSITIVE_INFINITY;
            for (int i = 0; i < dim; i++) {
                double inside = 0.0;
                for (int j = 0; j < k; j++) {
                    inside += basis[j][i] * basis[j][i];
                }
                if (inside < bestInside) {
                    bestInside = inside;
                    best = i;
                }
            }
            double[] e = new double[dim];
            e[best] = 1.0;
            double[] bestVec = orthogonalised(e, basis, k);
            double bestNorm = Math.sqrt(DotProduct.of(bestVec, bestVec));
            basis[k++] = scaled(bestVec, 1.0 / bestNorm);
        }
        return java.util.Arrays.copyOf(basis, k);
    }

    /** The coordinates of μ_l on a basis from {@link #basis}: the stored ones on its first r0 rows. */
    private double[] patternCoordinates(int l, double[][] basis, int k) {
        if (basis == null) {
            return patterns[l].clone();
        }
        int r0 = patternBasis.length;
        double[] out = java.util.Arrays.copyOf(patternCoordinates[l], k);
        for (int i = r0; i < k; i++) {
            out[i] = DotProduct.of(basis[i], patterns[l]);
        }
        return out;
    }

    /** Qv for the basis rows Q; v itself (a copy) for the identity basis (null). */
    private static double[] coordinates(double[] v, double[][] basis, int k) {
        if (basis == null) {
            return v.clone();
        }
        double[] out = new double[k];
        for (int i = 0; i < k; i++) {
            out[i] = DotProduct.of(basis[i], v);
        }
        return out;
    }

    /** v minus its projection on the first {@code count} basis rows, twice (Gram–Schmidt, reorthogonalised). */
    private static double[] orthogonalised(double[] v, double[][] basis, int count) {
        double[] out = v.clone();
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < count; i++) {
                double p = DotProduct.of(basis[i], out);
                for (int j = 0; j < out.length; j++) {
                    out[j] -= p * basis[i][j];
                }
            }
        }
        return out;
    }

    /** (I − wwᵀ)v. */
    private static double[] tangent(double[] v, double[] w) {
        double p = DotProduct.of(v, w);
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] - p * w[i];
        }
        return out;
    }

    /** P M P. */
    private static DMatrixRMaj project(DMatrixRMaj m, double[] w) {
        int k = w.length;
        double[] mw = new double[k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                mw[i] += m.get(i, j) * w[j];
            }
        }
        double wmw = DotProduct.of(w, mw);
        DMatrixRMaj out = new DMatrixRMaj(k, k);
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                out.set(i, j, m.get(i, j) - w[i] * mw[j] - mw[i] * w[j] + wmw * w[i] * w[j]);
            }
        }
        return out;
    }

    private static double quadratic(DMatrixRMaj m, double[] w) {
        double s = 0.0;
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < w.length; j++) {
                s += w[i] * m.get(i, j) * w[j];
            }
        }
        return s;
    }

    /** m += scale·(I − wwᵀ). */
    private static void addTangentIdentity(DMatrixRMaj m, double scale, double[] w) {
        int k = w.length;
        for (int i = 0; i < k; i++) {
            m.add(i, i, scale);
            for (int j = 0; j < k; j++) {
                m.add(i, j, -scale * w[i] * w[j]);
            }
        }
    }

    /**
     * H − (‖H‖_F + 1)·wwᵀ for an H with Hw = 0: w's eigenvalue moves below every other, so the
     * largest eigenvalue is the largest on w⊥.
     */
    private static DMatrixRMaj shiftedOffTangent(DMatrixRMaj h, double[] w) {
        double frob = 0.0;
        for (double v : h.data) {
            frob += v * v;
        }
        DMatrixRMaj out = h.copy();
        addOuter(out, -(Math.sqrt(frob) + 1.0), w, w);
        return out;
    }

    /**
     * m += Σ_l weights[l]·x_l x_lᵀ, as the product Xᵀ(DX) (EJML's row-reordered kernel) over the
     * rows with a non-zero weight.
     *
     * @param m       k×k. Modified.
     * @param weights one per row. Not modified.
     * @param rows    the x_l, each of length k. Not modified.
     */
    private static void addWeightedGram(DMatrixRMaj m, double[] weights, double[][] rows) {
        int k = m.numCols;
        int count = 0;
        for (double v : weights) {
            if (v != 0.0) {
                count++;
            }
        }
        DMatrixRMaj x = new DMatrixRMaj(count, k);
        DMatrixRMaj dx = new DMatrixRMaj(count, k);
        for (int l = 0, r = 0; l < rows.length; l++) {
            if (weights[l] == 0.0) {
                continue;
            }
            System.arraycopy(rows[l], 0, x.data, r * k, k);
            for (int i = 0; i < k; i++) {
                dx.data[r * k + i] = weights[l] * rows[l][i];
            }
            r++;
        }
        CommonOps_DDRM.multAddTransA(x, dx, m);
    }

    /** m += scale·a bᵀ. */
    private static void addOuter(DMatrixRMaj m, double scale, double[] a, double[] b) {
        int k = a.length;
        for (int i = 0; i < k; i++) {
            double ai = scale * a[i];
            if (ai == 0.0) {
                continue;
            }
            int off = i * k;
            for (int j = 0; j < k; j++) {
                m.data[off + j] += ai * b[j];
            }
        }
    }

    private static double[] scaled(double[] v, double f) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = f * v[i];
        }
        return out;
    }
}
