package org.clsweep.jobs.grid;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.clsweep.data.spec.RunSpec;
import org.clsweep.data.spec.SpecKey;

/**
 * One grid cell: a fully resolved, validated run spec and where it came from.
 *
 * @param index position in the expansion order of {@link Grid#expand}, 0-based
 * @param block the grid block the cell belongs to, 0-based
 * @param point the values of the block's axes, in {@link SpecKey} order
 * @param spec  the resolved parameters
 */
public record Cell(int index, int block, Map<SpecKey, Object> point, RunSpec spec) {
    public Cell {
        point = Collections.unmodifiableMap(new LinkedHashMap<>(point));
    }

    /** The stable cell id: 16 hex digits of the SHA-256 of the resolved parameters. */
    public String cellId() {
        return spec.cellId();
    }

    /** The axis values as {@code activation=relu, width=4}; {@code (no grid axes)} for a lone cell. */
    public String label() {
        return label(point);
    }

    /** {@link #label()} of any point. */
    static String label(Map<SpecKey, Object> point) {
        if (point.isEmpty()) {
            return "(no grid axes)";
        }
        StringJoiner j = new StringJoiner(", ");
        for (Map.Entry<SpecKey, Object> e : point.entrySet()) {
            j.add(e.getKey().key() + "=" + e.getValue());
        }
        return j.toString();
    }
}
