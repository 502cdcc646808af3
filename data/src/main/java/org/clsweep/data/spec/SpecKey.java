package org.clsweep.data.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.clsweep.dynamics.activation.Activation;
import org.clsweep.dynamics.objective.LossType;
import org.clsweep.dynamics.optima.CurvatureScope;

/**
 * The catalogue of run parameters: every key of a sweep spec that ends up in a {@link RunSpec},
 * in spec order, with its type, default, validation rule, output column and meaning. The spec
 * parser, the validated records, the grid, the Parquet schemas, the export and the regression
 * check all take their keys from here; {@code defaults.conf} and the README's key table are
 * tested against it.
 *
 * <pre>
 *   key()           dotted spec key, e.g. geometry.noise
 *   column()        the runs/aggregates column, e.g. geometry_noise
 *   type()          INT | DOUBLE | BOOLEAN | CHOICE (one of choices()) | STRING | STRING_LIST | INT_LIST
 *   defaultValue()  the value a spec that does not set the key gets
 *   check(v)        the key's own range rule; combinations are checked by the records
 *   valueOf(spec)   the canonical value in a resolved RunSpec: Integer, Double, Boolean,
 *                   String (CHOICE: lower-case spec spelling; STRING: as written), List&lt;String&gt;
 *                   or List&lt;Integer&gt;
 *   since()         the cell-identity version that introduced the key (see CellText)
 * </pre>
 * A key added later takes the next {@code since} and a default that reproduces the behaviour
 * before it existed: cells that leave it at that default keep their cell ids and run streams.
 *
 * @see SpecValues
 * @see CellText
 */
public enum SpecKey {
    MODEL("model", Type.CHOICE, ModelKind.ONELAYER.specName(), Rule.ANY, names(ModelKind.values(), ModelKind::specName),
            s -> s.model().specName(), "onelayer | twolayer"),
    MODE("mode", Type.CHOICE, Mode.POPULATION.specName(), Rule.ANY, names(Mode.values(), Mode::specName),
            s -> s.mode().specName(), "population | sgd (twolayer: sgd only)"),
    ACTIVATION("activation", Type.CHOICE, Activation.RELU.specName(), Rule.ANY,
            names(Activation.values(), Activation::specName),
            s -> s.activation().specName(), "linear | relu | leaky_relu | sigmoid | quadratic (last two: sgd only)"),
    LEAKY_SLOPE("leaky_slope", Type.DOUBLE, 0.05, Rule.closed(0.0, 1.0), s -> s.leakySlope(),
            "negative-side slope c of leaky_relu, in [0, 1]"),
    WIDTH("width", Type.INT, 8, Rule.atLeast(1), RunSpec::width,
            "onelayer: nodes n; twolayer: beta (M = beta * P filters per field)"),

