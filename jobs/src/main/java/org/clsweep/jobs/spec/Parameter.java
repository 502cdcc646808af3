package org.clsweep.jobs.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.clsweep.data.spec.GeometryKind;
import org.clsweep.data.spec.Mode;
import org.clsweep.data.spec.ModelKind;
import org.clsweep.data.spec.ProbsKind;
import org.clsweep.data.spec.RunSpec;
import org.clsweep.dynamics.activation.Activation;
import org.clsweep.dynamics.objective.LossType;

/**
 * The catalogue of run parameters: every key of a sweep spec that ends up in a {@link RunSpec},
 * in spec order. This enum is the single home of the parameter keys; the spec parser, the grid,
 * the output tables (one typed column per parameter, dots replaced by underscores) and the
 * README's key table are all derived from it.
 *
 * <pre>
 *   key            dotted spec key, e.g. geometry.noise
 *   column()       the runs/aggregates column, e.g. geometry_noise
 *   type()         INT | DOUBLE | BOOLEAN | CHOICE (one of choices()) | STRING_LIST
 *   valueOf(spec)  the canonical value of a resolved RunSpec: Integer, Double, Boolean,
 *                  String (lower-case spec spelling) or List&lt;String&gt;
 * </pre>
 *
 * @see SpecParser
 * @see ParameterValues
 */
public enum Parameter {
    MODEL("model", Type.CHOICE, names(ModelKind.values(), ModelKind::specName),
            s -> s.model().specName(), "onelayer | twolayer"),
    MODE("mode", Type.CHOICE, names(Mode.values(), Mode::specName),
            s -> s.mode().specName(), "population | sgd (twolayer: sgd only)"),
    ACTIVATION("activation", Type.CHOICE, names(Activation.values(), Activation::specName),
            s -> s.activation().specName(), "linear | relu | leaky_relu | sigmoid | quadratic (last two: sgd only)"),
    LEAKY_SLOPE("leaky_slope", Type.DOUBLE, s -> s.leakySlope(), "negative-side slope c of leaky_relu, in [0, 1]"),
    WIDTH("width", Type.INT, RunSpec::width, "onelayer: nodes n; twolayer: beta (M = beta * P filters per field)"),

    GEOMETRY_KIND("geometry.kind", Type.CHOICE, names(GeometryKind.values(), GeometryKind::specName),
            s -> s.geometry().kind().specName(), "orthogonal | equiangular | random | pairs"),
    GEOMETRY_PATTERNS("geometry.patterns", Type.INT, s -> s.geometry().patterns(), "number of patterns L"),
    GEOMETRY_DIM("geometry.dim", Type.INT, s -> s.geometry().dim(), "input dimension d"),
    GEOMETRY_COSINE("geometry.cosine", Type.DOUBLE, s -> s.geometry().cosine(),
            "pairwise cosine of equiangular patterns"),
    GEOMETRY_NOISE("geometry.noise", Type.DOUBLE, s -> s.geometry().noise(), "noise sigma of each view"),
    GEOMETRY_MAG_START("geometry.mag_start", Type.DOUBLE, s -> s.geometry().magStart(), "norm of the first pattern"),
    GEOMETRY_MAG_END("geometry.mag_end", Type.DOUBLE, s -> s.geometry().magEnd(),
            "norm of the last pattern (linear in between)"),
    GEOMETRY_PROBS("geometry.probs", Type.CHOICE, names(ProbsKind.values(), ProbsKind::specName),
            s -> s.geometry().probs().specName(), "uniform | zipf"),
    GEOMETRY_ZIPF_EXPONENT("geometry.zipf_exponent", Type.DOUBLE, s -> s.geometry().zipfExponent(),
            "Zipf exponent s (probs = zipf)"),

    TOKENS_VOCAB("tokens.vocab", Type.INT, s -> s.tokens().vocab(), "vocabulary size n"),
    TOKENS_LOCATIONS("tokens.locations", Type.INT, s -> s.tokens().locations(), "receptive fields K"),
    TOKENS_PER_LOCATION("tokens.per_location", Type.INT, s -> s.tokens().perLocation(),
            "allowed tokens per location P"),
    TOKENS_PATTERNS("tokens.patterns", Type.INT, s -> s.tokens().patterns(), "global patterns G"),
    TOKENS_PATTERN_LEN("tokens.pattern_len", Type.INT, s -> s.tokens().patternLen(),
            "fixed locations per pattern L"),
    TOKENS_AUG_DEGREE("tokens.aug_degree", Type.INT, s -> s.tokens().augDegree(),
            "wildcards view 2 redraws (<= locations - pattern_len)"),
    TOKENS_EMBED_DIM("tokens.embed_dim", Type.INT, s -> s.tokens().embedDim(),
            "0 = one-hot, else random unit embeddings of this dimension"),
    TOKENS_MAG_SPLIT("tokens.mag_split", Type.DOUBLE, s -> s.tokens().magSplit(),
            "magnitude split s: first half of tokens / s, second half * s"),
    TOKENS_EXPLICIT_PATTERNS("tokens.explicit_patterns", Type.STRING_LIST, s -> s.tokens().explicitPatterns(),
            "global patterns written out; empty = generate G random ones"),

