package org.clsweep.jobs.output;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import org.clsweep.jobs.grid.Cell;
import org.clsweep.jobs.grid.Grid;
import org.clsweep.jobs.spec.SpecParser;
import org.clsweep.jobs.spec.SweepSpec;

/**
 * How a sweep spec relates to the spec an output directory holds; decides whether {@code run}
 * may write into the directory.
 *
 * <pre>
 *   runs(s)    = { (cell_id, seed) : cell ∈ Grid.expand(s), seed ∈ s.seeds }
 *   SAME       the spec hashes are equal
 *   EXTENSION  same name and runs(held) ⊆ runs(s): seeds, grid values or grid blocks were added
 *              (or keys were rewritten without changing any run, e.g. a base value that every
 *              block overrides with an axis); the directory gains runs(s) \ runs(held)
 *   CONFLICT   another name, or a run of the directory that is not a run of s: a base value that
 *              enters the cells changed, or a seed, grid value or block was removed
 * </pre>
 * A cell is identified by its cell id, a hash of all its resolved parameters, so how a spec is
 * written (block order, quoted or nested keys) does not matter. {@link #keys()} names every key
 * whose value differs, with what changed: {@code seeds (+5, 6)}, {@code grid.width (-4)},
 * {@code train.lr (0.02 → 0.5)}.
 *
 * @param kind      the relation
 * @param keys      the differing keys, each with its change, sorted by key
 * @param addedRuns runs of the new spec that the held one lacks
 * @param dropped   runs of the held spec that the new one lacks (CONFLICT only, else 0)
 */
public record SpecChange(Kind kind, List<String> keys, long addedRuns, long dropped) {
    /** The relation of a spec to the held one. */
    public enum Kind {
        SAME, EXTENSION, CONFLICT
    }

    private static final int MAX_VALUE_CHARS = 40;
    private static final int MAX_LIST_VALUES = 8;
    private static final String SWEEP_PREFIX = SpecParser.SWEEP + ".";

    public SpecChange {
        keys = List.copyOf(keys);
    }

    /**
     * @param held   the spec of the output directory. Not modified.
     * @param wanted the spec to run. Not modified.
     */
    public static SpecChange between(SweepSpec held, SweepSpec wanted) {
        if (held.hash().equals(wanted.hash())) {
            return new SpecChange(Kind.SAME, List.of(), 0, 0);
        }
        List<String> keys = describeDifferences(held.toConfig(), wanted.toConfig());
        List<Cell> heldCells = Grid.expand(held);
        List<Cell> wantedCells = Grid.expand(wanted);
        Set<String> wantedIds = new HashSet<>();
        for (Cell c : wantedCells) {
            wantedIds.add(c.cellId());
        }
        Set<Long> wantedSeeds = new HashSet<>(wanted.seeds());
        long keptCells = 0;
        for (Cell c : heldCells) {
            keptCells += wantedIds.contains(c.cellId()) ? 1 : 0;
        }
        long keptSeeds = 0;
        for (long s : held.seeds()) {
            keptSeeds += wantedSeeds.contains(s) ? 1 : 0;
        }
        long heldRuns = (long) heldCells.size() * held.seeds().size();
        long kept = keptCells * keptSeeds;
        long wantedRuns = (long) wantedCells.size() * wanted.seeds().size();
        if (!held.name().equals(wanted.name()) || kept < heldRuns) {
            return new SpecChange(Kind.CONFLICT, keys, wantedRuns - kept, heldRuns - kept);
        }
        return new SpecChange(Kind.EXTENSION, keys, wantedRuns - heldRuns, 0);
    }

    /** The keys as one phrase: {@code seeds (+5, 6), grid.width (-4)}. */
    public String keyList() {
        return keys.isEmpty() ? "no key (the spec was written by another clsweep version)" : String.join(", ", keys);
    }

