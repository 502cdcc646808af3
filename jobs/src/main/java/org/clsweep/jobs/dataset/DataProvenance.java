package org.clsweep.jobs.dataset;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.clsweep.data.dataset.Datasets;
import org.clsweep.data.dataset.LabelledPoints;
import org.clsweep.data.spec.DatasetSpec;
import org.clsweep.data.spec.SpecException;
import org.clsweep.data.spec.SpecKey;
import org.clsweep.jobs.output.Manifest;

/**
 * The manifest's record of the data a sweep read, and the check that a later attempt reads the
 * same. The manifest's environment holds, under {@value #ENTRY}, one member per selection:
 *
 * <pre>
 *   "images.gz + labels.gz: classes [0, 1], per_class 100" : "&lt;SHA-256 of the selection&gt;"
 * </pre>
 * A run into a directory whose manifest names a selection with another checksum is refused
 * (exit 2, nothing written), naming the files: resuming would mix results of two data sets.
 */
public final class DataProvenance {
    /** The manifest environment's member that lists the selections read. */
    public static final String ENTRY = "datasets";

    private DataProvenance() {
    }

    /** Each selection, described, with its checksum; in the order of the data. */
    public static Map<String, Object> entry(Datasets data) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<DatasetSpec, LabelledPoints> e : data.bySelection().entrySet()) {
            out.putIfAbsent(describe(e.getKey(), e.getValue()), e.getValue().checksum());
        }
        return out;
    }

    /**
     * @param held the manifest of the output directory, if any
     * @param data the selections this attempt read. Not modified.
     * @param root the output directory, for the message
     * @throws SpecException on {@code geometry.source} naming the files of a selection whose
     *                       checksum differs from the one the manifest records
     */
    public static void checkUnchanged(Optional<Manifest> held, Datasets data, String root) {
        if (held.isEmpty() || !(held.get().environment().get(ENTRY) instanceof Map<?, ?> recorded)) {
            return;
        }
        for (Map.Entry<DatasetSpec, LabelledPoints> e : data.bySelection().entrySet()) {
            LabelledPoints p = e.getValue();
            Object before = recorded.get(describe(e.getKey(), p));
            if (before != null && !before.equals(p.checksum())) {
                String key = SpecKey.GEOMETRY_SOURCE.key();
                throw new SpecException(key, p.sources() + " changed since the sweep in " + root + " read it: the "
                        + "selection's SHA-256 is " + p.checksum() + " now, " + before + " in its manifest. "
                        + "Nothing was written; restore the data or run into another --out");
            }
        }
    }

    /** A selection as people and the manifest name it: {@code files: classes [0, 1], per_class 100}. */
    public static String describe(DatasetSpec s, LabelledPoints p) {
        return p.sources() + ": " + (s.labelled() ? "classes " + (s.classes().isEmpty() ? "all" : s.classes()) + ", "
                : "") + "per_class " + s.perClass();
    }
}
