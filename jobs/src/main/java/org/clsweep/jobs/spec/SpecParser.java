package org.clsweep.jobs.spec;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.clsweep.data.spec.SpecException;
import org.clsweep.data.spec.SpecKey;
import org.clsweep.data.spec.SpecValues;

/**
 * Reads a sweep spec (HOCON) into a {@link SweepSpec}. Typesafe Config stays in this package;
 * the sweep-level keys are the constants below, the parameter keys are {@link SpecKey}.
 *
 * <p><b>Precedence</b>, highest first: {@code --set key=value} overrides (later ones win) &gt; the
 * spec file &gt; the defaults shipped in {@value #DEFAULTS_RESOURCE}. Substitutions
 * ({@code ${…}}, environment variables) are resolved within the spec file.
 *
 * <p><b>Grid.</b> {@code grid} is an object of axes (one cartesian product) or a list of such
 * objects (the union of their products, in order). An axis key is a dotted parameter key, written
 * quoted ({@code "geometry.noise" = [..]}) or nested ({@code geometry { noise = [..] }}): both
 * name the same axis. A parameter that is also a grid axis takes the axis values; its base value
 * is then unused. {@code --set grid.k=[..]} sets axis k in every block; {@code --set k=v} for a
 * parameter k pins it: it sets the base value and removes axis k from every block;
 * {@code --set grid={}} removes the whole grid.
 *
 * <p><b>Checks.</b> Unknown keys, wrong value types, missing name or seeds, empty or duplicated
 * axis values and grid keys that name no parameter throw a {@link SpecException} whose key and
 * message name the offending key (and its file and line). Value ranges and combinations are checked
 * by the run-spec records when the grid is expanded.
 */
public final class SpecParser {
    /** The root object of a spec file. */
    public static final String SWEEP = "sweep";
    /** {@code sweep.name}: names the output directory and the Spark job group. */
    public static final String NAME = "name";
    /** {@code sweep.seeds}: a count n meaning 1..n, a range, or a list of seeds and ranges ({@link SeedsReader}). */
    public static final String SEEDS = "seeds";
    /** {@code sweep.grid}: the axes (see class comment). */
    public static final String GRID = "grid";
    /** Key used for errors about the spec file as a whole. */
    public static final String SPEC = "spec";
    /** Key used for errors about a malformed {@code --set}. */
    public static final String SET = "--set";
    /** The shipped defaults, a classpath resource. */
    public static final String DEFAULTS_RESOURCE = "org/clsweep/jobs/spec/defaults.conf";
    /** The most seeds a sweep may list one by one (a count or ranges may mean more: {@link SeedsReader}). */
    public static final int MAX_SEEDS = 100_000;
    /**
     * {@code sweep.regress}: the options of the regression check, read by
     * {@code org.clsweep.jobs.regress.RegressSpecParser} from {@link #parseForRegress}. How to compare
     * is not what to run: the block is in neither {@link SweepSpec} nor the spec hash.
     */
    public static final String REGRESS = "regress";

    private static final Pattern NAME_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final List<String> GRID_PATH = List.of(SWEEP, GRID);
    private static final int MAX_RENDER = 80;

    private SpecParser() {
    }

    /**
     * @param file      the spec file
     * @param overrides {@code key=value} strings, keys relative to {@code sweep}, applied in order
     * @throws SpecException naming the key at fault
     */
    public static SweepSpec parseFile(Path file, List<String> overrides) {
        return read(merge(load(file), overrides));
    }

    /**
     * What the regression check reads from one spec file, loaded once: the spec with and without
     * the overrides, and the {@value #REGRESS} block.
     *
     * @param current  the spec with the overrides applied
     * @param fileOnly the spec file alone
     * @param regress  the {@value #REGRESS} block after the overrides as plain values (String,
     *                 Number, Boolean, List, Map), or null when the spec has none
     */
    public record RegressInput(SweepSpec current, SweepSpec fileOnly, Map<String, Object> regress) {
    }