    GEOMETRY_KIND("geometry.kind", Type.CHOICE, GeometryKind.ORTHOGONAL.specName(), Rule.ANY,
            names(GeometryKind.values(), GeometryKind::specName),
            s -> s.geometry().kind().specName(), "orthogonal | equiangular | random | pairs | dataset"),
    GEOMETRY_PATTERNS("geometry.patterns", Type.INT, 6, Rule.atLeast(1), s -> s.geometry().patterns(),
            "number of patterns L"),
    GEOMETRY_DIM("geometry.dim", Type.INT, 16, Rule.atLeast(1), s -> s.geometry().dim(), "input dimension d"),
    GEOMETRY_COSINE("geometry.cosine", Type.DOUBLE, 0.0, Rule.ANY, s -> s.geometry().cosine(),
            "pairwise cosine of equiangular patterns"),
    GEOMETRY_NOISE("geometry.noise", Type.DOUBLE, 0.1, Rule.NON_NEGATIVE, s -> s.geometry().noise(),
            "noise sigma of each view"),
    GEOMETRY_MAG_START("geometry.mag_start", Type.DOUBLE, 1.0, Rule.POSITIVE, s -> s.geometry().magStart(),
            "norm of the first pattern"),
    GEOMETRY_MAG_END("geometry.mag_end", Type.DOUBLE, 1.0, Rule.POSITIVE, s -> s.geometry().magEnd(),
            "norm of the last pattern (linear in between)"),
    GEOMETRY_PROBS("geometry.probs", Type.CHOICE, ProbsKind.UNIFORM.specName(), Rule.ANY,
            names(ProbsKind.values(), ProbsKind::specName),
            s -> s.geometry().probs().specName(), "uniform | zipf"),
    GEOMETRY_ZIPF_EXPONENT("geometry.zipf_exponent", Type.DOUBLE, 1.0, Rule.NON_NEGATIVE,
            s -> s.geometry().zipfExponent(), "Zipf exponent s (probs = zipf)"),
    GEOMETRY_SOURCE("geometry.source", 3, Type.STRING, "", Rule.ANY, s -> s.geometry().dataset().source(),
            "kind = dataset: the points, an IDX images file or a Parquet file or directory (any Hadoop path)"),
    GEOMETRY_LABELS_SOURCE("geometry.labels_source", 3, Type.STRING, "", Rule.ANY,
            s -> s.geometry().dataset().labelsSource(), "kind = dataset, IDX: the labels file; empty = unlabelled"),
    GEOMETRY_COLUMN("geometry.column", 3, Type.STRING, "", Rule.ANY, s -> s.geometry().dataset().column(),
            "kind = dataset: the Parquet array<double> or array<float> column; empty = the source is IDX"),
    GEOMETRY_LABEL_COLUMN("geometry.label_column", 3, Type.STRING, "", Rule.ANY,
            s -> s.geometry().dataset().labelColumn(), "kind = dataset, Parquet: the integer label column; "
                    + "empty = unlabelled"),
    GEOMETRY_CLASSES("geometry.classes", 3, Type.INT_LIST, List.of(), Rule.ANY,
            s -> s.geometry().dataset().classes(), "kind = dataset: the labels to select; empty = every label "
                    + "(patterns in ascending label order)"),
    GEOMETRY_PER_CLASS("geometry.per_class", 3, Type.INT, 10, Rule.atLeast(1),
            s -> s.geometry().dataset().perClass(), "kind = dataset: the first per_class points of each class, in "
                    + "file order (unlabelled: the first per_class points)"),
    GEOMETRY_NORMALIZE("geometry.normalize", 3, Type.CHOICE, PointNormalization.NONE.specName(), Rule.ANY,
            names(PointNormalization.values(), PointNormalization::specName),
            s -> s.geometry().dataset().normalization().specName(),
            "kind = dataset: none (IDX pixels / 255) | unit | center (on the selection's mean, then unit norm)"),
    GEOMETRY_CHECKSUM("geometry.checksum", 3, Type.STRING, "", Rule.ANY, s -> s.geometry().dataset().checksum(),
            "kind = dataset: SHA-256 of the selection (docs/dataset.md); empty = taken from the data, else the "
                    + "data must match"),

    TOKENS_VOCAB("tokens.vocab", Type.INT, 20, Rule.atLeast(1), s -> s.tokens().vocab(), "vocabulary size n"),
    TOKENS_LOCATIONS("tokens.locations", Type.INT, 10, Rule.atLeast(1), s -> s.tokens().locations(),
            "receptive fields K"),
    TOKENS_PER_LOCATION("tokens.per_location", Type.INT, 5, Rule.atLeast(1), s -> s.tokens().perLocation(),
            "allowed tokens per location P"),
    TOKENS_PATTERNS("tokens.patterns", Type.INT, 40, Rule.atLeast(1), s -> s.tokens().patterns(),
            "global patterns G"),
    TOKENS_PATTERN_LEN("tokens.pattern_len", Type.INT, 5, Rule.atLeast(1), s -> s.tokens().patternLen(),
            "fixed locations per pattern L"),
    TOKENS_AUG_DEGREE("tokens.aug_degree", Type.INT, 5, Rule.atLeast(0), s -> s.tokens().augDegree(),
            "wildcards view 2 redraws (<= locations - pattern_len)"),
    TOKENS_EMBED_DIM("tokens.embed_dim", Type.INT, 0, Rule.atLeast(0), s -> s.tokens().embedDim(),
            "0 = one-hot, else random unit embeddings of this dimension"),
    TOKENS_MAG_SPLIT("tokens.mag_split", Type.DOUBLE, 1.0, Rule.POSITIVE, s -> s.tokens().magSplit(),
            "magnitude split s: first half of tokens / s, second half * s"),
    TOKENS_EXPLICIT_PATTERNS("tokens.explicit_patterns", Type.STRING_LIST, List.of(), Rule.ANY,
            s -> s.tokens().explicitPatterns(), "global patterns written out; empty = generate G random ones"),
    TOKENS_DECOUPLE("tokens.decouple", 2, Type.BOOLEAN, false, Rule.ANY, s -> s.tokens().decouple(),
            "twolayer: every location draws its own global pattern (the decoupled control: same pair law per "
                    + "location, no dependence between locations)"),

