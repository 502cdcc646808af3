package org.clsweep.jobs.spec;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A set of seeds as sorted, disjoint, non-adjacent inclusive ranges [first_i, last_i] with
 * last_i + 1 &lt; first_{i+1}. Memory and every operation are linear in the number of ranges, never
 * in the number of seeds: a million consecutive seeds are one range. Immutable.
 *
 * <pre>
 *   size      = Σ_i (last_i − first_i + 1)
 *   a.minus(b) = { s ∈ a : s ∉ b }          (a merge of the two sorted range lists)
 * </pre>
 */
public final class SeedRanges implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The empty set. */
    public static final SeedRanges EMPTY = new SeedRanges(new long[0], new long[0]);

    private final long[] first;
    private final long[] last;
    private final long size;

    private SeedRanges(long[] first, long[] last) {
        this.first = first;
        this.last = last;
        long n = 0;
        for (int i = 0; i < first.length; i++) {
            n += last[i] - first[i] + 1;
        }
        this.size = n;
    }

    /**
     * The union of ranges given in any order, overlapping or not.
     *
     * @param from the first seed of each range. Not modified.
     * @param to   the last seed of each range (≥ its first), same length. Not modified.
     */
    public static SeedRanges union(long[] from, long[] to) {
        if (from.length != to.length) {
            throw new IllegalArgumentException(from.length + " range starts but " + to.length + " range ends");
        }
        Integer[] order = new Integer[from.length];
        for (int i = 0; i < order.length; i++) {
            if (to[i] < from[i]) {
                throw new IllegalArgumentException("range " + from[i] + ".." + to[i] + " is empty");
            }
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Long.compare(from[x], from[y]));
        long[] f = new long[from.length];
        long[] l = new long[from.length];
        int n = 0;
        for (Integer i : order) {
            if (n > 0 && (from[i] <= l[n - 1] || l[n - 1] != Long.MAX_VALUE && from[i] == l[n - 1] + 1)) {
                l[n - 1] = Math.max(l[n - 1], to[i]);
            } else {
                f[n] = from[i];
                l[n] = to[i];
                n++;
            }
        }
        return new SeedRanges(Arrays.copyOf(f, n), Arrays.copyOf(l, n));
    }

    /** The seeds either set holds. */
    public SeedRanges union(SeedRanges other) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        long[] f = Arrays.copyOf(first, first.length + other.first.length);
        long[] l = Arrays.copyOf(last, f.length);
        System.arraycopy(other.first, 0, f, first.length, other.first.length);
        System.arraycopy(other.last, 0, l, last.length, other.last.length);
        return union(f, l);
    }

    /** The number of seeds. */
    public long size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** The number of ranges. */
    public int rangeCount() {
        return first.length;
    }

    /** The first seed of range i (ranges ascending). */
    public long first(int i) {
        return first[i];
    }

    /** The last seed of range i. */
    public long last(int i) {
        return last[i];
    }

    /** Whether the set holds s: a binary search over the ranges. */
    public boolean contains(long s) {
        int i = Arrays.binarySearch(first, s);
        if (i >= 0) {
            return true;
        }
        int below = -i - 2;
        return below >= 0 && s <= last[below];
    }

    /** The seeds of this set that {@code other} does not hold. */
    public SeedRanges minus(SeedRanges other) {
        long[] f = new long[first.length + other.first.length];
        long[] l = new long[f.length];
        int n = 0;
        int j = 0;
        for (int i = 0; i < first.length; i++) {
            long cursor = first[i];
            boolean open = true;
            while (j < other.first.length && other.last[j] < cursor) {
                j++;
            }
            for (int k = j; k < other.first.length && other.first[k] <= last[i]; k++) {
                if (other.first[k] > cursor) {
                    f[n] = cursor;
                    l[n] = other.first[k] - 1;
                    n++;
                }
                if (other.last[k] >= last[i]) {
                    open = false;
                    break;
                }
                cursor = other.last[k] + 1;
            }
            if (open) {
                f[n] = cursor;
                l[n] = last[i];
                n++;
            }
        }
        return new SeedRanges(Arrays.copyOf(f, n), Arrays.copyOf(l, n));
    }

    /** The seeds of this set that {@code other} also holds: this minus (this minus other). */
    public SeedRanges intersect(SeedRanges other) {
        return minus(minus(other));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SeedRanges r && Arrays.equals(first, r.first) && Arrays.equals(last, r.last);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(first) + Arrays.hashCode(last);
    }

    /** {@code [1..5, 9, 12..20]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < first.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(first[i]);
            if (last[i] != first[i]) {
                sb.append("..").append(last[i]);
            }
        }
        return sb.append(']').toString();
    }
}