    /**
     * @param file      the spec file
     * @param overrides {@code key=value} strings, applied in order
     * @throws SpecException naming the key at fault
     */
    public static RegressInput parseForRegress(Path file, List<String> overrides) {
        Config loaded = load(file);
        Config merged = merge(loaded, overrides);
        SweepSpec current = read(merged);
        SweepSpec fileOnly = read(merge(loaded, List.of()));
        String path = SWEEP + "." + REGRESS;
        if (!merged.hasPath(path)) {
            return new RegressInput(current, fileOnly, null);
        }
        ConfigValue v = merged.getValue(path);
        if (v.valueType() != ConfigValueType.OBJECT) {
            throw wrongType(REGRESS, "an object { … }", v);
        }
        return new RegressInput(current, fileOnly, ((ConfigObject) v).unwrapped());
    }

    private static Config load(Path file) {
        if (Files.isDirectory(file)) {
            throw new SpecException(SPEC, "cannot read spec " + file + ": it is a directory, not a file");
        }
        if (!Files.isRegularFile(file)) {
            throw new SpecException(SPEC, "cannot read spec " + file + ": no such file");
        }
        if (!Files.isReadable(file)) {
            throw new SpecException(SPEC, "cannot read spec " + file + ": permission denied");
        }
        try {
            return ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
        } catch (ConfigException e) {
            throw new SpecException(SPEC, "cannot parse spec " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param text      the spec's HOCON text
     * @param origin    how messages refer to the text, e.g. a file name
     * @param overrides {@code key=value} strings, applied in order
     * @throws SpecException naming the key at fault
     */
    public static SweepSpec parseString(String text, String origin, List<String> overrides) {
        Config parsed;
        try {
            parsed = ConfigFactory.parseString(text, ConfigParseOptions.defaults().setOriginDescription(origin));
        } catch (ConfigException e) {
            throw new SpecException(SPEC, "cannot parse spec " + origin + ": " + e.getMessage(), e);
        }
        return read(merge(parsed, overrides));
    }

    /** The shipped defaults, normalised. */
    public static Config defaults() {
        Config d = ConfigFactory.parseResources(SpecParser.class.getClassLoader(), DEFAULTS_RESOURCE,
                ConfigParseOptions.defaults().setAllowMissing(false));
        return normalise(d.resolve());
    }

    /** The spec layer over the defaults, with the overrides applied: the tree {@link #read} checks. */
    private static Config merge(Config parsed, List<String> overrides) {
        Config file;
        try {
            file = normalise(parsed.resolve());
        } catch (ConfigException e) {
            throw new SpecException(SPEC, "cannot resolve spec: " + e.getMessage(), e);
        }
        Config merged = file.withFallback(defaults());
        for (String s : overrides) {
            merged = applyOverride(merged, s);
        }
        return merged;
    }

    // ---------------------------------------------------------------- normalisation and overrides

    /** Rewrites quoted dotted keys ({@code "geometry.noise"}) as nested paths, grid blocks included. */
    private static Config normalise(Config layer) {
        return putAll(ConfigFactory.empty(), List.of(), layer.root());
    }

    private static Config putAll(Config out, List<String> prefix, ConfigObject obj) {
        if (obj.isEmpty() && !prefix.isEmpty()) {
            String p = ConfigUtil.joinPath(prefix);
            return out.hasPathOrNull(p) ? out : out.withValue(p, obj);
        }
        Config result = out;
        for (String key : new TreeSet<>(obj.keySet())) {
            List<String> path = concat(prefix, splitKey(key));
            ConfigValue v = obj.get(key);
            try {
                if (v.valueType() == ConfigValueType.OBJECT) {
                    result = putAll(result, path, (ConfigObject) v);
                } else if (v.valueType() == ConfigValueType.LIST && path.equals(GRID_PATH)) {
                    result = result.withValue(ConfigUtil.joinPath(path), normaliseBlocks((ConfigList) v));
                } else {
                    String joined = ConfigUtil.joinPath(path);
                    if (result.hasPathOrNull(joined)) {
                        String k = keyOf(path);
                        throw new SpecException(k, k + " is given twice" + at(v) + ": a quoted dotted key and a "
                                + "nested key name the same path");
                    }
                    result = result.withValue(joined, v);
                }
            } catch (ConfigException e) {
                String k = keyOf(path);
                throw new SpecException(k, k + " conflicts with another value at the same path" + at(v), e);
            }
        }
        return result;
    }

    private static ConfigValue normaliseBlocks(ConfigList blocks) {
        List<ConfigValue> out = new ArrayList<>(blocks.size());
        for (ConfigValue b : blocks) {
            out.add(b.valueType() == ConfigValueType.OBJECT
                    ? putAll(ConfigFactory.empty(), List.of(), (ConfigObject) b).root() : b);
        }
        return ConfigValueFactory.fromIterable(out);
    }

    private static Config applyOverride(Config merged, String text) {
        Config parsed;
        try {
            parsed = ConfigFactory.parseString(text,
                    ConfigParseOptions.defaults().setOriginDescription("--set " + text)).resolve();
        } catch (ConfigException e) {
            throw new SpecException(SET, "cannot parse --set '" + text + "', expected key=value: " + e.getMessage(), e);
        }
        if (parsed.isEmpty()) {
            throw new SpecException(SET, "--set '" + text + "' sets nothing, expected key=value");
        }
        Config layer = normalise(parsed.root().keySet().equals(Set.of(SWEEP)) ? parsed : parsed.atPath(SWEEP));
        List<Leaf> leaves = new ArrayList<>();
        collectLeaves(List.of(), layer.root(), leaves);
        Config result = merged;
        for (Leaf leaf : leaves) {
            List<String> rel = leaf.path.subList(1, leaf.path.size());
            if (rel.isEmpty()) {
                throw new SpecException(SET, "--set '" + text + "' must name a key inside sweep, e.g. --set width=4");
            }
            if (rel.get(0).equals(GRID) && rel.size() > 1) {
                result = setAxisEverywhere(result, rel.subList(1, rel.size()), leaf.value);
            } else {
                result = result.withValue(ConfigUtil.joinPath(leaf.path), leaf.value);
                if (!rel.get(0).equals(GRID)) {
                    result = removeAxisEverywhere(result, rel);
                }
            }
        }
        return result;
    }

    private record Leaf(List<String> path, ConfigValue value) {
    }

    private static void collectLeaves(List<String> prefix, ConfigObject obj, List<Leaf> out) {
        if (obj.isEmpty() && !prefix.isEmpty()) {
            out.add(new Leaf(prefix, obj));
            return;
        }
        for (String key : new TreeSet<>(obj.keySet())) {
            ConfigValue v = obj.get(key);
            List<String> path = concat(prefix, List.of(key));
            if (v.valueType() == ConfigValueType.OBJECT) {
                collectLeaves(path, (ConfigObject) v, out);
            } else {
                out.add(new Leaf(path, v));
            }
        }
    }

    private static Config setAxisEverywhere(Config merged, List<String> axis, ConfigValue values) {
        ConfigValue grid = lookup(merged.root(), GRID_PATH);
        if (grid != null && grid.valueType() == ConfigValueType.LIST) {
            List<ConfigValue> blocks = new ArrayList<>();
            for (ConfigValue b : (ConfigList) grid) {
                blocks.add(b.valueType() == ConfigValueType.OBJECT
                        ? ((ConfigObject) b).toConfig().withValue(ConfigUtil.joinPath(axis), values).root() : b);
            }
            return merged.withValue(ConfigUtil.joinPath(GRID_PATH), ConfigValueFactory.fromIterable(blocks));
        }
        return merged.withValue(ConfigUtil.joinPath(concat(GRID_PATH, axis)), values);
    }

    private static Config removeAxisEverywhere(Config merged, List<String> axis) {
        ConfigValue grid = lookup(merged.root(), GRID_PATH);
        if (grid == null) {
            return merged;
        }
        if (grid.valueType() == ConfigValueType.OBJECT) {
            Config g = withoutAxis(((ConfigObject) grid).toConfig(), axis);
            return merged.withValue(ConfigUtil.joinPath(GRID_PATH), g.root());
        }
        if (grid.valueType() == ConfigValueType.LIST) {
            List<ConfigValue> blocks = new ArrayList<>();
            for (ConfigValue b : (ConfigList) grid) {
                blocks.add(b.valueType() == ConfigValueType.OBJECT
                        ? withoutAxis(((ConfigObject) b).toConfig(), axis).root() : b);
            }
            return merged.withValue(ConfigUtil.joinPath(GRID_PATH), ConfigValueFactory.fromIterable(blocks));
        }
        return merged;
    }

    private static Config withoutAxis(Config block, List<String> axis) {
        return lookup(block.root(), axis) == null ? block : block.withoutPath(ConfigUtil.joinPath(axis));
    }

    // ---------------------------------------------------------------- reading and checking

    private static SweepSpec read(Config merged) {
        ConfigObject root = merged.root();
        for (String key : new TreeSet<>(root.keySet())) {
            if (!key.equals(SWEEP)) {
                throw new SpecException(key, "unknown key " + key + at(root.get(key))
                        + ": a spec holds a single sweep { … } block");
            }
        }
        ConfigValue sv = root.get(SWEEP);
        if (sv == null) {
            throw new SpecException(SWEEP, "the spec has no sweep { … } block");
        }
        if (sv.valueType() != ConfigValueType.OBJECT) {
            throw wrongType(SWEEP, "an object", sv);
        }
        ConfigObject sweep = (ConfigObject) sv;
        checkKeys(sweep);
        String name = readName(sweep.get(NAME));
        Seeds seeds = SeedsReader.read(sweep.get(SEEDS));
        Map<SpecKey, Object> base = new EnumMap<>(SpecKey.class);
        for (SpecKey p : SpecKey.values()) {
            base.put(p, readValue(p, lookup(sweep, Arrays.asList(p.key().split("\\."))), p.key()));
        }
        List<GridBlock> grid = readGrid(sweep.get(GRID));
        return new SweepSpec(name, seeds, SpecValues.of(base), grid);
    }

    private static void checkKeys(ConfigObject sweep) {
        for (String key : new TreeSet<>(sweep.keySet())) {
            ConfigValue v = sweep.get(key);
            if (key.equals(NAME) || key.equals(SEEDS) || key.equals(GRID) || SpecKey.byKey(key).isPresent()) {
                continue;
            }
            if (key.equals(REGRESS)) {
                if (v.valueType() != ConfigValueType.OBJECT) {
                    throw wrongType(key, "an object { … }", v);
                }
                continue;
            }
            if (!SpecKey.blocks().contains(key)) {
                throw new SpecException(key, "unknown key " + key + at(v) + suggestion(key));
            }
            if (v.valueType() != ConfigValueType.OBJECT) {
                throw wrongType(key, "an object { … }", v);
            }
            ConfigObject block = (ConfigObject) v;
            for (String child : new TreeSet<>(block.keySet())) {
                String full = key + "." + child;
                if (SpecKey.byKey(full).isEmpty()) {
                    throw new SpecException(full, "unknown key " + full + at(block.get(child)) + suggestion(full));
                }
            }
        }
    }

    private static String readName(ConfigValue v) {
        if (v == null || v.valueType() == ConfigValueType.NULL) {
            throw new SpecException(NAME, "name is missing: give the sweep a name, e.g. name = quickstart");
        }
        if (v.valueType() != ConfigValueType.STRING) {
            throw wrongType(NAME, "a string", v);
        }
        String name = (String) v.unwrapped();
        if (!NAME_PATTERN.matcher(name).matches()) {
            throw new SpecException(NAME, "name must be 1-100 letters, digits, '.', '_' or '-' (it names the output "
                    + "directory), found '" + name + "'" + at(v));
        }
        return name;
    }

    private static List<GridBlock> readGrid(ConfigValue v) {
        if (v == null || v.valueType() == ConfigValueType.NULL) {
            return List.of(new GridBlock(List.of()));
        }
        if (v.valueType() == ConfigValueType.OBJECT) {
            return List.of(readBlock((ConfigObject) v, GRID));
        }
        if (v.valueType() != ConfigValueType.LIST) {
            throw wrongType(GRID, "an object of axes (grid { width = [1, 2] }) or a list of such objects", v);
        }
        ConfigList list = (ConfigList) v;
        if (list.isEmpty()) {
            throw new SpecException(GRID, "grid lists no blocks" + at(v) + ": write grid { } (or leave it out) for a "
                    + "single cell");
        }
        List<GridBlock> blocks = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String where = GRID + "[" + i + "]";
            if (list.get(i).valueType() != ConfigValueType.OBJECT) {
                throw wrongType(where, "an object of axes", list.get(i));
            }
            blocks.add(readBlock((ConfigObject) list.get(i), where));
        }
        return blocks;
    }

    private static GridBlock readBlock(ConfigObject block, String where) {
        Map<SpecKey, GridAxis> axes = new EnumMap<>(SpecKey.class);
        collectAxes(block, "", where, axes);
        return new GridBlock(new ArrayList<>(axes.values()));
    }

    private static void collectAxes(ConfigObject obj, String prefix, String where, Map<SpecKey, GridAxis> axes) {
        for (String key : new TreeSet<>(obj.keySet())) {
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            String full = where + "." + path;
            ConfigValue v = obj.get(key);
            if (v.valueType() == ConfigValueType.OBJECT) {
                collectAxes((ConfigObject) v, path, where, axes);
                continue;
            }
            SpecKey p = SpecKey.byKey(path).orElse(null);
            if (p == null) {
                if (path.equals(NAME) || path.equals(SEEDS)) {
                    throw new SpecException(full, full + at(v) + ": " + path + " cannot be a grid axis"
                            + (path.equals(SEEDS) ? "; list all seeds in sweep.seeds" : ""));
                }
                throw new SpecException(full, "grid key " + full + at(v) + " names no parameter" + suggestion(path));
            }
            if (v.valueType() != ConfigValueType.LIST) {
                throw wrongType(full, "a list of values, e.g. " + path + " = [a, b]", v);
            }
            ConfigList list = (ConfigList) v;
            if (list.isEmpty()) {
                throw new SpecException(full, full + " lists no values" + at(v) + "; an axis needs at least one");
            }
            List<Object> values = new ArrayList<>();
            Set<Object> seen = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                Object value = readValue(p, list.get(i), full + "[" + i + "]");
                if (!seen.add(value)) {
                    throw new SpecException(full, full + " lists " + render(list.get(i)) + " twice" + at(v));
                }
                values.add(value);
            }
            axes.put(p, new GridAxis(p, values));
        }
    }

    /** Reads one value of parameter p; {@code where} names it in messages (a key, or a grid element). */
    private static Object readValue(SpecKey p, ConfigValue v, String where) {
        if (v == null || v.valueType() == ConfigValueType.NULL) {
            throw new SpecException(where, where + " is missing" + (v == null ? "" : at(v)));
        }
        switch (p.type()) {
            case INT: {
                Long n = v.valueType() == ConfigValueType.NUMBER ? integral(v) : null;
                if (n == null || n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
                    throw wrongType(where, "an integer", v);
                }
                return n.intValue();
            }
            case DOUBLE:
                if (v.valueType() != ConfigValueType.NUMBER) {
                    throw wrongType(where, "a number", v);
                }
                return ((Number) v.unwrapped()).doubleValue();
            case BOOLEAN:
                if (v.valueType() != ConfigValueType.BOOLEAN) {
                    throw wrongType(where, "a boolean (true or false)", v);
                }
                return v.unwrapped();
            case CHOICE: {
                String s = v.valueType() == ConfigValueType.STRING
                        ? ((String) v.unwrapped()).toLowerCase(Locale.ROOT) : null;
                if (s == null || !p.choices().contains(s)) {
                    throw new SpecException(where, where + " must be one of " + String.join(", ", p.choices())
                            + ", found " + describe(v) + at(v));
                }
                return s;
            }
            case STRING:
                if (v.valueType() != ConfigValueType.STRING) {
                    throw wrongType(where, "a string", v);
                }
                return v.unwrapped();
            case INT_LIST: {
                if (v.valueType() != ConfigValueType.LIST) {
                    throw wrongType(where, "a list of integers", v);
                }
                List<Integer> out = new ArrayList<>();
                for (ConfigValue e : (ConfigList) v) {
                    Long n = e.valueType() == ConfigValueType.NUMBER ? integral(e) : null;
                    if (n == null || n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
                        throw wrongType(where, "a list of integers", v);
                    }
                    out.add(n.intValue());
                }
                return List.copyOf(out);
            }
            case STRING_LIST: {
                if (v.valueType() != ConfigValueType.LIST) {
                    throw wrongType(where, "a list of strings", v);
                }
                List<String> out = new ArrayList<>();
                for (ConfigValue e : (ConfigList) v) {
                    if (e.valueType() != ConfigValueType.STRING) {
                        throw wrongType(where, "a list of strings", v);
                    }
                    out.add((String) e.unwrapped());
                }
                return List.copyOf(out);
            }
            default:
                throw new AssertionError(p.type());
        }
    }

    /** The value as a long if it is an integer number (not 4.5, not 1e3 written as a double). */
    static Long integral(ConfigValue v) {
        Object n = v.unwrapped();
        if (n instanceof Integer || n instanceof Long) {
            return ((Number) n).longValue();
        }
        return null;
    }

    // ---------------------------------------------------------------- helpers

    private static ConfigValue lookup(ConfigObject root, List<String> path) {
        ConfigValue v = root;
        for (String part : path) {
            if (v == null || v.valueType() != ConfigValueType.OBJECT) {
                return null;
            }
            v = ((ConfigObject) v).get(part);
        }
        return v;
    }

    private static List<String> splitKey(String key) {
        return key.contains(".") && !key.startsWith(".") && !key.endsWith(".")
                ? Arrays.asList(key.split("\\.")) : List.of(key);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a.size() + b.size());
        out.addAll(a);
        out.addAll(b);
        return out;
    }

