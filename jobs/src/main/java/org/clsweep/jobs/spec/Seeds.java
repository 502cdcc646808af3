package org.clsweep.jobs.spec;

import java.io.Serializable;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * {@code sweep.seeds}: distinct seeds in spec order, held as runs of consecutive ascending seeds,
 * so that a count ({@code seeds = 1000000}) or a range takes a few numbers of memory however many
 * seeds it means. A read-only {@link List}: element i is found by a binary search over the runs'
 * start positions. Immutable.
 *
 * <pre>
 *   runs       r_j = [from_j, to_j], consecutive ascending seeds; maximal: to_j + 1 ≠ from_{j+1}
 *   seed i     from_j + (i − start_j)   for the run j with start_j ≤ i &lt; start_{j+1},  start_j = Σ_{k&lt;j} |r_k|
 *   compact    n                        when the seeds are 1..n
 *              [a, {from = b, to = c}, …]  otherwise: a run of 3 or more seeds as a range object
 * </pre>
 * The spec hash is taken of the seeds written out one by one (as they always were), so a spec's
 * hash does not depend on how its seeds are written; the manifest holds the {@link #compact()} form.
 */
public final class Seeds extends AbstractList<Long> implements RandomAccess, Serializable {
    private static final long serialVersionUID = 1L;
    /** The range object's keys in the compact form. */
    public static final String FROM = "from";
    public static final String TO = "to";
    /** The shortest run written as a range object in the compact form. */
    private static final int SHORTEST_RANGE = 3;

    private final long[] from;
    private final long[] to;
    /** start[j]: the list position of from[j]; start[runs] = size. */
    private final long[] start;
    private transient SeedRanges sorted;

    private Seeds(long[] from, long[] to) {
        this.from = from;
        this.to = to;
        this.start = new long[from.length + 1];
        for (int j = 0; j < from.length; j++) {
            start[j + 1] = start[j] + (to[j] - from[j] + 1);
        }
    }

    /** The seeds 1..n. */
    public static Seeds count(long n) {
        if (n < 1) {
            throw new IllegalArgumentException("a seed count is at least 1, found " + n);
        }
        return new Seeds(new long[] {1}, new long[] {n});
    }

    /**
     * The seeds of ranges in spec order, each range's seeds ascending.
     *
     * @param first the first seed of each range. Not modified.
     * @param last  the last seed of each range (≥ its first), same length. Not modified.
     */
    public static Seeds ofRanges(long[] first, long[] last) {
        long[] f = new long[first.length];
        long[] l = new long[first.length];
        int n = 0;
        for (int i = 0; i < first.length; i++) {
            if (last[i] < first[i]) {
                throw new IllegalArgumentException("seed range " + first[i] + ".." + last[i] + " is empty");
            }
            if (n > 0 && l[n - 1] != Long.MAX_VALUE && first[i] == l[n - 1] + 1) {
                l[n - 1] = last[i];
            } else {
                f[n] = first[i];
                l[n] = last[i];
                n++;
            }
        }
        return new Seeds(Arrays.copyOf(f, n), Arrays.copyOf(l, n));
    }

    /** The listed seeds, in order. */
    public static Seeds of(List<Long> seeds) {
        long[] s = new long[seeds.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = seeds.get(i);
        }
        return ofRanges(s, s);
    }

    @Override
    public int size() {
        long n = start[from.length];
        if (n > Integer.MAX_VALUE) {
            throw new IllegalStateException(n + " seeds are more than a list can count; use count()");
        }
        return (int) n;
    }

    /**
     * Every seed plus {@code offset}, in the same order.
     *
     * @throws ArithmeticException if a seed overflows
     */
    public Seeds shifted(long offset) {
        long[] f = new long[from.length];
        long[] l = new long[from.length];
        for (int j = 0; j < from.length; j++) {
            f[j] = Math.addExact(from[j], offset);
            l[j] = Math.addExact(to[j], offset);
        }
        return new Seeds(f, l);
    }

    /** The number of seeds. */
    public long count() {
        return start[from.length];
    }

    @Override
    public Long get(int index) {
        if (index < 0 || index >= count()) {
            throw new IndexOutOfBoundsException("seed " + index + " of " + count());
        }
        int j = Arrays.binarySearch(start, index);
        int run = j >= 0 ? j : -j - 2;
        return from[run] + (index - start[run]);
    }

    @Override
    public boolean contains(Object o) {
        return o instanceof Long s && sorted().contains(s);
    }

    /** The seeds as a set of sorted ranges. */
    public SeedRanges sorted() {
        if (sorted == null) {
            sorted = SeedRanges.union(from, to);
        }
        return sorted;
    }

    /** Whether every seed is distinct. */
    public boolean distinct() {
        return sorted().size() == count();
    }

    /** The number of runs of consecutive ascending seeds. */
    public int runCount() {
        return from.length;
    }

    /** The first seed of run j (runs in spec order). */
    public long runFirst(int j) {
        return from[j];
    }

    /** The last seed of run j. */
    public long runLast(int j) {
        return to[j];
    }

    /**
     * The compact form (class comment): a {@link Long} count, or a list of {@link Long} seeds and
     * {@code {from, to}} maps, for a spec file or the manifest.
     */
    public Object compact() {
        if (from.length == 1 && from[0] == 1) {
            return to[0];
        }
        List<Object> out = new ArrayList<>();
        for (int j = 0; j < from.length; j++) {
            if (to[j] - from[j] + 1 >= SHORTEST_RANGE) {
                Map<String, Object> range = new LinkedHashMap<>();
                range.put(FROM, from[j]);
                range.put(TO, to[j]);
                out.add(range);
            } else {
                for (long s = from[j]; s <= to[j]; s++) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        if (o instanceof Seeds s) {
            return Arrays.equals(from, s.from) && Arrays.equals(to, s.to);
        }
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
