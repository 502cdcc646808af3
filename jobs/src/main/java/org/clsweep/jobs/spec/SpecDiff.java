package org.clsweep.jobs.spec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import org.clsweep.data.spec.SpecKey;

/**
 * The keys in which two parsed sweep specs differ, compared as typed values: the one spec diff
 * behind resuming ({@code output.SpecChange}) and the regression check's baseline
 * ({@code regress.Baseline}).
 *
 * <pre>
 *   name, seeds                       when they differ
 *   k                                 for every catalogue key whose base value differs
 *   grid.k                            one block on each side: the axis k's values differ
 *                                     (an axis present on one side only is absent on the other)
 *   grid[i].k                         as many blocks on each side (more than one): block i's axis k differs
 *   grid                              the number of blocks differs (values: the block counts)
 * </pre>
 * The differences come sorted by key. Values are typed (Integer, Double, Boolean, String,
 * List); {@link #text} writes them in the one format messages use: numbers in their shortest
 * exact decimal form (1.0 → 1, 1e-9 → 0.000000001), strings quoted, lists as {@code [a,b]}.
 */
public final class SpecDiff {
    /** Seed sets up to this size are written out one by one in messages; larger ones compactly. */
    private static final int LISTED_SEEDS = 16;
    private SpecDiff() {
    }

    /**
     * One key that differs.
     *
     * @param key    the dotted key relative to {@code sweep}
     * @param before the value on the first side, or null when absent there
     * @param after  the value on the second side, or null when absent there
     */
    public record Difference(String key, Object before, Object after) {
        /** {@code key: before → after}, an absent side written {@code (absent)}. */
        @Override
        public String toString() {
            return key + ": " + (before == null ? "(absent)" : text(before)) + " → "
                    + (after == null ? "(absent)" : text(after));
        }
    }

    /**
     * @param a the first spec. Not modified.
     * @param b the second spec. Not modified.
     * @return the differing keys, sorted
     */
    public static List<Difference> between(SweepSpec a, SweepSpec b) {
        List<Difference> out = new ArrayList<>();
        add(out, SpecParser.NAME, a.name(), b.name());
        add(out, SpecParser.SEEDS, a.seeds(), b.seeds());
        for (SpecKey k : SpecKey.values()) {
            add(out, k.key(), a.base().get(k), b.base().get(k));
        }
        List<GridBlock> ga = a.grid();
        List<GridBlock> gb = b.grid();
        if (ga.size() != gb.size()) {
            add(out, SpecParser.GRID, ga.size(), gb.size());
        } else {
            for (int i = 0; i < ga.size(); i++) {
                String prefix = SpecParser.GRID + (ga.size() == 1 ? "" : "[" + i + "]") + ".";
                Map<SpecKey, List<Object>> xa = axes(ga.get(i));
                Map<SpecKey, List<Object>> xb = axes(gb.get(i));
                for (SpecKey k : SpecKey.values()) {
                    add(out, prefix + k.key(), xa.get(k), xb.get(k));
                }
            }
        }
        out.sort(Comparator.comparing(Difference::key));
        return out;
    }

    /** A value in the format of messages (see class comment). */
    public static String text(Object v) {
        if (v instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? d.toString()
                    : new BigDecimal(d.toString()).stripTrailingZeros().toPlainString();
        }
        if (v instanceof String s) {
            return "\"" + s + "\"";
        }
        if (v instanceof Seeds seeds && seeds.count() > LISTED_SEEDS) {
            return text(seeds.compact());
        }
        if (v instanceof Map<?, ?> range && range.containsKey(Seeds.FROM)) {
            return range.get(Seeds.FROM) + ".." + range.get(Seeds.TO);
        }
        if (v instanceof List<?> l) {
            StringJoiner j = new StringJoiner(",", "[", "]");
            for (Object o : l) {
                j.add(text(o));
            }
            return j.toString();
        }
        return String.valueOf(v);
    }

    private static Map<SpecKey, List<Object>> axes(GridBlock block) {
        Map<SpecKey, List<Object>> out = new LinkedHashMap<>();
        for (GridAxis axis : block.axes()) {
            out.put(axis.parameter(), axis.values());
        }
        return out;
    }

    private static void add(List<Difference> out, String key, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            out.add(new Difference(key, a, b));
        }
    }
}
