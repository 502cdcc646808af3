package org.clsweep.jobs.regress;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One side of the comparison: every cell of a sweep output directory.
 *
 * @param source where the samples came from: {@link Source#RUNS} (per-seed values) or
 *               {@link Source#AGGREGATES} (mean, std and n only)
 * @param cells  the cells, each with distinct coordinates
 */
public record SweepResults(Source source, List<CellResults> cells) {
    /** Which table the samples were read from. */
    public enum Source {
        /** {@code runs/}: per-seed values. */
        RUNS,
        /** {@code aggregates/}: per-cell mean, std and n. */
        AGGREGATES
    }

    public SweepResults {
        cells = List.copyOf(cells);
        Map<Map<String, String>, CellResults> seen = new LinkedHashMap<>();
        for (CellResults c : cells) {
            if (seen.put(c.coordinates(), c) != null) {
                throw new IllegalArgumentException("two cells share the coordinates " + c.label());
            }
        }
    }

    /** The cells by coordinates, in this side's order. */
    public Map<Map<String, String>, CellResults> byCoordinates() {
        Map<Map<String, String>, CellResults> m = new LinkedHashMap<>();
        for (CellResults c : cells) {
            m.put(c.coordinates(), c);
        }
        return m;
    }

    /** The total number of runs over all cells. */
    public int runs() {
        int n = 0;
        for (CellResults c : cells) {
            n += c.runs();
        }
        return n;
    }
}
