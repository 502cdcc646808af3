package org.clsweep.jobs.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sweep's parameter columns (every runs-table column the schema does not list as an id,
 * status, metric or bookkeeping column) and, for those that take more than one value, their
 * values: the grid axes. Figures plot against one axis, split series by a few named ones, and add
 * every other varying axis to the series label so that no two cells are silently averaged.
 */
final class SweepParameters {
    private final List<String> columns;
    private final Map<String, List<Object>> varying;

    private SweepParameters(List<String> columns, Map<String, List<Object>> varying) {
        this.columns = List.copyOf(columns);
        this.varying = Collections.unmodifiableMap(varying);
    }

    /** Reads the parameter columns of the runs table and the values of those that vary. */
    static SweepParameters read(SparkQueries queries, SweepSchema schema) {
        ResultTable head = queries.run(new SqlQuery("SELECT * FROM {runs} LIMIT 0"), "runs schema");
        List<String> columns = new ArrayList<>();
        for (String c : head.columns()) {
            if (!schema.runNonParameterColumns().contains(c)) {
                columns.add(c);
            }
        }
        Map<String, List<Object>> varying = new LinkedHashMap<>();
        if (columns.isEmpty()) {
            return new SweepParameters(columns, varying);
        }
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("COUNT(DISTINCT ").append(columns.get(i)).append(") AS ")
                    .append(columns.get(i));
        }
        ResultTable counts = queries.run(new SqlQuery(sql.append(" FROM {runs}").toString()), "grid axes");
        for (String c : columns) {
            if (counts.number(0, c) > 1) {
                ResultTable values = queries.run(new SqlQuery("SELECT DISTINCT " + c + " FROM {runs} ORDER BY " + c),
                        "values of " + c);
                List<Object> v = new ArrayList<>(values.size());
                for (int r = 0; r < values.size(); r++) {
                    v.add(values.value(r, c));
                }
                varying.put(c, Collections.unmodifiableList(v));
            }
        }
        return new SweepParameters(columns, varying);
    }

    /** All parameter columns, in table order. */
    List<String> columns() {
        return columns;
    }

    /** The grid axes: varying parameter → its values, ascending. */
    Map<String, List<Object>> varying() {
        return varying;
    }

    boolean varies(String column) {
        return varying.containsKey(column);
    }

    /** The varying parameters other than {@code excluded}, in table order. */
    List<String> varyingExcept(String... excluded) {
        List<String> ex = Arrays.asList(excluded);
        List<String> out = new ArrayList<>();
        for (String c : varying.keySet()) {
            if (!ex.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }
}
