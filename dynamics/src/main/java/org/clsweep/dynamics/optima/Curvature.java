package org.clsweep.dynamics.optima;

/**
 * How A(w) and E(w) bend around one unit direction w (SCIENCE.md §2), computed by
 * {@link CurvatureAnalysis}.
 *
 * <pre>
 *   λ1 ≥ λ2            the top two eigenvalues of A(w)
 *   roughness  ρ(w)    max over unit δ ⊥ w of ‖DA(w)[δ]‖₂          (exact up to the ascent's convergence)
 *   bound              2·√λ1·√λmax(Σ_l π_l (J_l − J̄)²)  ≥ ρ(w)     (J_l = Dg_l(w) on the tangent space)
 *   stability margin   −λmax of the Riemannian Hessian of E on the tangent space at w:
 *                      &gt; 0 ⇔ w is a strict local maximum of E on the sphere (at a fixed point)
 * </pre>
 * With σ = 0 and ReLU or leaky ReLU, A is piecewise constant and jumps on the hinges wᵀμ_l = 0:
 * a w within the hinge tolerance of one is {@code onHinge}, and ρ, its bound and the margin are
 * NaN there (not differentiable); off the hinges ρ = 0.
 *
 * @param onHinge         see above
 * @param lambda1         see above
 * @param lambda2         see above (0 when A has rank below 2)
 * @param roughness       ρ(w); NaN on a hinge
 * @param roughnessBound  an upper bound of ρ(w); NaN on a hinge
 * @param stabilityMargin see above; NaN on a hinge
 */
public record Curvature(boolean onHinge, double lambda1, double lambda2, double roughness, double roughnessBound,
                        double stabilityMargin) {
    /** Not computed (the curvature is switched off, A(w) is not defined, or another α): all NaN, not on a hinge. */
    public static final Curvature NOT_COMPUTED = new Curvature(false, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN);

    /** λ1 − λ2. */
    public double gap() {
        return lambda1 - lambda2;
    }

    /**
     * gap / ρ; NaN when ρ is 0 or undefined (then {@link #contraction()} says whether the gap is
     * positive).
     */
    public double gapOverRoughness() {
        return roughness > 0.0 ? gap() / roughness : Double.NaN;
    }

    /**
     * gap &gt; 2ρ: where this holds, the Davis–Kahan argument makes w ↦ φ₁(A(w)) a contraction
     * near w, a first-order heuristic for an optimum there (SCIENCE.md §2), not a proof. False on a
     * hinge.
     */
    public boolean contraction() {
        return !onHinge && gap() > 2.0 * roughness;
    }
}
