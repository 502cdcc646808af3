package org.clsweep.jobs.dataset;

import java.util.Arrays;
import org.apache.hadoop.conf.Configuration;
import org.clsweep.data.dataset.ClassSelection;
import org.clsweep.data.dataset.LabelledPoints;
import org.clsweep.data.spec.DatasetSpec;
import org.clsweep.data.spec.SpecException;
import org.clsweep.data.spec.SpecKey;

/**
 * Reads the selection of an IDX data set: the labels file in full, then one pass over the images
 * file that keeps the selected rows ({@link ClassSelection}) and checks that the file holds every
 * image its header announces. Pixel bytes are the raw values; {@code none} divides them by 255.
 *
 * @see IdxFile
 */
final class IdxSelection {
    /** The divisor s of {@code geometry.normalize = none} for pixel bytes: μ = pixel / 255. */
    static final double PIXEL_MAX = 255.0;

    private IdxSelection() {
    }

    /**
     * @param spec an IDX selection. Not modified.
     * @throws SpecException naming the file and the problem
     */
    static LabelledPoints read(DatasetSpec spec, Configuration conf) {
        String imagesKey = SpecKey.GEOMETRY_SOURCE.key();
        try (IdxFile images = IdxFile.open(spec.source(), imagesKey, IdxFile.IMAGES, conf)) {
            int[] labels = null;
            int[] rows;
            String sources = spec.source();
            if (spec.labelled()) {
                labels = readLabels(spec.labelsSource(), conf);
                sources = spec.source() + " + " + spec.labelsSource();
                if (labels.length != images.count()) {
                    throw new SpecException(SpecKey.GEOMETRY_LABELS_SOURCE.key(), spec.labelsSource() + " holds "
                            + labels.length + " labels but " + spec.source() + " holds " + images.count()
                            + " images (" + images.shape() + "): they are not one data set");
                }
                rows = ClassSelection.labelled(labels, spec.classes(), spec.perClass(), spec.labelsSource());
            } else {
                rows = ClassSelection.unlabelled(images.count(), spec.perClass(), spec.source());
            }
            double[][] raw = readRows(images, rows);
            int[] selected = null;
            if (labels != null) {
                selected = new int[rows.length];
                for (int l = 0; l < rows.length; l++) {
                    selected[l] = labels[rows[l]];
                }
            }
            return LabelledPoints.of(raw, selected, rows, PIXEL_MAX, spec.normalization(), sources);
        }
    }

    /** Every label of an IDX labels file, in file order. */
    static int[] readLabels(String location, Configuration conf) {
        try (IdxFile file = IdxFile.open(location, SpecKey.GEOMETRY_LABELS_SOURCE.key(), IdxFile.LABELS, conf)) {
            int[] labels = new int[file.count()];
            byte[] item = new byte[1];
            for (int i = 0; i < labels.length; i++) {
                file.next(item);
                labels[i] = item[0] & 0xff;
            }
            return labels;
        }
    }

    /**
     * One pass over every item: row {@code rows[l]} becomes pattern l.
     *
     * @param rows distinct rows, in pattern order. Not modified.
     */
    private static double[][] readRows(IdxFile images, int[] rows) {
        int[] patternOf = new int[images.count()];
        Arrays.fill(patternOf, -1);
        for (int l = 0; l < rows.length; l++) {
            patternOf[rows[l]] = l;
        }
        int size = images.itemSize();
        double[][] raw = new double[rows.length][];
        byte[] item = new byte[size];
        for (int i = 0; i < images.count(); i++) {
            images.next(item);
            int l = patternOf[i];
            if (l >= 0) {
                double[] x = new double[size];
                for (int k = 0; k < size; k++) {
                    x[k] = item[k] & 0xff;
                }
                raw[l] = x;
            }
        }
        return raw;
    }
}
