package org.clsweep.jobs.spec;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Arrays;

/**
 * The distinct seeds among a cell's rows, held as ranges ({@link SeedRanges}) rather than a set
 * entry per run: seeds arrive into a small buffer, which is sorted and merged into the ranges
 * when full, when tallies merge and before the tally is sent from an executor. A cell with a
 * million consecutive seeds is one range, whatever the order its rows come in.
 *
 * <pre>
 *   rows      seeds added (with repeats)
 *   distinct  |⋃ seeds| = the ranges' size        rows &gt; distinct ⇔ some seed was added twice
 * </pre>
 */
public final class SeedTally implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Seeds buffered before they are merged into the ranges. */
    private static final int BUFFER = 4096;

    private SeedRanges ranges = SeedRanges.EMPTY;
    private long rows;
    private transient long[] buffer = new long[BUFFER];
    private transient int buffered;

    public void add(long seed) {
        if (buffered == buffer.length) {
            flush();
        }
        buffer[buffered++] = seed;
        rows++;
    }

    /** Adds the seeds of {@code other}. */
    public void merge(SeedTally other) {
        flush();
        other.flush();
        ranges = ranges.union(other.ranges);
        rows += other.rows;
    }

    /** Seeds added, with repeats. */
    public long rows() {
        return rows;
    }

    /** Distinct seeds added. */
    public long distinct() {
        return ranges().size();
    }

    /** The distinct seeds added. */
    public SeedRanges ranges() {
        flush();
        return ranges;
    }

    private void flush() {
        if (buffered == 0) {
            return;
        }
        long[] s = Arrays.copyOf(buffer, buffered);
        Arrays.sort(s);
        ranges = ranges.union(SeedRanges.union(s, s));
        buffered = 0;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        flush();
        out.defaultWriteObject();
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        buffer = new long[BUFFER];
    }
}
