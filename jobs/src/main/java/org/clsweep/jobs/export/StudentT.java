package org.clsweep.jobs.export;

/**
 * The two-sided 95% quantile of Student's t distribution, t_{0.975, ν}, for confidence intervals
 * of a mean over ν + 1 seeds computed by the export itself (learning curves, which the aggregates
 * table does not summarise).
 *
 * <pre>
 *   CI = mean ± t_{0.975, n−1} · s / √n
 * </pre>
 *
 * Exact table values for ν ≤ 30; beyond, the Cornish–Fisher expansion around z = 1.959964
 * (error below 2e-4 at ν = 31 and falling).
 */
final class StudentT {
    private static final double Z975 = 1.959963984540054;
    private static final double[] T975 = {Double.NaN,
        12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624, 2.306004, 2.262157, 2.228139,
        2.200985, 2.178813, 2.160369, 2.144787, 2.131450, 2.119905, 2.109816, 2.100922, 2.093024, 2.085963,
        2.079614, 2.073873, 2.068658, 2.063899, 2.059539, 2.055529, 2.051831, 2.048407, 2.045230, 2.042272};

    private StudentT() {
    }

    /** t_{0.975, ν}; NaN for ν < 1 (one sample has no interval). */
    static double quantile975(long dof) {
        if (dof < 1) {
            return Double.NaN;
        }
        if (dof < T975.length) {
            return T975[(int) dof];
        }
        double z = Z975;
        double z3 = z * z * z;
        double z5 = z3 * z * z;
        double v = dof;
        return z + (z3 + z) / (4 * v) + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v);
    }

    /** The half-width t_{0.975, n−1} · sd / √n; NaN when n &lt; 2. */
    static double halfWidth(double sd, long n) {
        return quantile975(n - 1) * sd / Math.sqrt(n);
    }
}
