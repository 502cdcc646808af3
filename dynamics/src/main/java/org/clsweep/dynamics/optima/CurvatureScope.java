package org.clsweep.dynamics.optima;

/**
 * Where the {@link OptimumAnalysis} computes the {@link Curvature} (ρ, its bound, the stability
 * margin). One evaluation costs O(L·k² + k³) with k ≤ min(d, L + 2) (BENCHMARKS.md): negligible
 * for the generated geometries, dominant for L in the hundreds and d = 784, where the L pattern
 * directions cost L times one optimum.
 */
public enum CurvatureScope {
    /** Nowhere: the curvature fields are NaN. */
    NONE,
    /** At every distinct optimum. */
    OPTIMA,
    /** At every distinct optimum and at every pattern direction μ_l/‖μ_l‖. */
    ALL;

    /** The spec spelling, e.g. {@code optima}. */
    public String specName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
