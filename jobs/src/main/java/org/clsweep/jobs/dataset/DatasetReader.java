package org.clsweep.jobs.dataset;

import org.apache.hadoop.conf.Configuration;
import org.clsweep.data.dataset.LabelledPoints;
import org.clsweep.data.spec.DatasetSpec;
import org.clsweep.data.spec.SpecException;

/** Reads one {@code dataset} selection in its format: IDX ({@link IdxSelection}) or Parquet ({@link ParquetSelection}). */
public final class DatasetReader {
    private DatasetReader() {
    }

    /**
     * @param spec the selection. Not modified.
     * @param conf the Hadoop configuration of the paths
     * @throws SpecException naming the file and the problem (exit 2)
     */
    public static LabelledPoints read(DatasetSpec spec, Configuration conf) {
        return switch (spec.format()) {
            case IDX -> IdxSelection.read(spec, conf);
            case PARQUET -> ParquetSelection.read(spec, conf);
        };
    }
}
