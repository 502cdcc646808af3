package org.clsweep.jobs.testing;

/**
 * The named tolerances of the jobs tests, one value per meaning. A tolerance that belongs to one
 * test's own setup stays in that test, next to what it depends on.
 */
public final class Tolerances {
    /** Identities that hold up to the rounding of a few operations on values of order 1. */
    public static final double TOL_EXACT = 1e-12;

    private Tolerances() {
    }
}
