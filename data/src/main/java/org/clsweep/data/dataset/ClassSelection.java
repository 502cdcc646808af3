package org.clsweep.data.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.clsweep.data.spec.SpecException;
import org.clsweep.data.spec.SpecKey;

/**
 * The rows of a file that a {@code dataset} cell takes as its patterns, in pattern order.
 *
 * <pre>
 *   labelled     C = classes, or every label present when classes is empty; for c in C ascending:
 *                the first perClass rows with label c, in file order
 *   unlabelled   rows 0 .. perClass − 1
 * </pre>
 * So pattern l = k·perClass + j is the j-th row (0-based, file order) of the k-th smallest chosen
 * label. Any tool that reads the same files rebuilds the same list.
 */
public final class ClassSelection {
    private ClassSelection() {
    }

    /**
     * @param labels   every row's label in file order. Not modified.
     * @param classes  the chosen labels, or empty for every label. Not modified.
     * @param perClass rows per label, ≥ 1
     * @param file     names the labels' file in messages
     * @return the selected row indices, in pattern order
     * @throws SpecException on {@code geometry.classes} for a label the file lacks, on
     *                       {@code geometry.per_class} for a label with fewer rows, on
     *                       {@code geometry.source} for a file without rows
     */
    public static int[] labelled(int[] labels, List<Integer> classes, int perClass, String file) {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (int y : labels) {
            counts.merge(y, 1, Integer::sum);
        }
        List<Integer> chosen = new ArrayList<>(classes.isEmpty() ? counts.keySet() : new TreeSet<>(classes));
        if (chosen.isEmpty()) {
            throw new SpecException(SpecKey.GEOMETRY_SOURCE.key(), file + ": holds no rows");
        }
        for (int c : chosen) {
            int held = counts.getOrDefault(c, 0);
            if (held == 0) {
                String key = SpecKey.GEOMETRY_CLASSES.key();
                throw new SpecException(key, file + ": no row has label " + c + " (" + key + " = " + classes
                        + "); the labels present are " + counts.keySet());
            }
            if (held < perClass) {
                String key = SpecKey.GEOMETRY_PER_CLASS.key();
                throw new SpecException(key, file + ": label " + c + " has " + held + " rows, fewer than " + key
                        + " = " + perClass);
            }
        }
        int[] rows = new int[chosen.size() * perClass];
        for (int k = 0; k < chosen.size(); k++) {
            int c = chosen.get(k);
            int taken = 0;
            for (int i = 0; i < labels.length && taken < perClass; i++) {
                if (labels[i] == c) {
                    rows[k * perClass + taken++] = i;
                }
            }
        }
        return rows;
    }

    /**
     * @param total    rows in the file
     * @param perClass rows to take, ≥ 1
     * @param file     names the file in messages
     * @return 0 .. perClass − 1
     * @throws SpecException on {@code geometry.per_class} when the file holds fewer rows
     */
    public static int[] unlabelled(int total, int perClass, String file) {
        if (total < perClass) {
            String key = SpecKey.GEOMETRY_PER_CLASS.key();
            throw new SpecException(key, file + ": holds " + total + " rows, fewer than " + key + " = " + perClass
                    + " (unlabelled data: the first per_class rows)");
        }
        int[] rows = new int[perClass];
        for (int i = 0; i < perClass; i++) {
            rows[i] = i;
        }
        return rows;
    }
}