    NET_OUT_DIM("net.out_dim", Type.INT, s -> s.net().outDim(), "rows of the top layer V"),
    NET_BATCHNORM("net.batchnorm", Type.BOOLEAN, s -> s.net().batchnorm(), "BatchNorm (no affine) on the hidden layer"),
    NET_BN_BACKPROP_MEAN("net.bn_backprop_mean", Type.BOOLEAN, s -> s.net().bnBackpropMean(),
            "gradient flows through the batch mean"),
    NET_BN_BACKPROP_VAR("net.bn_backprop_var", Type.BOOLEAN, s -> s.net().bnBackpropVar(),
            "gradient flows through the batch variance"),

    TRAIN_LOSS("train.loss", Type.CHOICE, names(LossType.values(), LossType::specName),
            s -> s.train().loss().specName(), "infonce | quadratic (sampled training)"),
    TRAIN_TEMPERATURE("train.temperature", Type.DOUBLE, s -> s.train().temperature(), "temperature tau"),
    TRAIN_LR("train.lr", Type.DOUBLE, s -> s.train().lr(), "step size (population: the Euler step)"),
    TRAIN_MOMENTUM("train.momentum", Type.DOUBLE, s -> s.train().momentum(), "SGD momentum, in [0, 1)"),
    TRAIN_WEIGHT_DECAY("train.weight_decay", Type.DOUBLE, s -> s.train().weightDecay(), "coupled weight decay"),
    TRAIN_BATCH("train.batch", Type.INT, s -> s.train().batch(), "samples per minibatch"),
    TRAIN_STEPS("train.steps", Type.INT, s -> s.train().steps(), "step budget"),
    TRAIN_NORMALIZE_ROWS("train.normalize_rows", Type.BOOLEAN, s -> s.train().normalizeRows(),
            "renormalise one-layer rows after each step"),
    TRAIN_NORMALIZE_OUTPUT("train.normalize_output", Type.BOOLEAN, s -> s.train().normalizeOutput(),
            "normalise outputs before the loss"),
    TRAIN_TOL("train.tol", Type.DOUBLE, s -> s.train().tol(), "population: stop when the residual is below"),
    TRAIN_TRACE_EVERY("train.trace_every", Type.INT, s -> s.train().traceEvery(), "iterations between trace records"),

    ANALYSIS_MATCH_COSINE("analysis.match_cosine", Type.DOUBLE, s -> s.analysis().matchCosine(),
            "a pattern is recovered at cosine >= this"),
    ANALYSIS_SAME_OPTIMUM_COSINE("analysis.same_optimum_cosine", Type.DOUBLE, s -> s.analysis().sameOptimumCosine(),
            "two nodes share an optimum at cosine >= this");

    /** The value type of a parameter. */
    public enum Type {
        INT("an integer"),
        DOUBLE("a number"),
        BOOLEAN("a boolean"),
        CHOICE("one of the listed names"),
        STRING_LIST("a list of strings");

        private final String description;

        Type(String description) {
            this.description = description;
        }

        /** What a value of this type is, for messages: "an integer". */
        public String description() {
            return description;
        }
    }

    private static final Map<String, Parameter> BY_KEY = new HashMap<>();
    private static final List<String> BLOCKS;

    static {
        List<String> blocks = new ArrayList<>();
        for (Parameter p : values()) {
            BY_KEY.put(p.key, p);
            int dot = p.key.indexOf('.');
            if (dot > 0 && !blocks.contains(p.key.substring(0, dot))) {
                blocks.add(p.key.substring(0, dot));
            }
        }
        BLOCKS = Collections.unmodifiableList(blocks);
    }

    private final String key;
    private final Type type;
    private final List<String> choices;
    private final Function<RunSpec, Object> getter;
    private final String description;

    Parameter(String key, Type type, Function<RunSpec, Object> getter, String description) {
        this(key, type, List.of(), getter, description);
    }

    Parameter(String key, Type type, List<String> choices, Function<RunSpec, Object> getter, String description) {
        this.key = key;
        this.type = type;
        this.choices = choices;
        this.getter = getter;
        this.description = description;
    }

    /** The dotted spec key, e.g. {@code geometry.noise}. */
    public String key() {
        return key;
    }

    /** The output column, e.g. {@code geometry_noise}. */
    public String column() {
        return key.replace('.', '_');
    }

    public Type type() {
        return type;
    }

    /** For {@link Type#CHOICE}: the accepted lower-case spellings; empty otherwise. */
    public List<String> choices() {
        return choices;
    }

    /** One line for the README's key table. */
    public String description() {
        return description;
    }

    /** The canonical value of this parameter in a resolved run spec (see class comment). */
    public Object valueOf(RunSpec spec) {
        return getter.apply(spec);
    }

    /** The parameter with this dotted key. */
    public static Optional<Parameter> byKey(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }

    /** The names of the sub-blocks of a spec ({@code geometry}, {@code tokens}, …), in spec order. */
    public static List<String> blocks() {
        return BLOCKS;
    }

    private static <E> List<String> names(E[] values, Function<E, String> name) {
        List<String> out = new ArrayList<>(values.length);
        for (E v : values) {
            out.add(name.apply(v).toLowerCase(Locale.ROOT));
        }
        return List.copyOf(out);
    }
}
