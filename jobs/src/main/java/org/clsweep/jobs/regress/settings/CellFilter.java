package org.clsweep.jobs.regress.settings;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clsweep.jobs.regress.results.CellResults;

/**
 * A set of grid cells named by allowed values per grid axis, e.g. {@code activation = [linear]}:
 * a cell matches when, for every axis of the filter, its value is one of the allowed ones. The
 * empty filter matches every cell. Numbers compare by value ({@code 1} matches {@code 1.0}).
 *
 * @param allowed grid axis (dotted spec key) → allowed values as text
 */
public record CellFilter(Map<String, List<String>> allowed) {
    /** The filter that matches every cell. */
    public static final CellFilter ALL = new CellFilter(Map.of());

    public CellFilter {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : allowed.entrySet()) {
            copy.put(e.getKey(), List.copyOf(e.getValue()));
        }
        allowed = Collections.unmodifiableMap(copy);
    }

    /** Whether the cell at these coordinates is in the set. */
    public boolean matches(Map<String, String> coordinates) {
        for (Map.Entry<String, List<String>> e : allowed.entrySet()) {
            String v = coordinates.get(e.getKey());
            if (v == null || !contains(e.getValue(), v)) {
                return false;
            }
        }
        return true;
    }

    /** The axes the filter names that are not among {@code axes}. */
    public List<String> unknownAxes(List<String> axes) {
        List<String> out = new ArrayList<>();
        for (String a : allowed.keySet()) {
            if (!axes.contains(a)) {
                out.add(a);
            }
        }
        return out;
    }

    private static boolean contains(List<String> values, String v) {
        for (String a : values) {
            if (a.equals(v) || sameNumber(a, v)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameNumber(String a, String b) {
        try {
            return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return allowed.isEmpty() ? "every cell" : CellResults.label(labelMap());
    }

    private Map<String, String> labelMap() {
        Map<String, String> m = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : allowed.entrySet()) {
            m.put(e.getKey(), e.getValue().size() == 1 ? e.getValue().get(0) : e.getValue().toString());
        }
        return m;
    }
}
