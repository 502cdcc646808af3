package org.clsweep.jobs.regress.settings;

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
import org.clsweep.jobs.spec.SpecDiff;
import org.clsweep.jobs.spec.SpecParser;

/**
 * Reads the {@code regress} block of a sweep spec into a {@link RegressSpec}. The block is
 * optional; every key in it is optional and defaults as {@link RegressSpec#defaults()} says.
 * Unknown keys, unknown metric names and wrong types are rejected with the dotted key.
 */
public final class RegressSpecParser {
    /** The block's key under {@code sweep}. */
    public static final String BLOCK = SpecParser.REGRESS;
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
     * @param block the {@code regress} block as plain values ({@link SpecParser#regressBlock}), or
     *              null when the spec has none
     * @return the validated settings
     * @throws SpecException naming the key at fault
     */
    public static RegressSpec parse(Map<String, Object> block) {
        RegressSpec d = RegressSpec.defaults();
        if (block == null) {
            return d;
        }
        for (String key : block.keySet()) {
            if (!KEYS.contains(key)) {
                throw new SpecException(BLOCK + "." + key, "unknown key " + BLOCK + "." + key + "; known keys: "
                        + new TreeSet<>(KEYS));
            }
        }
        List<RunMetric> metrics = block.containsKey(METRICS) ? metrics(METRICS, strings(block, METRICS)) : d.metrics();
        Map<RunMetric, Double> tolerance = new EnumMap<>(RunMetric.class);
        if (block.containsKey(TOLERANCE)) {
            Object tv = block.get(TOLERANCE);
            if (!(tv instanceof Map<?, ?> tol)) {
                throw new SpecException(BLOCK + "." + TOLERANCE, BLOCK + "." + TOLERANCE
                        + " must be an object metric → absolute tolerance, found " + SpecDiff.text(tv));
            }
            for (Map.Entry<?, ?> e : tol.entrySet()) {
                String key = BLOCK + "." + TOLERANCE + "." + e.getKey();
                RunMetric m = metric(key, (String) e.getKey());
                tolerance.put(m, number(e.getValue(), key));
            }
        }
        Map<RunMetric, CellFilter> exact = block.containsKey(EXACT) ? exact(block) : d.exact();
        double alpha = block.containsKey(ALPHA) ? number(block.get(ALPHA), BLOCK + "." + ALPHA) : d.alpha();
        Correction correction = d.correction();
        if (block.containsKey(CORRECTION)) {
            String name = String.valueOf(block.get(CORRECTION));
            correction = Correction.fromSpecName(name);
            if (correction == null) {
                throw new SpecException(BLOCK + "." + CORRECTION, BLOCK + "." + CORRECTION
                        + " must be holm or bh, found " + name);
            }
        }
        boolean fresh = d.freshSeeds();
        if (block.containsKey(FRESH_SEEDS)) {
            if (!(block.get(FRESH_SEEDS) instanceof Boolean b)) {
                throw new SpecException(BLOCK + "." + FRESH_SEEDS, BLOCK + "." + FRESH_SEEDS
                        + " must be true or false, found " + SpecDiff.text(block.get(FRESH_SEEDS)));
            }
            fresh = b;
        }
        return new RegressSpec(metrics, tolerance, exact, alpha, correction, fresh);
    }

    private static List<String> strings(Map<String, Object> block, String key) {
        Object v = block.get(key);
        if (v instanceof List<?> l && l.stream().allMatch(o -> o instanceof String)) {
            List<String> out = new ArrayList<>();
            l.forEach(o -> out.add((String) o));
            return out;
        }
        throw new SpecException(BLOCK + "." + key, BLOCK + "." + key + " must be a list of metric names, found "
                + SpecDiff.text(v));
    }

    /** The dotted spec key of a key of the block, e.g. {@code regress.alpha}. */
    static String key(String name) {
        return BLOCK + "." + name;
    }

    private static double number(Object v, String key) {
        if (!(v instanceof Number n)) {
            throw new SpecException(key, key + " must be a number, found " + SpecDiff.text(v));
        }
        return n.doubleValue();
    }

    /** {@code exact = [m, …]} (every cell) or {@code exact { m { axis = [v, …], … }, … }}. */
    private static Map<RunMetric, CellFilter> exact(Map<String, Object> block) {
        Map<RunMetric, CellFilter> out = new EnumMap<>(RunMetric.class);
        Object v = block.get(EXACT);
        if (v instanceof List) {
            for (RunMetric m : metrics(EXACT, strings(block, EXACT))) {
                out.put(m, CellFilter.ALL);
            }
            return out;
        }
        if (!(v instanceof Map<?, ?> metrics)) {
            throw new SpecException(BLOCK + "." + EXACT, BLOCK + "." + EXACT
                    + " must be a list of metrics or an object metric → cells, found " + SpecDiff.text(v));
        }
        for (Map.Entry<?, ?> e : metrics.entrySet()) {
            String key = BLOCK + "." + EXACT + "." + e.getKey();
            RunMetric m = metric(key, (String) e.getKey());
            if (!(e.getValue() instanceof Map<?, ?> cells)) {
                throw new SpecException(key, key + " must be an object grid axis → allowed values, found "
                        + SpecDiff.text(e.getValue()));
            }
            Map<String, List<String>> allowed = new LinkedHashMap<>();
            axes(key, "", cells, allowed);
            out.put(m, new CellFilter(allowed));
        }
        return out;
    }

    /** Axis → allowed values; a nested axis ({@code geometry { noise = [..] }}) becomes dotted. */
    private static void axes(String key, String prefix, Map<?, ?> obj, Map<String, List<String>> allowed) {
        for (Map.Entry<?, ?> axis : obj.entrySet()) {
            String name = prefix.isEmpty() ? (String) axis.getKey() : prefix + "." + axis.getKey();
            Object av = axis.getValue();
            if (av instanceof Map<?, ?> nested) {
                axes(key, name, nested, allowed);
                continue;
            }
            List<String> values = new ArrayList<>();
            if (av instanceof List<?> l) {
                for (Object item : l) {
                    values.add(scalar(key + "." + name, item));
                }
            } else {
                values.add(scalar(key + "." + name, av));
            }
            allowed.put(name, values);
        }
    }

    private static String scalar(String key, Object v) {
        if (v == null || v instanceof Map || v instanceof List) {
            throw new SpecException(key, key + " must hold grid values, found " + SpecDiff.text(v));
        }
        return String.valueOf(v);
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
