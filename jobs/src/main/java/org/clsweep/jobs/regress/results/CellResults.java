package org.clsweep.jobs.regress.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What one side of the comparison holds for one grid cell: the cell's coordinates on the grid
 * axes, its run counts by status, and a sample per metric.
 *
 * <p>Cells are matched across the two sides by their coordinates — the values of the grid axes,
 * e.g. {@code activation=relu, width=4} — not by {@code cell_id}: the id hashes every resolved
 * parameter, so a deliberate perturbation of a non-grid key (or a new spec field in a later
 * code version) would change every id while the cell is still the same grid point.
 *
 * @param coordinates grid axis (dotted spec key) → value as text, in grid order; empty for a
 *                    sweep without a grid
 * @param cellId      the cell's {@code cell_id} on this side
 * @param ok          runs with status OK
 * @param diverged    runs with status DIVERGED
 * @param failed      runs with status FAILED
 * @param metrics     metric column → sample of its OK runs; metrics without data may be absent
 */
public record CellResults(Map<String, String> coordinates, String cellId, int ok, int diverged, int failed,
                          Map<String, MetricSample> metrics) {
    public CellResults {
        coordinates = Collections.unmodifiableMap(new LinkedHashMap<>(coordinates));
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        if (ok < 0 || diverged < 0 || failed < 0) {
            throw new IllegalArgumentException("run counts must be >= 0, found ok = " + ok + ", diverged = "
                    + diverged + ", failed = " + failed);
        }
    }

    /** All runs of the cell. */
    public int runs() {
        return ok + diverged + failed;
    }

    /** The human label of the cell: {@code activation=relu, width=4}, or {@code (no grid axes)}. */
    public String label() {
        return label(coordinates);
    }

    /** The sample of a metric, empty when the cell has none. */
    public MetricSample metric(String column) {
        MetricSample s = metrics.get(column);
        return s == null ? MetricSample.ofValues(new double[0]) : s;
    }

    /** The label of a coordinate map. */
    public static String label(Map<String, String> coordinates) {
        if (coordinates.isEmpty()) {
            return "(no grid axes)";
        }
        StringJoiner j = new StringJoiner(", ");
        for (Map.Entry<String, String> e : coordinates.entrySet()) {
            j.add(e.getKey() + "=" + e.getValue());
        }
        return j.toString();
    }
}
