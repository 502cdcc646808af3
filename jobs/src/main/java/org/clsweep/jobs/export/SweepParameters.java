package org.clsweep.jobs.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clsweep.data.spec.ModelKind;

/**
 * The sweep's parameter columns (every runs-table column the schema does not list as an id,
 * status, metric or bookkeeping column) and, for those that take more than one value, their
 * values: the grid axes. Figures plot against one axis, split series by a few named ones, and add
 * every other axis that varies among the figure's model's runs to the series key, so that no two
 * cells are silently drawn as one.
 */
final class SweepParameters {
    /** The column that names the model, by which the axes of each model's figures are found. */
    static final String MODEL = "model";

    private final List<String> columns;
    private final Map<String, List<Object>> varying;
    private final Map<String, Set<String>> varyingByModel;

    private SweepParameters(List<String> columns, Map<String, List<Object>> varying,
                            Map<String, Set<String>> varyingByModel) {
        this.columns = List.copyOf(columns);
        this.varying = Collections.unmodifiableMap(varying);
        this.varyingByModel = Collections.unmodifiableMap(varyingByModel);
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
        Map<String, Set<String>> varyingByModel = new LinkedHashMap<>();
        if (columns.isEmpty()) {
            return new SweepParameters(columns, varying, varyingByModel);
        }
        boolean byModel = columns.contains(MODEL);
        List<String> counts = new ArrayList<>();
        for (String c : columns) {
            counts.add("COUNT(DISTINCT " + c + ") AS " + c);
        }
        ResultTable all = queries.run(new SqlQuery(SqlQuery.select(counts) + "\nFROM {runs}"), "grid axes");
        for (String c : columns) {
            if (all.number(0, c) > 1) {
                ResultTable values = queries.run(new SqlQuery("SELECT DISTINCT " + c + " FROM {runs} ORDER BY " + c),
                        "values of " + c);
                List<Object> v = new ArrayList<>(values.size());
                for (int r = 0; r < values.size(); r++) {
                    v.add(values.value(r, c));
                }
                varying.put(c, Collections.unmodifiableList(v));
            }
        }
        if (byModel) {
            List<String> perModel = new ArrayList<>();
            perModel.add(MODEL);
            for (String c : columns) {
                if (!c.equals(MODEL)) {
                    perModel.add("COUNT(DISTINCT " + c + ") AS " + c);
                }
            }
            ResultTable per = queries.run(new SqlQuery(SqlQuery.select(perModel) + "\nFROM {runs}\nGROUP BY " + MODEL),
                    "grid axes per model");
            for (int r = 0; r < per.size(); r++) {
                Set<String> axes = new LinkedHashSet<>();
                for (String c : columns) {
                    if (!c.equals(MODEL) && per.number(r, c) > 1) {
                        axes.add(c);
                    }
                }
                varyingByModel.put(per.text(r, MODEL), Collections.unmodifiableSet(axes));
            }
        }
        return new SweepParameters(columns, varying, varyingByModel);
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

    /**
     * The parameters that vary among the runs of {@code model} (all runs when the table has no
     * {@code model} column), other than {@code excluded}, in table order.
     */
    List<String> varyingExcept(ModelKind model, String... excluded) {
        Set<String> axes = varyingByModel.isEmpty() ? varying.keySet()
                : varyingByModel.getOrDefault(model.specName(), Set.of());
        List<String> ex = Arrays.asList(excluded);
        List<String> out = new ArrayList<>();
        for (String c : axes) {
            if (!ex.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }
}
