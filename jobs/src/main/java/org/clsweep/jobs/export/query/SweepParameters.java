package org.clsweep.jobs.export.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clsweep.data.spec.ModelKind;
import org.clsweep.data.spec.SpecKey;

/**
 * The sweep's parameter columns (every runs-table column the schema does not list as an id,
 * status, metric or bookkeeping column) and, for those that take more than one value, their
 * values: the grid axes. Figures plot against one axis, split series by a few named ones, and add
 * every other axis that varies among the figure's model's runs to the series key, so that no two
 * cells are silently drawn as one.
 */
public final class SweepParameters {
    /** The column that names the model, by which the axes of each model's figures are found. */
    static final String MODEL = SpecKey.MODEL.column();
    private static final String GROUP = "model_group";

    private final Map<String, List<Object>> varying;
    private final Map<String, Set<String>> varyingByModel;

    private SweepParameters(Map<String, List<Object>> varying, Map<String, Set<String>> varyingByModel) {
        this.varying = Collections.unmodifiableMap(varying);
        this.varyingByModel = Collections.unmodifiableMap(varyingByModel);
    }

    /**
     * Reads the parameter columns of the runs table and the values of those that vary, overall
     * and per model, in one Spark job. The query is internal (the notebook lists its result, not
     * the query) and uses Spark's {@code collect_set}.
     */
    public static SweepParameters read(SparkQueries queries, SweepSchema schema) {
        List<String> columns = new ArrayList<>();
        for (String c : queries.columns(new SqlQuery("SELECT * FROM {runs}"))) {
            if (!schema.runNonParameterColumns().contains(c)) {
                columns.add(c);
            }
        }
        Map<String, List<Object>> varying = new LinkedHashMap<>();
        Map<String, Set<String>> varyingByModel = new LinkedHashMap<>();
        if (columns.isEmpty()) {
            return new SweepParameters(varying, varyingByModel);
        }
        boolean byModel = columns.contains(MODEL);
        List<String> sets = new ArrayList<>();
        if (byModel) {
            sets.add(MODEL + " AS " + GROUP);
        }
        for (String c : columns) {
            sets.add("collect_set(" + c + ") AS " + c);
        }
        QueryResult t = queries.run(new SqlQuery(SqlQuery.select(sets) + "\nFROM {runs}"
                + (byModel ? "\nGROUP BY " + MODEL : "")), "grid axes");
        Map<String, Set<Object>> all = new LinkedHashMap<>();
        for (int r = 0; r < t.size(); r++) {
            Set<String> axes = new LinkedHashSet<>();
            for (String c : columns) {
                List<?> values = (List<?>) t.value(r, c);
                all.computeIfAbsent(c, k -> new LinkedHashSet<>()).addAll(values);
                if (values.size() > 1) {
                    axes.add(c);
                }
            }
            if (byModel) {
                varyingByModel.put(t.text(r, GROUP), Collections.unmodifiableSet(axes));
            }
        }
        for (String c : columns) {
            Set<Object> values = all.getOrDefault(c, Set.of());
            if (values.size() > 1) {
                List<Object> sorted = new ArrayList<>(values);
                sorted.sort(SweepParameters::compare);
                varying.put(c, Collections.unmodifiableList(sorted));
            }
        }
        return new SweepParameters(varying, varyingByModel);
    }

    /** Numbers, strings and booleans in their natural order; anything else by its text. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        if (a instanceof Comparable ca && b != null && a.getClass() == b.getClass()) {
            return ca.compareTo(b);
        }
        return QueryResult.format(a).compareTo(QueryResult.format(b));
    }

    /** The grid axes: varying parameter → its values, ascending. */
    public Map<String, List<Object>> varying() {
        return varying;
    }

    /**
     * The columns that tell a figure's series apart: {@code leading}, then every other parameter
     * that varies among the runs of {@code model}, except {@code excluded}.
     *
     * @param leading  the columns every series is named by. Not modified.
     * @param excluded further parameters that are not series keys (e.g. the x axis)
     */
    public List<String> seriesKeys(ModelKind model, List<String> leading, String... excluded) {
        List<String> ex = new ArrayList<>(leading);
        ex.addAll(Arrays.asList(excluded));
        List<String> keys = new ArrayList<>(leading);
        keys.addAll(varyingExcept(model, ex.toArray(new String[0])));
        return keys;
    }

    /**
     * The parameters that vary among the runs of {@code model} (all runs when the table has no
     * {@code model} column), other than {@code excluded}, in table order.
     */
    public List<String> varyingExcept(ModelKind model, String... excluded) {
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
