package org.clsweep.data.spec;

import java.io.Serializable;
import org.clsweep.dynamics.activation.Activation;
import org.clsweep.dynamics.activation.ActivationFunction;

/**
 * The fully resolved parameters of one grid cell: everything a run needs except its seed.
 * Every component is validated on construction, and so are the combinations that cannot run
 * (two layers in population mode, a non-homogeneous activation in population mode, decoupled
 * token data for one layer).
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
        SpecKey.MODEL.requirePresent(model);
        SpecKey.MODE.requirePresent(mode);
        SpecKey.ACTIVATION.requirePresent(activation);
        SpecKey.Block.GEOMETRY.requirePresent(geometry);
        SpecKey.Block.TOKENS.requirePresent(tokens);
        SpecKey.Block.NET.requirePresent(net);
        SpecKey.Block.TRAIN.requirePresent(train);
        SpecKey.Block.ANALYSIS.requirePresent(analysis);
        SpecKey.LEAKY_SLOPE.check(leakySlope);
        SpecKey.WIDTH.check(width);
        String modeKey = SpecKey.MODE.key();
        String modelKey = SpecKey.MODEL.key();
        if (model == ModelKind.TWOLAYER && mode == Mode.POPULATION) {
            throw new SpecException(modeKey, modeKey + " = population is only defined for " + modelKey
                    + " = onelayer; use " + modeKey + " = sgd for " + modelKey + " = twolayer");
        }
        if (model == ModelKind.ONELAYER && tokens.decouple()) {
            String key = SpecKey.TOKENS_DECOUPLE.key();
            throw new SpecException(key, key + " = true applies to the token data of " + modelKey
                    + " = twolayer; " + modelKey + " = onelayer has no locations to decouple");
        }
        if (model == ModelKind.TWOLAYER && geometry.kind() == GeometryKind.DATASET) {
            String key = SpecKey.GEOMETRY_KIND.key();
            throw new SpecException(key, key + " = dataset gives the patterns of " + modelKey + " = onelayer; "
                    + modelKey + " = twolayer reads token data (the tokens block)");
        }
        if (mode == Mode.POPULATION && !activation.isHomogeneous()) {
            String key = SpecKey.ACTIVATION.key();
            throw new SpecException(key, key + " = " + activation.specName()
                    + " is a non-homogeneous control, allowed only with " + modeKey + " = sgd");
        }
    }

    /** The run spec from every key's value; each block's record is built from its keys. */
    static RunSpec from(SpecValues v) {
        return new RunSpec(
                v.choice(ModelKind.class, SpecKey.MODEL),
                v.choice(Mode.class, SpecKey.MODE),
                v.choice(Activation.class, SpecKey.ACTIVATION),
                v.real(SpecKey.LEAKY_SLOPE),
                v.integer(SpecKey.WIDTH),
                GeometrySpec.from(v),
                TokenSpec.from(v),
                NetSpec.from(v),
                TrainSpec.from(v),
                AnalysisSpec.from(v));
    }

    /** This cell with another geometry, e.g. a dataset geometry bound to its data. */
    public RunSpec withGeometry(GeometrySpec g) {
        return new RunSpec(model, mode, activation, leakySlope, width, g, tokens, net, train, analysis);
    }

    /** The pairs of the evaluation batch: {@code analysis.eval_batch}, or {@code train.batch} where it is 0. */
    public int evalBatch() {
        return analysis.evalBatch() == 0 ? train.batch() : analysis.evalBatch();
    }

    /** The activation with its slope bound. */
    public ActivationFunction activationFunction() {
        return ActivationFunction.of(activation, leakySlope);
    }

    /**
     * A stable id of this cell's resolved parameters: the first 16 hex digits of the SHA-256 of
     * its {@link CellText canonical text}. Equal parameters give equal ids on every machine and run.
     */
    public String cellId() {
        return String.format("%016x", cellKey());
    }

    /** {@link #cellId()} as a number, the key from which a run's random streams derive. */
    public long cellKey() {
        return CellText.key(CellText.of(this));
    }
}
