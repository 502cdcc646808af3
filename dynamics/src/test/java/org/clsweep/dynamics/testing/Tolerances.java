package org.clsweep.dynamics.testing;

/**
 * The named tolerances of the dynamics tests, one value per meaning. A tolerance that belongs to
 * one test's own setup (a sample count, the documented accuracy of one function) stays in that
 * test, next to what it depends on.
 *
 * @see FiniteDifferences
 */
public final class Tolerances {
    /** Identities that hold up to the rounding of a few operations on values of order 1. */
    public static final double TOL_EXACT = 1e-12;
    /**
     * Values that are exact in theory but reached through longer computations (sums of
     * logarithms, singular value decompositions).
     */
    public static final double TOL_ROUNDOFF = 1e-10;
    /**
     * Central finite differences against a hand-derived derivative: the relative error of a
     * gradient, or the absolute error of an O(1) derivative.
     */
    public static final double TOL_FD = 1e-6;

    private Tolerances() {
    }
}
