package org.clsweep.jobs.dataset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.clsweep.data.dataset.Datasets;
import org.clsweep.data.dataset.LabelledPoints;
import org.clsweep.data.spec.DatasetSpec;
import org.clsweep.data.spec.GeometryKind;
import org.clsweep.data.spec.GeometrySpec;
import org.clsweep.data.spec.SpecException;
import org.clsweep.data.spec.SpecKey;
import org.clsweep.jobs.grid.Cell;

/**
 * A sweep's cells with every {@code geometry.kind = dataset} cell bound to its data, and the data.
 * Runs on the driver before any Spark job (and in {@code validate}): each distinct selection is
 * read once ({@link DatasetReader}); a bound cell's {@code geometry.patterns} and
 * {@code geometry.dim} are the selection's L and d and its {@code geometry.checksum} the
 * selection's {@link org.clsweep.data.dataset.SelectionChecksum}, so the data enters the cell id.
 *
 * @param cells the cells, in expansion order, dataset cells bound
 * @param data  the points of every bound selection
 */
public record BoundCells(List<Cell> cells, Datasets data) {
    public BoundCells {
        cells = List.copyOf(cells);
    }

    /**
     * @param cells the expanded cells ({@code Grid.expand}). Not modified.
     * @param conf  the Hadoop configuration of the data paths
     * @throws SpecException naming the file and the problem when data cannot be read or selected,
     *                       the checksum a spec pins differs, or two cells become one once bound
     */
    public static BoundCells bind(List<Cell> cells, Configuration conf) {
        Map<DatasetSpec, LabelledPoints> read = new HashMap<>();
        Map<DatasetSpec, LabelledPoints> bound = new LinkedHashMap<>();
        Map<String, Cell> byId = new HashMap<>();
        List<Cell> out = new ArrayList<>(cells.size());
        for (Cell c : cells) {
            GeometrySpec g = c.spec().geometry();
            if (g.kind() != GeometryKind.DATASET) {
                out.add(c);
                continue;
            }
            LabelledPoints points = read.computeIfAbsent(g.dataset().withChecksum(""),
                    s -> DatasetReader.read(s, conf));
            GeometrySpec withData = g.withData(points.size(), points.dim(), points.checksum(), points.sources());
            bound.putIfAbsent(withData.dataset(), points);
            Cell b = new Cell(c.index(), c.block(), c.point(), c.spec().withGeometry(withData));
            Cell earlier = byId.putIfAbsent(b.cellId(), b);
            if (earlier != null) {
                String key = SpecKey.GEOMETRY_PATTERNS.key();
                throw new SpecException(key, "grid cells (" + earlier.label() + ") and (" + b.label()
                        + ") are one cell once bound to their data: for " + SpecKey.GEOMETRY_KIND.key()
                        + " = dataset the data sets " + key + " and " + SpecKey.GEOMETRY_DIM.key()
                        + "; do not make them grid axes");
            }
            out.add(b);
        }
        return new BoundCells(out, Datasets.of(bound));
    }
}
