package org.clsweep.jobs.output;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import org.clsweep.jobs.grid.Cell;
import org.clsweep.jobs.grid.Grid;
import org.clsweep.jobs.spec.SpecDiff;
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
 * whose value differs ({@link SpecDiff}), with what changed: {@code seeds (+5, 6)}, {@code grid.width (-4)},
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
        List<String> keys = describeDifferences(held, wanted);
        List<Cell> heldCells = Grid.expand(held);
        List<Cell> wantedCells = Grid.expand(wanted);
        Set<String> wantedIds = new HashSet<>();
        for (Cell c : wantedCells) {
            wantedIds.add(c.cellId());
        }
        long keptCells = 0;
        for (Cell c : heldCells) {
            keptCells += wantedIds.contains(c.cellId()) ? 1 : 0;
        }
        long keptSeeds = held.seeds().sorted().intersect(wanted.seeds().sorted()).size();
        long heldRuns = heldCells.size() * held.seeds().count();
        long kept = keptCells * keptSeeds;
        long wantedRuns = wantedCells.size() * wanted.seeds().count();
        if (!held.name().equals(wanted.name()) || kept < heldRuns) {
            return new SpecChange(Kind.CONFLICT, keys, wantedRuns - kept, heldRuns - kept);
        }
        return new SpecChange(Kind.EXTENSION, keys, wantedRuns - heldRuns, 0);
    }

    /** The keys as one phrase: {@code seeds (+5, 6), grid.width (-4)}. */
    public String keyList() {
        return keys.isEmpty() ? "no key (the spec was written by another clsweep version)" : String.join(", ", keys);
    }

    /** Each differing key with its change: {@code train.lr (0.02 → 0.5)}, {@code seeds (+5, 6)}. */
    static List<String> describeDifferences(SweepSpec held, SweepSpec wanted) {
        List<String> out = new ArrayList<>();
        for (SpecDiff.Difference d : SpecDiff.between(held, wanted)) {
            String change = d.key().equals(SpecParser.GRID) ? blocks(d.before()) + " → " + blocks(d.after())
                    : change(d.before(), d.after());
            out.add(d.key() + " (" + change + ")");
        }
        return out;
    }

    /** "1 block" / "3 blocks". */
    private static String blocks(Object count) {
        int n = (Integer) count;
        return n + (n == 1 ? " block" : " blocks");
    }

    /** "+5, 6" / "-4" for two lists, else "old → new". */
    private static String change(Object a, Object b) {
        if (a instanceof List<?> before && b instanceof List<?> after) {
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

    private static String values(List<Object> l) {
        StringJoiner j = new StringJoiner(", ");
        for (int i = 0; i < Math.min(l.size(), MAX_LIST_VALUES); i++) {
            Object o = l.get(i);
            j.add(o instanceof String str ? str : SpecDiff.text(o));
        }
        return j + (l.size() > MAX_LIST_VALUES ? " and " + (l.size() - MAX_LIST_VALUES) + " more" : "");
    }

    private static String render(Object v) {
        if (v == null) {
            return "absent";
        }
        String s = SpecDiff.text(v);
        return s.length() > MAX_VALUE_CHARS ? s.substring(0, MAX_VALUE_CHARS) + "…" : s;
    }
}
