package org.clsweep.jobs.export.section;

import static org.clsweep.jobs.export.query.GridColumns.ACTIVATION;
import static org.clsweep.jobs.export.query.GridColumns.LEAKY_SLOPE;
import static org.clsweep.jobs.export.query.GridColumns.NET_BATCHNORM;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clsweep.dynamics.activation.Activation;
import org.clsweep.jobs.export.query.QueryResult;

/**
 * The rows of a {@link QueryResult} split into series by the values of some key columns, in order
 * of first appearance (queries sort by their keys, so this is the sort order). Each group has a
 * legend label made of the key values that tell it apart from the other groups: the activation as
 * is, BatchNorm as {@code BN} / {@code no BN}, any other column as {@code name=value}.
 */
final class RowGroups {

    /** One series: its label, key values and rows. */
    record Group(String label, Map<String, Object> key, List<Integer> rows) {
        /** The numbers of one column along the group's rows. */
        double[] numbers(QueryResult t, String column) {
            double[] out = new double[rows.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = t.number(rows.get(i), column);
            }
            return out;
        }

        /** The group's activation; the key must hold the {@code activation} column. */
        Activation activation() {
            return Activation.fromSpecName((String) key.get(ACTIVATION));
        }

        /** The prediction regime of the group's activation, with the slope read from {@code t}'s first row. */
        ActivationRegime regime(QueryResult t) {
            return ActivationRegime.of(activation(), t.number(rows.get(0), LEAKY_SLOPE));
        }
    }

    private RowGroups() {
    }

    /**
     * Groups {@code table}'s rows by {@code keys} (no keys: one group of all rows, label ""). The
     * labels name only the key columns needed to tell the groups apart ({@link #labelColumns}).
     */
    static List<Group> of(QueryResult table, List<String> keys) {
        Map<List<Object>, List<Integer>> rows = new LinkedHashMap<>();
        for (int r = 0; r < table.size(); r++) {
            List<Object> k = new ArrayList<>(keys.size());
            for (String c : keys) {
                k.add(table.value(r, c));
            }
            rows.computeIfAbsent(k, x -> new ArrayList<>()).add(r);
        }
        List<Integer> shown = labelColumns(new ArrayList<>(rows.keySet()), keys);
        List<Group> groups = new ArrayList<>(rows.size());
        for (Map.Entry<List<Object>, List<Integer>> e : rows.entrySet()) {
            Map<String, Object> key = new LinkedHashMap<>();
            Map<String, Object> labelled = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                key.put(keys.get(i), e.getKey().get(i));
                if (shown.contains(i)) {
                    labelled.put(keys.get(i), e.getKey().get(i));
                }
            }
            groups.add(new Group(label(labelled), key, List.copyOf(e.getValue())));
        }
        return groups;
    }

    /**
     * The positions of the key columns a legend shows: all of them, less — trying the last column
     * first — every column whose removal leaves the groups' keys distinct (a setting that follows
     * from the ones shown, or is the same in every group, is left out). The activation is always
     * shown: the checks speak of it.
     */
    private static List<Integer> labelColumns(List<List<Object>> groupKeys, List<String> keys) {
        List<Integer> shown = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            shown.add(i);
        }
        for (int i = keys.size() - 1; i >= 0; i--) {
            if (keys.get(i).equals(ACTIVATION)) {
                continue;
            }
            List<Integer> without = new ArrayList<>(shown);
            without.remove(Integer.valueOf(i));
            if (distinct(groupKeys, without)) {
                shown = without;
            }
        }
        return shown;
    }

    private static boolean distinct(List<List<Object>> groupKeys, List<Integer> columns) {
        Set<List<Object>> seen = new HashSet<>();
        for (List<Object> k : groupKeys) {
            List<Object> projected = new ArrayList<>(columns.size());
            for (int c : columns) {
                projected.add(k.get(c));
            }
            if (!seen.add(projected)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The legend text of a key, e.g. {@code relu, BN, geometry_noise=0.2}. The leaky slope is
     * left out when the key's activation is another one (it does not act there).
     */
    static String label(Map<String, Object> key) {
        Object activation = key.get(ACTIVATION);
        boolean slopeActs = activation == null || Activation.LEAKY_RELU.specName().equals(activation);
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Object> e : key.entrySet()) {
            if (e.getKey().equals(LEAKY_SLOPE) && !slopeActs) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(", ");
            }
            String v = QueryResult.format(e.getValue());
            if (e.getKey().equals(ACTIVATION)) {
                sb.append(v);
            } else if (e.getKey().equals(NET_BATCHNORM)) {
                sb.append(Boolean.TRUE.equals(e.getValue()) ? "BN" : "no BN");
            } else {
                sb.append(e.getKey()).append('=').append(v);
            }
        }
        return sb.toString();
    }
}
