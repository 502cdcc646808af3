package org.clsweep.dynamics.model;

import org.clsweep.dynamics.objective.ContrastiveLoss;
import org.ejml.data.DMatrixRMaj;

/**
 * A smooth stand-in loss with a closed-form gradient, so that the network's backward pass is
 * checked on its own: L = Σ c1⊙z1 + Σ c2⊙z2 + ½q Σ z1⊙z1 + q Σ_i z1_i·z2_i.
 */
final class SmoothTestLoss implements ContrastiveLoss {
    private final double[] c1;
    private final double[] c2;
    private final double q;

    SmoothTestLoss(int batch, int out, long seed) {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
        c1 = new double[batch * out];
        c2 = new double[batch * out];
        for (int e = 0; e < c1.length; e++) {
            c1[e] = rng.nextDouble() - 0.5;
            c2[e] = rng.nextDouble() - 0.5;
        }
        q = 0.3;
    }

    @Override
    public double evaluate(DMatrixRMaj z1, DMatrixRMaj z2, DMatrixRMaj grad1, DMatrixRMaj grad2) {
        double l = 0.0;
        for (int e = 0; e < c1.length; e++) {
            double a = z1.data[e];
            double b = z2.data[e];
            l += c1[e] * a + c2[e] * b + 0.5 * q * a * a + q * a * b;
            grad1.data[e] = c1[e] + q * a + q * b;
            grad2.data[e] = c2[e] + q * a;
        }
        return l;
    }
}
