package org.clsweep.jobs.export.section;

import static org.clsweep.jobs.export.query.GridColumns.ACTIVATION;
import static org.clsweep.jobs.export.query.GridColumns.LEAKY_SLOPE;
import static org.clsweep.jobs.export.query.GridColumns.WIDTH;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.clsweep.data.dataset.LabelledPoints;
import org.clsweep.data.spec.DatasetSpec;
import org.clsweep.data.spec.GeometryKind;
import org.clsweep.data.spec.ModelKind;
import org.clsweep.data.spec.PointNormalization;
import org.clsweep.data.spec.SpecException;
import org.clsweep.data.spec.SpecKey;
import org.clsweep.dynamics.metrics.LabelAlignment;
import org.clsweep.jobs.dataset.DatasetReader;
import org.clsweep.jobs.export.ExportContext;
import org.clsweep.jobs.export.chart.Figure;
import org.clsweep.jobs.export.chart.TileGrid;
import org.clsweep.jobs.export.notebook.NotebookCell;
import org.clsweep.jobs.export.query.QueryResult;
import org.clsweep.jobs.export.query.SqlQuery;
import org.clsweep.jobs.export.query.SweepSchema;
import org.clsweep.jobs.export.query.TableKind;

/**
 * Figures: the distinct optima of a dataset sweep drawn as images, beside the class means of the
 * selection. One figure per selection (per value of the grid axes other than activation, slope and
 * width); in it one row of tiles per activation and width, the optima of that cell's first OK seed
 * (uniform analysis, by decreasing basin share, at most {@value #MAX_TILES}), each captioned with
 * its majority label and label purity; above them one tile per class: the mean of its points.
 *
 * <pre>
 *   drawn when   geometry.kind = dataset and d = side² (28 × 28 for Fashion-MNIST)
 *   class mean   μ̄_y = mean of the selection's normalised points with label y, the selection read
 *                again with the sweep's reader from the runs' geometry.* columns, pinned to the
 *                runs' geometry_checksum (data that changed since the sweep is refused, and said)
 *   grey scale   per tile, 0 mid-grey, +max|v| white, −max|v| black ({@link TileGrid})
 * </pre>
 */
public final class DatasetOptimaImages implements NotebookSection {
    static final String TITLE = "Distinct optima of a dataset run as images";
    /** Pixels per value along each axis. */
    static final int SCALE = 3;
    /** Optima drawn per row (those with the largest basins). */
    static final int MAX_TILES = 16;
    private static final String SHOWS = "Each row holds the distinct optima w of one cell's first OK seed, "
            + "reshaped to the images' side × side grid (white: w responds to the pixel, black: against it; "
            + "per tile, 0 is mid-grey), largest basin first, captioned with the majority label y* and the label "
            + "purity. The first row holds the mean of each class's points, as the runs saw them (after "
            + "geometry.normalize).";
    private static final String PREDICTION = "With ReLU each optimum is tied to a pattern of the data, so an "
            + "optimum should look like one kind of image (a garment) and its majority label should hold most of "
            + "its response; a linear node learns the principal direction of the points, one image that mixes "
            + "the classes.";
    private static final String SOURCE = SpecKey.GEOMETRY_SOURCE.column();
    private static final String LABELS_SOURCE = SpecKey.GEOMETRY_LABELS_SOURCE.column();
    private static final String COLUMN = SpecKey.GEOMETRY_COLUMN.column();
    private static final String LABEL_COLUMN = SpecKey.GEOMETRY_LABEL_COLUMN.column();
    private static final String CLASSES = SpecKey.GEOMETRY_CLASSES.column();
    private static final String PER_CLASS = SpecKey.GEOMETRY_PER_CLASS.column();
    private static final String NORMALIZE = SpecKey.GEOMETRY_NORMALIZE.column();
    private static final String CHECKSUM = SpecKey.GEOMETRY_CHECKSUM.column();
    private static final String DIM = SpecKey.GEOMETRY_DIM.column();
    private static final List<String> SELECTION = List.of(SOURCE, LABELS_SOURCE, COLUMN, LABEL_COLUMN, CLASSES,
            PER_CLASS, NORMALIZE, CHECKSUM, DIM);

