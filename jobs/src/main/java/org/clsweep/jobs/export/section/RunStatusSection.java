package org.clsweep.jobs.export.section;

import java.util.ArrayList;
import java.util.List;
import org.clsweep.jobs.export.ExportContext;
import org.clsweep.jobs.export.notebook.Markdown;
import org.clsweep.jobs.export.notebook.MarkdownCell;
import org.clsweep.jobs.export.notebook.NotebookCell;
import org.clsweep.jobs.export.query.QueryResult;
import org.clsweep.jobs.export.query.SqlQuery;

/**
 * How the runs ended, and which were left out. Figures and tables use the runs with status OK
 * only (DIVERGED and FAILED runs have no metrics); this section counts the others by status and
 * lists them with their error, so that a reader sees what the averages leave out.
 */
public final class RunStatusSection implements NotebookSection {
    static final String TITLE = "Runs and what was left out";
    private static final String OK = "OK";

    @Override
    public List<NotebookCell> cells(ExportContext ctx) {
        SqlQuery counts = new SqlQuery("""
                SELECT status, COUNT(*) AS runs
                FROM {runs}
                GROUP BY status
                ORDER BY status""");
        QueryResult t = ctx.run(counts, "runs by status");
        long total = 0;
        long ok = 0;
        List<String> leftOut = new ArrayList<>();
        for (int r = 0; r < t.size(); r++) {
            long n = (long) t.number(r, "runs");
            total += n;
            if (OK.equals(t.value(r, "status"))) {
                ok = n;
            } else {
                leftOut.add(n + " " + t.text(r, "status"));
            }
        }
        String summary = leftOut.isEmpty()
                ? "No run was left out: all " + total + " runs finished with status OK."
                : "**Left out: " + (total - ok) + " of " + total + " runs** (" + String.join(", ", leftOut)
                        + "). The figures and tables use the " + ok + " runs with status OK; a DIVERGED run stopped "
                        + "on a non-finite loss, a FAILED run threw an error, and neither has metrics. The runs "
                        + "left out are listed below (a multi-line error by its first line; the query returns it "
                        + "whole).";
        List<NotebookCell> cells = new ArrayList<>();
        cells.add(new MarkdownCell(Markdown.builder().heading(2, TITLE).paragraph(summary).build()));
        cells.add(SectionCells.query(ctx, counts, List.of(), t));
        if (!leftOut.isEmpty()) {
            List<String> select = new ArrayList<>(List.of("status", "cell_id", "seed"));
            select.addAll(ctx.parameters().varying().keySet());
            select.addAll(List.of("steps_done", "error"));
            SqlQuery list = new SqlQuery(SqlQuery.select(select) + "\nFROM {runs}\nWHERE status <> '" + OK
                    + "'\nORDER BY status, cell_id, seed");
            cells.add(SectionCells.query(ctx, list, List.of(), ctx.run(list, "runs left out")));
        }
        return cells;
    }
}
