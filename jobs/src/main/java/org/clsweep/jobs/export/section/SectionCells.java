package org.clsweep.jobs.export.section;

import java.util.ArrayList;
import java.util.List;
import org.clsweep.jobs.export.ExportContext;
import org.clsweep.jobs.export.chart.Figure;
import org.clsweep.jobs.export.notebook.CellOutput;
import org.clsweep.jobs.export.notebook.CodeCell;
import org.clsweep.jobs.export.notebook.Markdown;
import org.clsweep.jobs.export.notebook.MarkdownCell;
import org.clsweep.jobs.export.query.QueryResult;
import org.clsweep.jobs.export.query.SqlQuery;

/**
 * The cells every notebook section is made of: a markdown cell (heading, what the figure shows,
 * what the paper predicts, and the computed checks), then a code cell holding the exact query in
 * its DuckDB form with the figures and the result table clsweep computed for it. A section whose
 * data is absent becomes one markdown cell that says why it was skipped.
 */
final class SectionCells {
    /** Rows of a result shown in the notebook; longer results are cut with a note. */
    static final int MAX_TABLE_ROWS = 60;

    private SectionCells() {
    }

    /**
     * The markdown of a figure section.
     *
     * @param title      the section heading
     * @param shows      what the figure shows, in plain words
     * @param prediction what the paper predicts
     * @param checks     the predictions tested on the data; empty when the paper predicts nothing here
     */
    static MarkdownCell text(String title, String shows, String prediction, List<PredictionCheck> checks) {
        Markdown.Builder md = Markdown.builder().heading(2, title).paragraph(shows);
        md.paragraph("**What the paper predicts.** " + prediction);
        if (!checks.isEmpty()) {
            List<String> lines = new ArrayList<>(checks.size());
            for (PredictionCheck c : checks) {
                lines.add(c.toMarkdown());
            }
            md.paragraph("**Does the data show it?**").bullets(lines);
        }
        return new MarkdownCell(md.build());
    }

    /** A section that could not be drawn, with the reason. */
    static MarkdownCell skipped(String title, String reason) {
        return new MarkdownCell(Markdown.builder().heading(2, title).paragraph("**Skipped.** " + reason).build());
    }

    /**
     * The code cell of a query: Python that runs its DuckDB form, and as outputs the figures
     * drawn from it and its result (first {@value #MAX_TABLE_ROWS} rows).
     */
    static CodeCell query(ExportContext ctx, SqlQuery query, List<Figure> figures, QueryResult result) {
        String source = "sql = \"\"\"\n" + ctx.duckDb(query).strip() + "\n\"\"\"\nduckdb.sql(sql).df()";
        List<CellOutput> outputs = new ArrayList<>();
        for (Figure f : figures) {
            outputs.add(CellOutput.image(f.png(), "Figure " + f.number() + ". " + f.caption()));
        }
        QueryResult shown = result.head(MAX_TABLE_ROWS);
        outputs.add(CellOutput.table(shown.toHtml(), shown.toPlainText()));
        if (result.size() > MAX_TABLE_ROWS) {
            outputs.add(CellOutput.text("(" + (result.size() - MAX_TABLE_ROWS) + " more rows: run the query to see all "
                    + result.size() + ")"));
        }
        return new CodeCell(source, outputs);
    }
}
