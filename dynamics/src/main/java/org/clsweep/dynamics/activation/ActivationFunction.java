package org.clsweep.dynamics.activation;

import java.io.Serializable;

/**
 * An activation with its parameters bound: the kind and, for leaky ReLU, the slope c of the
 * negative half-line. Immutable and cheap to evaluate in inner loops.
 *
 * <pre>
 *   value(x)      = h(x)
 *   derivative(x) = h'(x)         (ReLU family: 1 for x &gt; 0, c for x ≤ 0, with c = 0 for ReLU)
 * </pre>
 * For the homogeneous kinds {@code value(x) == derivative(x) * x}: the derivative is the gate
 * that multiplies the input in the paper's {@code x̃_w = h'(wᵀx)·x}. At x = 0 the ReLU family takes
 * the left derivative (c), so a node exactly on its hinge is treated as inactive.
 *
 * @see Activation
 */
public final class ActivationFunction implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Activation kind;
    private final double slope;

    private ActivationFunction(Activation kind, double slope) {
        this.kind = kind;
        this.slope = slope;
    }

    /**
     * @param kind  the activation
     * @param slope the leaky slope c in [0, 1]; read only for {@link Activation#LEAKY_RELU}
     * @throws IllegalArgumentException if the slope is outside [0, 1] for leaky ReLU
     */
    public static ActivationFunction of(Activation kind, double slope) {
        if (kind == Activation.LEAKY_RELU && !(slope >= 0.0 && slope <= 1.0)) {
            throw new IllegalArgumentException("slope must be in [0, 1], found " + slope);
        }
        return new ActivationFunction(kind, kind == Activation.LEAKY_RELU ? slope : negativeSlopeOf(kind));
    }

    /** An activation without parameters (any kind but leaky ReLU). */
    public static ActivationFunction of(Activation kind) {
        if (kind == Activation.LEAKY_RELU) {
            throw new IllegalArgumentException("leaky_relu needs a slope");
        }
        return of(kind, 0.0);
    }

    private static double negativeSlopeOf(Activation kind) {
        return kind == Activation.LINEAR ? 1.0 : 0.0;
    }

    public Activation kind() {
        return kind;
    }

    /**
     * The slope c of the negative half-line for the ReLU family: 0 for ReLU, c for leaky ReLU,
     * 1 for linear; 0 for the non-homogeneous kinds, where it has no meaning.
     */
    public double negativeSlope() {
        return slope;
    }

    public boolean isHomogeneous() {
        return kind.isHomogeneous();
    }

    /** h(x). */
    public double value(double x) {
        switch (kind) {
            case LINEAR:
                return x;
            case RELU:
                return x > 0.0 ? x : 0.0;
            case LEAKY_RELU:
                return x > 0.0 ? x : slope * x;
            case SIGMOID:
                return 1.0 / (1.0 + Math.exp(-x));
            case QUADRATIC:
                return x * x;
            default:
                throw new AssertionError(kind);
        }
    }

    /** h'(x); for the ReLU family the left derivative at 0. */
    public double derivative(double x) {
        switch (kind) {
            case LINEAR:
                return 1.0;
            case RELU:
                return x > 0.0 ? 1.0 : 0.0;
            case LEAKY_RELU:
                return x > 0.0 ? 1.0 : slope;
            case SIGMOID: {
                double s = 1.0 / (1.0 + Math.exp(-x));
                return s * (1.0 - s);
            }
            case QUADRATIC:
                return 2.0 * x;
            default:
                throw new AssertionError(kind);
        }
    }

    @Override
    public String toString() {
        return kind == Activation.LEAKY_RELU ? kind.specName() + "(" + slope + ")" : kind.specName();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ActivationFunction other && other.kind == kind
                && Double.compare(other.slope, slope) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * kind.hashCode() + Double.hashCode(slope);
    }
}
