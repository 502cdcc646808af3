package org.clsweep.jobs.sweep;

import java.io.Serializable;

/**
 * Runs of one cell with consecutive seeds, an element of a bin's input RDD: the runs
 * (cell, s) for s = first..last. A bin of a million-run sweep is a handful of segments, so a
 * task's size does not grow with the runs it does.
 *
 * @param cellIndex the cell's index in the plan
 * @param first     the first seed
 * @param last      the last seed, ≥ first
 */
public record RunSegment(int cellIndex, long first, long last) implements Serializable {
    public RunSegment {
        if (last < first) {
            throw new IllegalArgumentException("segment " + first + ".." + last + " of cell " + cellIndex
                    + " holds no seed");
        }
    }

    /** last − first + 1. */
    public long runs() {
        return last - first + 1;
    }
}