    /** A path as a spec key: relative to {@code sweep}, dotted. */
    private static String keyOf(List<String> path) {
        List<String> rel = !path.isEmpty() && path.get(0).equals(SWEEP) ? path.subList(1, path.size()) : path;
        return rel.isEmpty() ? SWEEP : String.join(".", rel);
    }

    static SpecException wrongType(String key, String expected, ConfigValue v) {
        return new SpecException(key, key + " must be " + expected + ", found " + describe(v) + at(v));
    }

    private static String describe(ConfigValue v) {
        return v.valueType().name().toLowerCase(Locale.ROOT) + " " + render(v);
    }

    private static String render(ConfigValue v) {
        String s = v.render(ConfigRenderOptions.concise());
        return s.length() > MAX_RENDER ? s.substring(0, MAX_RENDER) + "…" : s;
    }

    static String at(ConfigValue v) {
        return v == null || v.origin() == null ? "" : " (" + v.origin().description() + ")";
    }

    /** "; did you mean X?" for the closest known key within a small edit distance, else "". */
    private static String suggestion(String key) {
        List<String> known = new ArrayList<>(List.of(NAME, SEEDS, GRID));
        for (SpecKey p : SpecKey.values()) {
            known.add(p.key());
        }
        String best = null;
        int bestScore = Integer.MAX_VALUE;
        for (String k : known) {
            int score = k.endsWith("." + key) ? 1 : editDistance(key, k);
            if (score < bestScore) {
                bestScore = score;
                best = k;
            }
        }
        return bestScore <= Math.max(2, key.length() / 4) ? "; did you mean " + best + "?" : "";
    }

    /** Optimal-string-alignment distance: insertions, deletions, substitutions, adjacent swaps. */
    private static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