    /** Dotted spec keys (without {@code sweep.}) whose values differ, sorted, each with its change. */
    static List<String> describeDifferences(Config a, Config b) {
        List<String> out = new ArrayList<>();
        List<String> keys = differingKeys(a, b);
        for (String k : keys) {
            if (underAnother(k, keys)) {
                continue;
            }
            String path = SWEEP_PREFIX + k;
            ConfigValue va = a.hasPath(path) ? a.getValue(path) : null;
            ConfigValue vb = b.hasPath(path) ? b.getValue(path) : null;
            out.add(k + " (" + (k.equals(SpecParser.GRID) ? blocks(va) + " → " + blocks(vb) : change(va, vb)) + ")");
        }
        return out;
    }

    /** Dotted spec keys (without {@code sweep.}) whose values differ between two resolved specs, sorted. */
    static List<String> differingKeys(Config a, Config b) {
        TreeSet<String> keys = new TreeSet<>();
        for (Map.Entry<String, ConfigValue> e : a.entrySet()) {
            keys.add(e.getKey());
        }
        for (Map.Entry<String, ConfigValue> e : b.entrySet()) {
            keys.add(e.getKey());
        }
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            Object va = a.hasPath(k) ? a.getValue(k).unwrapped() : null;
            Object vb = b.hasPath(k) ? b.getValue(k).unwrapped() : null;
            if (va == null ? vb != null : !numbersAware(va).equals(numbersAware(vb))) {
                out.add(k.startsWith(SWEEP_PREFIX) ? k.substring(SWEEP_PREFIX.length()) : k);
            }
        }
        return out;
    }

    /** Whether a key lies under another differing key (a grid that became a list of blocks). */
    private static boolean underAnother(String key, List<String> keys) {
        for (String k : keys) {
            if (key.startsWith(k + ".")) {
                return true;
            }
        }
        return false;
    }

    /** "1 block" / "3 blocks": a grid is one object of axes or a list of them. */
    private static String blocks(ConfigValue grid) {
        int n = grid == null ? 0 : grid.valueType() == ConfigValueType.LIST ? ((List<?>) grid.unwrapped()).size() : 1;
        return n + (n == 1 ? " block" : " blocks");
    }

    /** "+5, 6" / "-4" for lists of plain values, else "old → new". */
    private static String change(ConfigValue a, ConfigValue b) {
        if (a != null && b != null && a.valueType() == ConfigValueType.LIST && b.valueType() == ConfigValueType.LIST
                && plain((List<?>) a.unwrapped()) && plain((List<?>) b.unwrapped())) {
            Set<Object> before = normalised((List<?>) a.unwrapped());
            Set<Object> after = normalised((List<?>) b.unwrapped());
            StringJoiner j = new StringJoiner("; ");
            List<Object> added = new ArrayList<>(after);
            added.removeAll(before);
            List<Object> removed = new ArrayList<>(before);
            removed.removeAll(after);
            if (!added.isEmpty()) {
                j.add("+" + values(added));
            }
            if (!removed.isEmpty()) {
                j.add("-" + values(removed));
            }
            return j.length() == 0 ? "reordered" : j.toString();
        }
        return render(a) + " → " + render(b);
    }

    private static boolean plain(List<?> l) {
        for (Object o : l) {
            if (o instanceof Map || o instanceof List) {
                return false;
            }
        }
        return true;
    }

    private static Set<Object> normalised(List<?> l) {
        Set<Object> out = new LinkedHashSet<>();
        for (Object o : l) {
            out.add(numbersAware(o));
        }
        return out;
    }

    private static String values(List<Object> l) {
        StringJoiner j = new StringJoiner(", ");
        for (int i = 0; i < Math.min(l.size(), MAX_LIST_VALUES); i++) {
            Object o = l.get(i);
            j.add(o instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue())
                    : String.valueOf(o));
        }
        return j + (l.size() > MAX_LIST_VALUES ? " and " + (l.size() - MAX_LIST_VALUES) + " more" : "");
    }

    private static String render(ConfigValue v) {
        if (v == null) {
            return "absent";
        }
        String s = v.render(ConfigRenderOptions.concise());
        return s.length() > MAX_VALUE_CHARS ? s.substring(0, MAX_VALUE_CHARS) + "…" : s;
    }

    private static Object numbersAware(Object v) {
        return v instanceof Number n ? (Object) n.doubleValue() : v == null ? "null" : v;
    }
}
