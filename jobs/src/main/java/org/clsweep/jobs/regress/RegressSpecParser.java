package org.clsweep.jobs.regress;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.clsweep.data.experiment.RunMetric;
import org.clsweep.data.spec.SpecException;
import org.clsweep.jobs.regress.stat.Correction;

/**
 * Reads the {@code regress} block of a sweep spec into a {@link RegressSpec}. The block is
 * optional; every key in it is optional and defaults as {@link RegressSpec#defaults()} says.
 * Unknown keys, unknown metric names and wrong types are rejected with the dotted key.
 */
public final class RegressSpecParser {
    /** The block's key under {@code sweep}. */
    public static final String BLOCK = "regress";
    public static final String METRICS = "metrics";
    public static final String TOLERANCE = "tolerance";
    public static final String EXACT = "exact";
    public static final String ALPHA = "alpha";
    public static final String CORRECTION = "correction";
    public static final String FRESH_SEEDS = "fresh_seeds";
    private static final Set<String> KEYS = Set.of(METRICS, TOLERANCE, EXACT, ALPHA, CORRECTION, FRESH_SEEDS);

    private RegressSpecParser() {
    }

    /**
     * @param block the {@code regress} block, or null when the spec has none
     * @return the validated settings
     * @throws SpecException naming the key at fault
     */
    public static RegressSpec parse(Config block) {
        RegressSpec d = RegressSpec.defaults();
        if (block == null) {
            return d;
        }
        for (String key : block.root().keySet()) {
            if (!KEYS.contains(key)) {
                throw new SpecException(BLOCK + "." + key, "unknown key " + BLOCK + "." + key + "; known keys: "
                        + new TreeSet<>(KEYS));
            }
        }
        List<RunMetric> metrics = block.hasPath(METRICS) ? metrics(METRICS, strings(block, METRICS)) : d.metrics();
        Map<RunMetric, Double> tolerance = new EnumMap<>(RunMetric.class);
        if (block.hasPath(TOLERANCE)) {
            ConfigValue tv = block.getValue(TOLERANCE);
            if (tv.valueType() != ConfigValueType.OBJECT) {
                throw new SpecException(BLOCK + "." + TOLERANCE, BLOCK + "." + TOLERANCE
                        + " must be an object metric → absolute tolerance, found " + tv.render());
            }
            Config tol = ((ConfigObject) tv).toConfig();
            for (String name : tol.root().keySet()) {
                String key = BLOCK + "." + TOLERANCE + "." + name;
                RunMetric m = metric(key, name);
                tolerance.put(m, number(tol, "\"" + name + "\"", key));
            }
        }
        Map<RunMetric, CellFilter> exact = block.hasPath(EXACT) ? exact(block) : d.exact();
        double alpha = block.hasPath(ALPHA) ? number(block, ALPHA, BLOCK + "." + ALPHA) : d.alpha();
        Correction correction = d.correction();
        if (block.hasPath(CORRECTION)) {
            String name = block.getValue(CORRECTION).unwrapped().toString();
            correction = Correction.fromSpecName(name);
            if (correction == null) {
                throw new SpecException(BLOCK + "." + CORRECTION, BLOCK + "." + CORRECTION
                        + " must be holm or bh, found " + name);
            }
        }
        boolean fresh = d.freshSeeds();
        if (block.hasPath(FRESH_SEEDS)) {
            try {
                fresh = block.getBoolean(FRESH_SEEDS);
            } catch (ConfigException.WrongType e) {
                throw new SpecException(BLOCK + "." + FRESH_SEEDS, BLOCK + "." + FRESH_SEEDS
                        + " must be true or false, found " + block.getValue(FRESH_SEEDS).render(), e);
            }
        }
        return new RegressSpec(metrics, tolerance, exact, alpha, correction, fresh);
    }

    private static List<String> strings(Config c, String path) {
        try {
            return c.getStringList(path);
        } catch (ConfigException.WrongType e) {
            throw new SpecException(BLOCK + "." + path, BLOCK + "." + path + " must be a list of metric names, found "
                    + c.getValue(path).render(), e);
        }
    }

    private static double number(Config c, String path, String key) {
        try {
            return c.getDouble(path);
        } catch (ConfigException.WrongType e) {
            throw new SpecException(key, key + " must be a number, found " + c.getValue(path).render(), e);
        }
    }

    /** {@code exact = [m, …]} (every cell) or {@code exact { m { axis = [v, …], … }, … }}. */
    private static Map<RunMetric, CellFilter> exact(Config block) {
        Map<RunMetric, CellFilter> out = new EnumMap<>(RunMetric.class);
        ConfigValue v = block.getValue(EXACT);
        if (v.valueType() == ConfigValueType.LIST) {
            for (RunMetric m : metrics(EXACT, strings(block, EXACT))) {
                out.put(m, CellFilter.ALL);
            }
            return out;
        }
        if (v.valueType() != ConfigValueType.OBJECT) {
            throw new SpecException(BLOCK + "." + EXACT, BLOCK + "." + EXACT
                    + " must be a list of metrics or an object metric → cells, found " + v.render());
        }
        ConfigObject metrics = (ConfigObject) v;
        for (Map.Entry<String, ConfigValue> e : metrics.entrySet()) {
            String key = BLOCK + "." + EXACT + "." + e.getKey();
            RunMetric m = metric(key, e.getKey());
            if (e.getValue().valueType() != ConfigValueType.OBJECT) {
                throw new SpecException(key, key + " must be an object grid axis → allowed values, found "
                        + e.getValue().render());
            }
            Map<String, List<String>> allowed = new LinkedHashMap<>();
            axes(key, "", (ConfigObject) e.getValue(), allowed);
            out.put(m, new CellFilter(allowed));
        }
        return out;
    }

    /** Axis → allowed values; a nested axis ({@code geometry { noise = [..] }}) becomes dotted. */
    private static void axes(String key, String prefix, ConfigObject obj, Map<String, List<String>> allowed) {
        for (Map.Entry<String, ConfigValue> axis : obj.entrySet()) {
            String name = prefix.isEmpty() ? axis.getKey() : prefix + "." + axis.getKey();
            ConfigValue av = axis.getValue();
            if (av.valueType() == ConfigValueType.OBJECT) {
                axes(key, name, (ConfigObject) av, allowed);
                continue;
            }
            List<String> values = new ArrayList<>();
            if (av.valueType() == ConfigValueType.LIST) {
                for (ConfigValue item : (ConfigList) av) {
                    values.add(scalar(key + "." + name, item));
                }
            } else {
                values.add(scalar(key + "." + name, av));
            }
            allowed.put(name, values);
        }
    }

    private static String scalar(String key, ConfigValue v) {
        if (v.valueType() == ConfigValueType.OBJECT || v.valueType() == ConfigValueType.LIST
                || v.valueType() == ConfigValueType.NULL) {
            throw new SpecException(key, key + " must hold grid values, found " + v.render());
        }
        return String.valueOf(v.unwrapped());
    }

    private static List<RunMetric> metrics(String listKey, List<String> names) {
        List<RunMetric> out = new ArrayList<>();
        for (String n : names) {
            out.add(metric(BLOCK + "." + listKey, n));
        }
        return out;
    }

    private static RunMetric metric(String key, String name) {
        for (RunMetric m : RunMetric.values()) {
            if (m.column().equals(name.toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        List<String> known = new ArrayList<>();
        for (RunMetric m : RunMetric.values()) {
            known.add(m.column());
        }
        throw new SpecException(key, key + ": unknown metric " + name + "; known metrics: " + known);
    }
}
