package org.clsweep.data.testing;

/**
 * The named tolerances of the data tests, one value per meaning. A tolerance that belongs to one
 * test's own setup (a sample count, a Monte-Carlo standard error) stays in that test, next to what
 * it depends on.
 */
public final class Tolerances {
    /** Identities that hold up to the rounding of a few operations on values of order 1. */
    public static final double TOL_EXACT = 1e-12;

    private Tolerances() {
    }
}
