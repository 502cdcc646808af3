package org.clsweep.dynamics.testing;

/** Small vector fixtures for tests. */
public final class Vectors {
    private Vectors() {
    }

    /** v / ‖v‖₂, a new array. */
    public static double[] unit(double... v) {
        double n = 0.0;
        for (double x : v) {
            n += x * x;
        }
        double[] u = v.clone();
        for (int i = 0; i < u.length; i++) {
            u[i] /= Math.sqrt(n);
        }
        return u;
    }
}
