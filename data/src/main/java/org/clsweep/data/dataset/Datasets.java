package org.clsweep.data.dataset;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.clsweep.data.spec.DatasetSpec;

/**
 * The points of every {@code dataset} selection of a sweep, by the selection's spec (bound to its
 * checksum): read once on the driver, shipped to each executor once (Spark broadcasts it with the
 * sweep's plan), shared read-only by every run there.
 */
public final class Datasets implements Serializable {
    private static final long serialVersionUID = 1L;

    /** No data: a sweep of generated geometries. */
    public static final Datasets NONE = new Datasets(new LinkedHashMap<>());

    private final LinkedHashMap<DatasetSpec, LabelledPoints> bySelection;

    private Datasets(LinkedHashMap<DatasetSpec, LabelledPoints> bySelection) {
        this.bySelection = bySelection;
    }

    /** @param bySelection the points of each bound selection, in the order to report them. Not modified. */
    public static Datasets of(Map<DatasetSpec, LabelledPoints> bySelection) {
        return new Datasets(new LinkedHashMap<>(bySelection));
    }

    /**
     * @param selection a bound selection ({@link DatasetSpec#checksum()} set)
     * @throws IllegalStateException if no data was read for it
     */
    public LabelledPoints points(DatasetSpec selection) {
        LabelledPoints p = bySelection.get(selection);
        if (p == null) {
            throw new IllegalStateException("no data was read for " + selection + "; a dataset cell runs only with "
                    + "the data its sweep read on the driver");
        }
        return p;
    }

    /** Every selection and its points, in the order given. */
    public Map<DatasetSpec, LabelledPoints> bySelection() {
        return Collections.unmodifiableMap(bySelection);
    }

    public boolean isEmpty() {
        return bySelection.isEmpty();
    }
}