    NET_OUT_DIM("net.out_dim", Type.INT, 50, Rule.atLeast(1), s -> s.net().outDim(), "rows of the top layer V"),
    NET_BATCHNORM("net.batchnorm", Type.BOOLEAN, true, Rule.ANY, s -> s.net().batchnorm(),
            "BatchNorm (no affine) on the hidden layer"),
    NET_BN_BACKPROP_MEAN("net.bn_backprop_mean", Type.BOOLEAN, true, Rule.ANY, s -> s.net().bnBackpropMean(),
            "gradient flows through the batch mean"),
    NET_BN_BACKPROP_VAR("net.bn_backprop_var", Type.BOOLEAN, false, Rule.ANY, s -> s.net().bnBackpropVar(),
            "gradient flows through the batch variance"),

    TRAIN_LOSS("train.loss", Type.CHOICE, LossType.INFONCE.specName(), Rule.ANY,
            names(LossType.values(), LossType::specName),
            s -> s.train().loss().specName(), "infonce | quadratic (sampled training)"),
    TRAIN_TEMPERATURE("train.temperature", Type.DOUBLE, 0.1, Rule.POSITIVE, s -> s.train().temperature(),
            "temperature tau"),
    TRAIN_LR("train.lr", Type.DOUBLE, 0.02, Rule.POSITIVE, s -> s.train().lr(),
            "step size (population: the Euler step)"),
    TRAIN_MOMENTUM("train.momentum", Type.DOUBLE, 0.9, Rule.halfOpen(0.0, 1.0), s -> s.train().momentum(),
            "SGD momentum, in [0, 1)"),
    TRAIN_WEIGHT_DECAY("train.weight_decay", Type.DOUBLE, 0.005, Rule.NON_NEGATIVE, s -> s.train().weightDecay(),
            "coupled weight decay"),
    TRAIN_BATCH("train.batch", Type.INT, 128, Rule.atLeast(2), s -> s.train().batch(), "samples per minibatch"),
    TRAIN_STEPS("train.steps", Type.INT, 5000, Rule.atLeast(1), s -> s.train().steps(), "step budget"),
    TRAIN_NORMALIZE_ROWS("train.normalize_rows", Type.BOOLEAN, true, Rule.ANY, s -> s.train().normalizeRows(),
            "renormalise one-layer rows after each step"),
    TRAIN_NORMALIZE_OUTPUT("train.normalize_output", Type.BOOLEAN, true, Rule.ANY, s -> s.train().normalizeOutput(),
            "normalise outputs before the loss"),
    TRAIN_TOL("train.tol", Type.DOUBLE, 1e-9, Rule.POSITIVE, s -> s.train().tol(),
            "population: stop when the residual is below"),
    TRAIN_TRACE_EVERY("train.trace_every", Type.INT, 250, Rule.atLeast(1), s -> s.train().traceEvery(),
            "iterations between trace records"),

    ANALYSIS_MATCH_COSINE("analysis.match_cosine", Type.DOUBLE, 0.95, Rule.openClosed(0.0, 1.0),
            s -> s.analysis().matchCosine(), "a pattern is recovered at cosine >= this"),
    ANALYSIS_SAME_OPTIMUM_COSINE("analysis.same_optimum_cosine", Type.DOUBLE, 0.9999, Rule.openClosed(0.0, 1.0),
            s -> s.analysis().sameOptimumCosine(), "two nodes share an optimum at cosine >= this"),
    ANALYSIS_EVAL_BATCH("analysis.eval_batch", 2, Type.INT, 0, Rule.zeroOrAtLeast(2), s -> s.analysis().evalBatch(),
            "onelayer sgd infonce: pairs (>= 2) in the evaluation batch of the alpha structure metrics and trace; "
                    + "0 = train.batch"),
    ANALYSIS_CURVATURE("analysis.curvature", 2, Type.CHOICE, CurvatureScope.ALL.specName(), Rule.ANY,
            names(CurvatureScope.values(), CurvatureScope::specName), s -> s.analysis().curvature().specName(),
            "one layer: where roughness, its bound and the stability margin are computed: all (optima and "
                    + "pattern directions) | optima | none");

