package org.clsweep.jobs.export.section;

import java.util.ArrayList;
import java.util.List;
import org.clsweep.jobs.export.query.QueryResult;

/**
 * A figure query's result with its rows split into series by the key columns
 * ({@link RowGroups}), and the pass every figure makes over them: series g in colour g.
 *
 * @param table  the query's result
 * @param keys   the series keys. Not modified.
 * @param groups the series, in the result's order. Not modified.
 */
record SeriesRows(QueryResult table, List<String> keys, List<RowGroups.Group> groups) {
    /** Draws one series (or a pair, e.g. an observation and its prediction) and returns its checks. */
    interface SeriesDrawer {
        List<PredictionCheck> draw(RowGroups.Group series, int colour);
    }

    SeriesRows {
        keys = List.copyOf(keys);
        groups = List.copyOf(groups);
    }

    /** {@code table}'s rows grouped by {@code keys}. */
    static SeriesRows of(QueryResult table, List<String> keys) {
        return new SeriesRows(table, keys, RowGroups.of(table, keys));
    }

    /** Calls {@code drawer} for each series with its index as colour, and collects the checks. */
    List<PredictionCheck> drawEach(SeriesDrawer drawer) {
        List<PredictionCheck> checks = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            checks.addAll(drawer.draw(groups.get(g), g));
        }
        return checks;
    }

    /**
     * The same series cut to the rows whose {@code column} equals {@code value}; a series left
     * without rows is dropped, the others keep their labels.
     */
    SeriesRows where(String column, Object value) {
        List<RowGroups.Group> cut = new ArrayList<>();
        for (RowGroups.Group grp : groups) {
            List<Integer> rows = new ArrayList<>();
            for (int r : grp.rows()) {
                if (value.equals(table.value(r, column))) {
                    rows.add(r);
                }
            }
            if (!rows.isEmpty()) {
                cut.add(new RowGroups.Group(grp.label(), grp.key(), rows));
            }
        }
        return new SeriesRows(table, keys, cut);
    }
}
