package org.clsweep.dynamics.linalg;

/**
 * Σ a_i b_i with four partial sums, s_k = Σ_{i ≡ k (mod 4)} a_i b_i over the whole blocks of
 * four and the remainder added to s_0, returned as (s_0 + s_1) + (s_2 + s_3). The partial sums
 * break the add latency chain; the order is fixed, so the result is deterministic (and differs in
 * the last places from a plain left-to-right sum).
 */
public final class DotProduct {
    private DotProduct() {
    }

    /** Σ_{i<n} a[aOff+i] b[bOff+i]. Neither array is modified. */
    public static double of(double[] a, int aOff, double[] b, int bOff, int n) {
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[aOff + i] * b[bOff + i];
            s1 += a[aOff + i + 1] * b[bOff + i + 1];
            s2 += a[aOff + i + 2] * b[bOff + i + 2];
            s3 += a[aOff + i + 3] * b[bOff + i + 3];
        }
        for (; i < n; i++) {
            s0 += a[aOff + i] * b[bOff + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Σ_{i<a.length} a_i b_i; b is at least as long as a. Neither array is modified. */
    public static double of(double[] a, double[] b) {
        return of(a, 0, b, 0, a.length);
    }
}
