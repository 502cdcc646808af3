package org.clsweep.data.spec;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.clsweep.dynamics.activation.Activation;
import org.clsweep.dynamics.activation.ActivationFunction;

/**
 * The fully resolved parameters of one grid cell: everything a run needs except its seed.
 * Every component is validated on construction, and so are the combinations that cannot run
 * (two layers in population mode, a non-homogeneous activation in population mode).
 *
 * @param model       {@code model}
 * @param mode        {@code mode}
 * @param activation  {@code activation}
 * @param leakySlope  {@code leaky_slope}, c in [0, 1], read for leaky ReLU
 * @param width       {@code width}: one layer, the number of nodes n; two layers, β (M = β·P)
 * @param geometry    {@code geometry}, the one-layer patterns
 * @param tokens      {@code tokens}, the two-layer token generator
 * @param net         {@code net}
 * @param train       {@code train}
 * @param analysis    {@code analysis}
 */
public record RunSpec(ModelKind model, Mode mode, Activation activation, double leakySlope, int width,
                      GeometrySpec geometry, TokenSpec tokens, NetSpec net, TrainSpec train,
                      AnalysisSpec analysis) implements Serializable {
    public RunSpec {
        Check.notNull("model", model);
        Check.notNull("mode", mode);
        Check.notNull("activation", activation);
        Check.notNull("geometry", geometry);
        Check.notNull("tokens", tokens);
        Check.notNull("net", net);
        Check.notNull("train", train);
        Check.notNull("analysis", analysis);
        Check.inRange("leaky_slope", leakySlope, 0.0, 1.0, false, false);
        Check.atLeast("width", width, 1);
        if (model == ModelKind.TWOLAYER && mode == Mode.POPULATION) {
            throw new SpecException("mode", "mode = population is only defined for model = onelayer; "
                    + "use mode = sgd for model = twolayer");
        }
        if (mode == Mode.POPULATION && !activation.isHomogeneous()) {
            throw new SpecException("activation", "activation = " + activation.specName()
                    + " is a non-homogeneous control, allowed only with mode = sgd");
        }
    }

    /** The activation with its slope bound. */
    public ActivationFunction activationFunction() {
        return ActivationFunction.of(activation, leakySlope);
    }

    /**
     * A stable id of this cell's resolved parameters: the first 16 hex digits of the SHA-256 of
     * the record's canonical text. Equal parameters give equal ids on every machine and run.
     */
    public String cellId() {
        return String.format("%016x", cellKey());
    }

    /** {@link #cellId()} as a number, the key from which a run's random streams derive. */
    public long cellKey() {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(toString().getBytes(StandardCharsets.UTF_8));
            long k = 0;
            for (int i = 0; i < 8; i++) {
                k = (k << 8) | (h[i] & 0xff);
            }
            return k;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
