package org.clsweep.data.spec;

import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which data points a {@code geometry.kind = dataset} cell takes as its patterns, part of the
 * {@code geometry} block (docs/dataset.md). The keys are read for every geometry kind but apply
 * only to {@code dataset}; {@link GeometrySpec} checks their combinations for that kind.
 *
 * <pre>
 *   format     IDX when column is empty, else Parquet
 *   selection  the first perClass points of each class in classes (empty: every label), in file
 *              order; patterns ordered by ascending label, then file order. Unlabelled: the first
 *              perClass points
 * </pre>
 *
 * @param source        {@code geometry.source}: the IDX images file, or the Parquet file or directory
 * @param labelsSource  {@code geometry.labels_source}: the IDX labels file, or empty
 * @param column        {@code geometry.column}: the Parquet column of points, or empty for IDX
 * @param labelColumn   {@code geometry.label_column}: the Parquet label column, or empty
 * @param classes       {@code geometry.classes}: distinct labels ≥ 0, or empty for every label
 * @param perClass      {@code geometry.per_class} ≥ 1
 * @param normalization {@code geometry.normalize}
 * @param checksum      {@code geometry.checksum}: empty, or the 64 lower-case hex digits of the
 *                      selection's SHA-256
 */
public record DatasetSpec(String source, String labelsSource, String column, String labelColumn,
                          List<Integer> classes, int perClass, PointNormalization normalization, String checksum)
        implements Serializable {
    /** The keys' defaults: what every cell of a generated geometry carries. */
    public static final DatasetSpec DEFAULTS = new DatasetSpec("", "", "", "", List.of(), 10, PointNormalization.NONE,
            "");

    public DatasetSpec {
        SpecKey.GEOMETRY_SOURCE.requirePresent(source);
        SpecKey.GEOMETRY_LABELS_SOURCE.requirePresent(labelsSource);
        SpecKey.GEOMETRY_COLUMN.requirePresent(column);
        SpecKey.GEOMETRY_LABEL_COLUMN.requirePresent(labelColumn);
        SpecKey.GEOMETRY_NORMALIZE.requirePresent(normalization);
        SpecKey.GEOMETRY_CHECKSUM.requirePresent(checksum);
        classes = List.copyOf(SpecKey.GEOMETRY_CLASSES.requirePresent(classes));
        SpecKey.GEOMETRY_PER_CLASS.check(perClass);
        String classesKey = SpecKey.GEOMETRY_CLASSES.key();
        Set<Integer> seen = new HashSet<>();
        for (int c : classes) {
            if (c < 0) {
                throw new SpecException(classesKey, classesKey + " must list labels >= 0, found " + c + " in " + classes);
            }
            if (!seen.add(c)) {
                throw new SpecException(classesKey, classesKey + " lists " + c + " twice in " + classes);
            }
        }
        if (!checksum.isEmpty() && !checksum.matches("[0-9a-f]{64}")) {
            String key = SpecKey.GEOMETRY_CHECKSUM.key();
            throw new SpecException(key, key + " must be empty or 64 lower-case hex digits (a SHA-256), found \""
                    + checksum + "\"");
        }
    }

    /** The file formats a source may have. */
    public enum Format {
        /** IDX (gzip-compressed or not): {@code source} images, {@code labels_source} labels. */
        IDX,
        /** Parquet: {@code column} points, {@code label_column} labels. */
        PARQUET;

        public String specName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** IDX when {@link #column()} is empty, else Parquet. */
    public Format format() {
        return column.isEmpty() ? Format.IDX : Format.PARQUET;
    }

    /** Whether the points have labels: a labels file (IDX) or a label column (Parquet). */
    public boolean labelled() {
        return format() == Format.IDX ? !labelsSource.isEmpty() : !labelColumn.isEmpty();
    }

    /** This selection bound to the data's checksum. */
    public DatasetSpec withChecksum(String sha256) {
        return new DatasetSpec(source, labelsSource, column, labelColumn, classes, perClass, normalization, sha256);
    }

    /**
     * Checks the keys for {@code geometry.kind = dataset}: a source, keys of the source's format
     * only, and labels wherever classes are chosen.
     *
     * @throws SpecException naming the key at fault
     */
    void checkForDataset() {
        String sourceKey = SpecKey.GEOMETRY_SOURCE.key();
        String kindKey = SpecKey.GEOMETRY_KIND.key();
        if (source.isBlank()) {
            throw new SpecException(sourceKey, sourceKey + " must name the data for " + kindKey
                    + " = dataset (an IDX images file, or a Parquet file or directory with " + SpecKey.GEOMETRY_COLUMN.key()
                    + " set)");
        }
        if (format() == Format.IDX && !labelColumn.isEmpty()) {
            String key = SpecKey.GEOMETRY_LABEL_COLUMN.key();
            throw new SpecException(key, key + " = \"" + labelColumn + "\" applies to Parquet data; set "
                    + SpecKey.GEOMETRY_COLUMN.key() + " too, or use " + SpecKey.GEOMETRY_LABELS_SOURCE.key()
                    + " for IDX labels");
        }
        if (format() == Format.PARQUET && !labelsSource.isEmpty()) {
            String key = SpecKey.GEOMETRY_LABELS_SOURCE.key();
            throw new SpecException(key, key + " applies to IDX data; Parquet labels come from "
                    + SpecKey.GEOMETRY_LABEL_COLUMN.key() + " (" + SpecKey.GEOMETRY_COLUMN.key() + " = \"" + column
                    + "\" makes " + sourceKey + " Parquet)");
        }
        if (!labelled() && !classes.isEmpty()) {
            String key = SpecKey.GEOMETRY_CLASSES.key();
            throw new SpecException(key, key + " = " + classes + " needs labels: set "
                    + (format() == Format.IDX ? SpecKey.GEOMETRY_LABELS_SOURCE.key()
                    : SpecKey.GEOMETRY_LABEL_COLUMN.key()));
        }
    }

    /** The block's selection from its keys. */
    @SuppressWarnings("unchecked")
    static DatasetSpec from(SpecValues v) {
        return new DatasetSpec(
                (String) v.get(SpecKey.GEOMETRY_SOURCE),
                (String) v.get(SpecKey.GEOMETRY_LABELS_SOURCE),
                (String) v.get(SpecKey.GEOMETRY_COLUMN),
                (String) v.get(SpecKey.GEOMETRY_LABEL_COLUMN),
                (List<Integer>) v.get(SpecKey.GEOMETRY_CLASSES),
                v.integer(SpecKey.GEOMETRY_PER_CLASS),
                v.choice(PointNormalization.class, SpecKey.GEOMETRY_NORMALIZE),
                (String) v.get(SpecKey.GEOMETRY_CHECKSUM));
    }
}