    @Override
    public List<NotebookCell> cells(ExportContext ctx) {
        SweepSchema s = ctx.schema();
        Optional<String> missing = ctx.missing(TableKind.OPTIMA, "cell_id", "seed", s.optimumIndex(),
                s.optimumAnalysisAlpha(), s.optimumBasinShare(), s.optimumDirection(), s.optimumMajorityLabel(),
                s.optimumLabelPurity());
        if (missing.isEmpty()) {
            List<String> runColumns = new ArrayList<>(SELECTION);
            runColumns.addAll(List.of(SpecKey.GEOMETRY_KIND.column(), ACTIVATION, LEAKY_SLOPE, WIDTH));
            missing = ctx.missing(TableKind.RUNS, runColumns.toArray(new String[0]));
        }
        if (missing.isPresent()) {
            return List.of(SectionCells.skipped(TITLE, missing.get() + "."));
        }
        List<String> keys = ctx.parameters().varyingExcept(ModelKind.ONELAYER, ACTIVATION, LEAKY_SLOPE, WIDTH);
        SqlQuery q = query(s, keys);
        QueryResult t = ctx.run(q, TITLE);
        if (t.isEmpty()) {
            return List.of(SectionCells.skipped(TITLE, "the sweep has no OK one-layer run on a dataset geometry "
                    + "(geometry.kind = dataset) with optima."));
        }
        List<Figure> figures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (RowGroups.Group selection : RowGroups.of(t, keys)) {
            int first = selection.rows().get(0);
            int d = (int) t.number(first, DIM);
            int side = (int) Math.round(Math.sqrt(d));
            String name = keys.isEmpty() ? "" : " (" + selection.label() + ")";
            if (side * side != d) {
                notes.add("Not drawn" + name + ": d = " + d + " is not a perfect square.");
                continue;
            }
            TileGrid grid = new TileGrid("Distinct optima, first seed" + name, side, SCALE);
            classMeans(ctx, t, first, grid, notes, name);
            for (Map.Entry<String, List<Integer>> cell : cells(t, selection.rows()).entrySet()) {
                List<TileGrid.Tile> tiles = new ArrayList<>();
                List<Integer> rows = cell.getValue();
                for (int k = 0; k < Math.min(MAX_TILES, rows.size()); k++) {
                    int r = rows.get(k);
                    double label = t.number(r, s.optimumMajorityLabel());
                    String caption = Double.isNaN(label) ? "—" : (int) label + " · "
                            + String.format("%.2f", t.number(r, s.optimumLabelPurity()));
                    tiles.add(new TileGrid.Tile(t.numbers(r, s.optimumDirection()), caption));
                }
                String more = rows.size() > MAX_TILES ? " (+" + (rows.size() - MAX_TILES) + ")" : "";
                grid.row(cell.getKey() + ": " + rows.size() + more, tiles);
            }
            figures.add(ctx.addFigure("dataset-optima-images", "Distinct optima of the first seed per activation "
                    + "and width, beside the class means" + name + ".", grid.png()));
        }
        String shows = SHOWS + (notes.isEmpty() ? "" : " " + String.join(" ", notes));
        List<NotebookCell> cells = new ArrayList<>();
        cells.add(SectionCells.text(TITLE, shows, PREDICTION, List.of()));
        cells.add(SectionCells.query(ctx, q, figures, withoutDirections(t, s)));
        return cells;
    }

