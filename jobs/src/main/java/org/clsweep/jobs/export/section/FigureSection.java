package org.clsweep.jobs.export.section;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clsweep.jobs.export.ExportContext;
import org.clsweep.jobs.export.chart.Figure;
import org.clsweep.jobs.export.notebook.NotebookCell;
import org.clsweep.jobs.export.query.QueryResult;
import org.clsweep.jobs.export.query.SqlQuery;
import org.clsweep.jobs.export.query.SweepParameters;

/**
 * A section built on one query whose rows are the series of its figures. The cells it gives:
 *
 * <pre>
 *   unavailable(ctx) gives a reason          →  skipped: the reason
 *   query(ctx, seriesKeys(…)) has no rows    →  skipped: noRows()
 *   otherwise draw(ctx, rows) gives figures, what they show and the checks:
 *     text        title, what the figures show, what the paper predicts, the checks
 *     query       the query's code cell with the figures and the result
 *     further     the drawing's own cells, if any (e.g. a second query)
 * </pre>
 *
 * A subclass states only what differs: the columns it needs, its series keys and query, and how
 * its figures are drawn and its predictions checked.
 */
abstract class FigureSection implements NotebookSection {
    private final String title;
    private final String prediction;

    /**
     * @param title      the section heading, also the query's purpose
     * @param prediction what the paper predicts
     */
    FigureSection(String title, String prediction) {
        this.title = title;
        this.prediction = prediction;
    }

    /**
     * Why the sweep cannot give the figure (a table or column is absent, an axis does not vary),
     * as a clause without the final period; empty when it can.
     */
    abstract Optional<String> unavailable(ExportContext ctx);

    /** The columns that tell the figure's series apart, in order. */
    abstract List<String> seriesKeys(SweepParameters parameters);

    /** The statement behind the figure; its rows come sorted by {@code keys}. */
    abstract SqlQuery query(ExportContext ctx, List<String> keys);

    /** Why the query can return no rows, as a sentence. */
    abstract String noRows();

    /** Renders the figures from the query's rows and checks the paper's predictions on them. */
    abstract Drawing draw(ExportContext ctx, SeriesRows rows);

    @Override
    public final List<NotebookCell> cells(ExportContext ctx) {
        Optional<String> unavailable = unavailable(ctx);
        if (unavailable.isPresent()) {
            return List.of(SectionCells.skipped(title, unavailable.get() + "."));
        }
        List<String> keys = seriesKeys(ctx.parameters());
        SqlQuery q = query(ctx, keys);
        QueryResult t = ctx.run(q, title);
        if (t.isEmpty()) {
            return List.of(SectionCells.skipped(title, noRows()));
        }
        Drawing d = draw(ctx, SeriesRows.of(t, keys));
        List<NotebookCell> cells = new ArrayList<>();
        cells.add(SectionCells.text(title, d.shows(), prediction, d.checks()));
        cells.add(SectionCells.query(ctx, q, d.figures(), t));
        cells.addAll(d.further());
        return cells;
    }

    /**
     * What a figure section drew.
     *
     * @param figures the figures, shown as the query cell's outputs. Not modified.
     * @param shows   what the figures show, in plain words
     * @param checks  the predictions tested on the data. Not modified.
     * @param further cells that follow the query's. Not modified.
     */
    record Drawing(List<Figure> figures, String shows, List<PredictionCheck> checks, List<NotebookCell> further) {
        Drawing {
            figures = List.copyOf(figures);
            checks = List.copyOf(checks);
            further = List.copyOf(further);
        }

        /** One figure and no further cells. */
        static Drawing of(Figure figure, String shows, List<PredictionCheck> checks) {
            return new Drawing(List.of(figure), shows, checks, List.of());
        }
    }
}
