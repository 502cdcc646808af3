package org.clsweep.jobs.spec;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.clsweep.data.spec.AnalysisSpec;
import org.clsweep.data.spec.GeometryKind;
import org.clsweep.data.spec.GeometrySpec;
import org.clsweep.data.spec.Mode;
import org.clsweep.data.spec.ModelKind;
import org.clsweep.data.spec.NetSpec;
import org.clsweep.data.spec.ProbsKind;
import org.clsweep.data.spec.RunSpec;
import org.clsweep.data.spec.TokenSpec;
import org.clsweep.data.spec.TrainSpec;
import org.clsweep.dynamics.activation.Activation;
import org.clsweep.dynamics.objective.LossType;

/**
 * A complete, typed assignment of every {@link Parameter}: the base values of a sweep, or one grid
 * cell's values. Values are already type-checked (by {@link SpecParser}); {@link #toRunSpec()}
 * builds the validated records, whose constructors throw a {@code SpecException} naming the key.
 */
public final class ParameterValues {
    private final Map<Parameter, Object> values;

    private ParameterValues(Map<Parameter, Object> values) {
        this.values = values;
    }

    /**
     * @param values a value of the parameter's canonical type for every parameter. Not modified.
     * @throws IllegalArgumentException if a parameter is missing
     */
    public static ParameterValues of(Map<Parameter, Object> values) {
        EnumMap<Parameter, Object> copy = new EnumMap<>(Parameter.class);
        copy.putAll(values);
        for (Parameter p : Parameter.values()) {
            if (copy.get(p) == null) {
                throw new IllegalArgumentException("no value for " + p.key());
            }
        }
        return new ParameterValues(Collections.unmodifiableMap(copy));
    }

    /** This assignment with some parameters replaced. */
    public ParameterValues with(Map<Parameter, Object> replacements) {
        EnumMap<Parameter, Object> copy = new EnumMap<>(values);
        copy.putAll(replacements);
        return new ParameterValues(Collections.unmodifiableMap(copy));
    }

    public Object get(Parameter p) {
        return values.get(p);
    }

    /** Every parameter's value, in {@link Parameter} order. */
    public Map<Parameter, Object> asMap() {
        return values;
    }

    /**
     * Builds the run spec. Every record validates itself on construction.
     *
     * @throws org.clsweep.data.spec.SpecException naming the key when a value or a combination is invalid
     */
    public RunSpec toRunSpec() {
        GeometrySpec geometry = new GeometrySpec(
                choice(GeometryKind.class, Parameter.GEOMETRY_KIND),
                integer(Parameter.GEOMETRY_PATTERNS),
                integer(Parameter.GEOMETRY_DIM),
                real(Parameter.GEOMETRY_COSINE),
                real(Parameter.GEOMETRY_NOISE),
                real(Parameter.GEOMETRY_MAG_START),
                real(Parameter.GEOMETRY_MAG_END),
                choice(ProbsKind.class, Parameter.GEOMETRY_PROBS),
                real(Parameter.GEOMETRY_ZIPF_EXPONENT));
        TokenSpec tokens = new TokenSpec(
                integer(Parameter.TOKENS_VOCAB),
                integer(Parameter.TOKENS_LOCATIONS),
                integer(Parameter.TOKENS_PER_LOCATION),
                integer(Parameter.TOKENS_PATTERNS),
                integer(Parameter.TOKENS_PATTERN_LEN),
                integer(Parameter.TOKENS_AUG_DEGREE),
                integer(Parameter.TOKENS_EMBED_DIM),
                real(Parameter.TOKENS_MAG_SPLIT),
                strings(Parameter.TOKENS_EXPLICIT_PATTERNS));
        NetSpec net = new NetSpec(
                integer(Parameter.NET_OUT_DIM),
                bool(Parameter.NET_BATCHNORM),
                bool(Parameter.NET_BN_BACKPROP_MEAN),
                bool(Parameter.NET_BN_BACKPROP_VAR));
        TrainSpec train = new TrainSpec(
                choice(LossType.class, Parameter.TRAIN_LOSS),
                real(Parameter.TRAIN_TEMPERATURE),
                real(Parameter.TRAIN_LR),
                real(Parameter.TRAIN_MOMENTUM),
                real(Parameter.TRAIN_WEIGHT_DECAY),
                integer(Parameter.TRAIN_BATCH),
                integer(Parameter.TRAIN_STEPS),
                bool(Parameter.TRAIN_NORMALIZE_ROWS),
                bool(Parameter.TRAIN_NORMALIZE_OUTPUT),
                real(Parameter.TRAIN_TOL),
                integer(Parameter.TRAIN_TRACE_EVERY));
        AnalysisSpec analysis = new AnalysisSpec(
                real(Parameter.ANALYSIS_MATCH_COSINE),
                real(Parameter.ANALYSIS_SAME_OPTIMUM_COSINE));
        return new RunSpec(
                choice(ModelKind.class, Parameter.MODEL),
                choice(Mode.class, Parameter.MODE),
                choice(Activation.class, Parameter.ACTIVATION),
                real(Parameter.LEAKY_SLOPE),
                integer(Parameter.WIDTH),
                geometry, tokens, net, train, analysis);
    }

    private int integer(Parameter p) {
        return (Integer) values.get(p);
    }

    private double real(Parameter p) {
        return (Double) values.get(p);
    }

    private boolean bool(Parameter p) {
        return (Boolean) values.get(p);
    }

    @SuppressWarnings("unchecked")
    private List<String> strings(Parameter p) {
        return (List<String>) values.get(p);
    }

    private <E extends Enum<E>> E choice(Class<E> type, Parameter p) {
        return Enum.valueOf(type, ((String) values.get(p)).toUpperCase(Locale.ROOT));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterValues other && other.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
