package org.clsweep.jobs.regress.results;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /**
     * These results with some axes left out of every cell's coordinates — to match cells across
     * a deliberate change of those axes — or null when two cells would then share coordinates.
     *
     * @param axes the axes to leave out
     */
    public SweepResults withoutAxes(Collection<String> axes) {
        List<CellResults> out = new ArrayList<>(cells.size());
        Set<Map<String, String>> seen = new HashSet<>();
        for (CellResults c : cells) {
            Map<String, String> coordinates = new LinkedHashMap<>(c.coordinates());
            coordinates.keySet().removeAll(axes);
            if (!seen.add(coordinates)) {
                return null;
            }
            out.add(new CellResults(coordinates, c.cellId(), c.ok(), c.diverged(), c.failed(), c.metrics()));
        }
        return new SweepResults(source, out);
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
