package org.clsweep.dynamics.activation;

/**
 * The activation functions a sweep can choose. The first three are homogeneous,
 * {@code h(x) = h'(x)·x}, which is what the paper's analysis needs; sigmoid and quadratic are
 * non-homogeneous controls, allowed in sampled (SGD) training only.
 *
 * <pre>
 *   LINEAR       h(x) = x
 *   RELU         h(x) = max(x, 0)
 *   LEAKY_RELU   h(x) = x for x &gt; 0, c·x otherwise      (c = the slope, 0 ≤ c ≤ 1)
 *   SIGMOID      h(x) = 1 / (1 + e^(−x))
 *   QUADRATIC    h(x) = x²
 * </pre>
 *
 * @see ActivationFunction
 */
public enum Activation {
    LINEAR(true),
    RELU(true),
    LEAKY_RELU(true),
    SIGMOID(false),
    QUADRATIC(false);

    private final boolean homogeneous;

    Activation(boolean homogeneous) {
        this.homogeneous = homogeneous;
    }

    /** Whether {@code h(x) = h'(x)·x} holds, so the population theory applies. */
    public boolean isHomogeneous() {
        return homogeneous;
    }

    /** The spec spelling of this activation, e.g. {@code leaky_relu}. */
    public String specName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Parses a spec spelling such as {@code relu} or {@code leaky_relu} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the accepted values when {@code name} is none of them
     */
    public static Activation fromSpecName(String name) {
        for (Activation a : values()) {
            if (a.specName().equalsIgnoreCase(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + name
                + "', expected one of linear, relu, leaky_relu, sigmoid, quadratic");
    }
}
