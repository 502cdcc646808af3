package org.clsweep.jobs.regress;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The keys in which two resolved sweep specs differ, ignoring those that may differ between a
 * baseline and a nightly run: {@code seeds} (fresh seeds every night) and the {@code regress}
 * block (how to compare, not what to run).
 *
 * <pre>
 *   flatten(sweep { a = 1, b { c = [x, y] } })  =  { a: 1, b.c: [x,y] }      (lists are leaves)
 *   diff = { k : flatten(base)[k] ≠ flatten(current)[k] } \ { seeds, regress.* }
 * </pre>
 *
 * Numbers compare by value: a manifest's JSON writes the double 1.0 as {@code 1}.
 */
public final class SpecDiff {
    /** Keys (relative to {@code sweep}) a baseline may differ in. */
    public static final Set<String> IGNORED = Set.of("seeds", RegressSpecParser.BLOCK);
    private static final ConfigRenderOptions CONCISE = ConfigRenderOptions.concise();

    private SpecDiff() {
    }

    /**
     * One key that differs.
     *
     * @param key      the dotted key relative to {@code sweep}
     * @param baseline the baseline's value, concise (numbers in shortest form), or null when absent
     * @param current  the current value, or null when absent
     */
    public record Difference(String key, String baseline, String current) {
        @Override
        public String toString() {
            return key + ": " + (baseline == null ? "(absent)" : baseline) + " → " + (current == null ? "(absent)" : current);
        }
    }

    /**
     * @param baseline the baseline's {@code sweep} object
     * @param current  the current {@code sweep} object
     * @return the differing keys, sorted
     */
    public static List<Difference> between(ConfigObject baseline, ConfigObject current) {
        Map<String, String> b = flatten(baseline);
        Map<String, String> c = flatten(current);
        Set<String> keys = new TreeSet<>(b.keySet());
        keys.addAll(c.keySet());
        List<Difference> out = new ArrayList<>();
        for (String k : keys) {
            String bv = b.get(k);
            String cv = c.get(k);
            if (bv == null ? cv != null : !bv.equals(cv)) {
                out.add(new Difference(k, bv, cv));
            }
        }
        return out;
    }

    /** The leaves of a {@code sweep} object by dotted key, ignored keys left out. */
    static Map<String, String> flatten(ConfigObject sweep) {
        Map<String, String> out = new TreeMap<>();
        flatten("", sweep, out);
        return out;
    }

    private static void flatten(String prefix, ConfigObject obj, Map<String, String> out) {
        for (Map.Entry<String, ConfigValue> e : obj.entrySet()) {
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (prefix.isEmpty() && IGNORED.contains(key)) {
                continue;
            }
            ConfigValue v = e.getValue();
            if (v.valueType() == ConfigValueType.OBJECT && !((ConfigObject) v).isEmpty()) {
                flatten(key, (ConfigObject) v, out);
            } else {
                out.put(key, canonical(v));
            }
        }
    }

    /** Concise text with numbers in their shortest exact decimal form (1.0 → 1, 1e-9 → 0.000000001). */
    static String canonical(ConfigValue v) {
        switch (v.valueType()) {
            case NUMBER:
                return new BigDecimal(v.unwrapped().toString()).stripTrailingZeros().toPlainString();
            case LIST: {
                StringJoiner j = new StringJoiner(",", "[", "]");
                for (ConfigValue item : (ConfigList) v) {
                    j.add(canonical(item));
                }
                return j.toString();
            }
            case OBJECT: {
                StringJoiner j = new StringJoiner(",", "{", "}");
                ConfigObject o = (ConfigObject) v;
                for (String k : new TreeSet<>(o.keySet())) {
                    j.add(k + ":" + canonical(o.get(k)));
                }
                return j.toString();
            }
            default:
                return v.render(CONCISE);
        }
    }
}