    private static SqlQuery query(SweepSchema s, List<String> keys) {
        List<String> select = new ArrayList<>();
        for (String k : keys) {
            select.add("r." + k);
        }
        List<String> order = new ArrayList<>(select);
        for (String c : List.of(ACTIVATION, LEAKY_SLOPE, WIDTH)) {
            select.add("r." + c);
            order.add("r." + c);
        }
        select.add("r.seed");
        for (String c : SELECTION) {
            select.add("r." + c);
        }
        order.add("o." + s.optimumIndex());
        for (String c : List.of(s.optimumIndex(), s.optimumBasinShare(), s.optimumMajorityLabel(),
                s.optimumLabelPurity(), s.optimumDirection())) {
            select.add("o." + c);
        }
        return new SqlQuery(SqlQuery.select(select) + "\nFROM {optima} o\nJOIN {runs} r ON o.cell_id = r.cell_id "
                + "AND o.seed = r.seed\nJOIN (SELECT cell_id, MIN(seed) AS first_seed FROM {runs} WHERE status = 'OK' "
                + "GROUP BY cell_id) f ON r.cell_id = f.cell_id AND r.seed = f.first_seed\nWHERE "
                + SqlQuery.is("r." + SpecKey.MODEL.column(), ModelKind.ONELAYER.specName()) + " AND "
                + SqlQuery.is("r." + SpecKey.GEOMETRY_KIND.column(), GeometryKind.DATASET.specName())
                + " AND r.status = 'OK' AND " + SqlQuery.is("o." + s.optimumAnalysisAlpha(), "uniform")
                + "\nORDER BY " + SqlQuery.list(order));
    }

    /** The rows of each (activation, slope, width) in query order, named e.g. {@code relu, n = 16}. */
    private static Map<String, List<Integer>> cells(QueryResult t, List<Integer> rows) {
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        for (int r : rows) {
            String activation = t.text(r, ACTIVATION);
            String name = activation + (activation.equals("leaky_relu") ? " " + t.text(r, LEAKY_SLOPE) : "")
                    + ", n = " + t.text(r, WIDTH);
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(r);
        }
        return out;
    }

    /** Adds the row of class means of the selection of row {@code r}, or a note why there is none. */
    private static void classMeans(ExportContext ctx, QueryResult t, int r, TileGrid grid, List<String> notes,
                                   String name) {
        LabelledPoints p;
        try {
            p = DatasetReader.read(selection(t, r), ctx.hadoopConfiguration());
        } catch (SpecException e) {
            notes.add("No class means" + name + ": " + e.getMessage());
            return;
        }
        if (!p.labelled()) {
            notes.add("No class means" + name + ": the data has no labels.");
            return;
        }
        LabelAlignment classes = new LabelAlignment(p.points(), p.labels());
        int[] labels = classes.labels();
        double[][] means = classes.classMeans();
        List<TileGrid.Tile> tiles = new ArrayList<>();
        for (int c = 0; c < labels.length; c++) {
            tiles.add(new TileGrid.Tile(means[c], "class " + labels[c]));
        }
        grid.row("class means", tiles);
    }

    /** The selection a run read, pinned to the checksum the runs table records. */
    private static DatasetSpec selection(QueryResult t, int r) {
        List<Integer> classes = new ArrayList<>();
        for (double c : t.numbers(r, CLASSES)) {
            classes.add((int) c);
        }
        String normalize = t.text(r, NORMALIZE);
        PointNormalization n;
        try {
            n = PointNormalization.valueOf(normalize.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the runs table holds an unknown geometry_normalize: " + normalize, e);
        }
        return new DatasetSpec(t.text(r, SOURCE), t.text(r, LABELS_SOURCE), t.text(r, COLUMN), t.text(r, LABEL_COLUMN),
                classes, (int) t.number(r, PER_CLASS), n, t.text(r, CHECKSUM));
    }

    /** The result as the notebook shows it: the direction arrays (d numbers each) left out. */
    private static QueryResult withoutDirections(QueryResult t, SweepSchema s) {
        List<String> columns = new ArrayList<>(t.columns());
        int drop = columns.indexOf(s.optimumDirection());
        columns.remove(drop);
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < t.size(); r++) {
            List<Object> row = new ArrayList<>();
            for (int c = 0; c < t.columns().size(); c++) {
                if (c != drop) {
                    row.add(t.value(r, t.columns().get(c)));
                }
            }
            rows.add(row);
        }
        return new QueryResult(columns, rows);
    }
}