    /** The value type of a key. */
    public enum Type {
        INT("an integer"),
        DOUBLE("a number"),
        BOOLEAN("a boolean"),
        CHOICE("one of the listed names"),
        STRING("a string"),
        STRING_LIST("a list of strings"),
        INT_LIST("a list of integers");

        private final String description;

        Type(String description) {
            this.description = description;
        }

        /** What a value of this type is, for messages: "an integer". */
        public String description() {
            return description;
        }
    }

    /** The sub-blocks of a spec, in spec order: each is one record of a {@link RunSpec}. */
    public enum Block {
        GEOMETRY("geometry"),
        TOKENS("tokens"),
        NET("net"),
        TRAIN("train"),
        ANALYSIS("analysis");

        private final String name;

        Block(String name) {
            this.name = name;
        }

        /** The block's name in a spec, e.g. {@code geometry}. */
        public String specName() {
            return name;
        }

        /** @throws SpecException naming the block when {@code v} is null */
        public <T> T requirePresent(T v) {
            if (v == null) {
                throw new SpecException(name, name + " is missing");
            }
            return v;
        }
    }

    private static final Map<String, SpecKey> BY_KEY = new HashMap<>();
    private static final List<String> BLOCKS;

    static {
        List<String> blocks = new ArrayList<>();
        for (SpecKey p : values()) {
            BY_KEY.put(p.key, p);
        }
        for (Block b : Block.values()) {
            blocks.add(b.specName());
        }
        BLOCKS = Collections.unmodifiableList(blocks);
    }

    private final String key;
    private final int since;
    private final Type type;
    private final Object defaultValue;
    private final Rule rule;
    private final List<String> choices;
    private final Function<RunSpec, Object> getter;
    private final String description;

    SpecKey(String key, Type type, Object defaultValue, Rule rule, Function<RunSpec, Object> getter,
            String description) {
        this(key, 1, type, defaultValue, rule, List.of(), getter, description);
    }

    SpecKey(String key, int since, Type type, Object defaultValue, Rule rule, Function<RunSpec, Object> getter,
            String description) {
        this(key, since, type, defaultValue, rule, List.of(), getter, description);
    }

    SpecKey(String key, Type type, Object defaultValue, Rule rule, List<String> choices,
            Function<RunSpec, Object> getter, String description) {
        this(key, 1, type, defaultValue, rule, choices, getter, description);
    }

    SpecKey(String key, int since, Type type, Object defaultValue, Rule rule, List<String> choices,
            Function<RunSpec, Object> getter, String description) {
        this.key = key;
        this.since = since;
        this.type = type;
        this.defaultValue = defaultValue;
        this.rule = rule;
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

    /** The default, in the canonical type of {@link #valueOf}. */
    public Object defaultValue() {
        return defaultValue;
    }

    /**
     * The cell-identity version that introduced this key: 1 for the keys of the first catalogue,
     * higher for keys added since. {@link CellText} writes a key of a later version only where it
     * differs from its default.
     */
    public int since() {
        return since;
    }

    /** One line for the README's key table. */
    public String description() {
        return description;
    }

    /** The block this key belongs to, or null for a top-level key such as {@code width}. */
    public Block block() {
        int dot = key.indexOf('.');
        if (dot < 0) {
            return null;
        }
        return Block.valueOf(key.substring(0, dot).toUpperCase(Locale.ROOT));
    }

    /** The key without its block, e.g. {@code noise} for {@code geometry.noise}. */
    public String leaf() {
        return key.substring(key.indexOf('.') + 1);
    }

    /** The canonical value of this key in a resolved run spec (see class comment). */
    public Object valueOf(RunSpec spec) {
        return getter.apply(spec);
    }

    /**
     * Checks a number against this key's own rule.
     *
     * @return {@code v}
     * @throws SpecException naming the key and the value, e.g. {@code train.lr must be > 0 and finite, found -1.0}
     */
    public double check(double v) {
        rule.check(key, v);
        return v;
    }

    /**
     * Checks an integer against this key's own rule.
     *
     * @return {@code v}
     * @throws SpecException naming the key and the value, e.g. {@code train.batch must be >= 2, found 1}
     */
    public int check(int v) {
        rule.check(key, v);
        return v;
    }

    /**
     * @return {@code v}
     * @throws SpecException naming the key when {@code v} is null
     */
    public <T> T requirePresent(T v) {
        if (v == null) {
            throw new SpecException(key, key + " is missing");
        }
        return v;
    }

    /** The key with this dotted name. */
    public static Optional<SpecKey> byKey(String key) {
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
