package org.clsweep.jobs.export.section;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clsweep.data.experiment.RunMetric;
import org.clsweep.jobs.export.ExportContext;
import org.clsweep.jobs.export.notebook.Markdown;
import org.clsweep.jobs.export.notebook.MarkdownCell;
import org.clsweep.jobs.export.notebook.NotebookCell;
import org.clsweep.jobs.export.query.QueryResult;
import org.clsweep.jobs.export.query.SqlQuery;
import org.clsweep.jobs.export.query.SweepSchema;
import org.clsweep.jobs.export.query.TableKind;

/**
 * Table: one row per grid cell with its varying parameters, its run counts by status and the mean
 * of every metric that some cell has (a one-layer sweep shows no two-layer columns). The reference a
 * reader goes back to for exact numbers.
 */
public final class CellMeansSection implements NotebookSection {
    static final String TITLE = "Every cell";

    @Override
    public List<NotebookCell> cells(ExportContext ctx) {
        SweepSchema s = ctx.schema();
        Optional<String> missing = ctx.missing(TableKind.AGGREGATES, s.aggregateRuns());
        if (missing.isPresent()) {
            return List.of(SectionCells.skipped(TITLE, missing.get() + "."));
        }
        List<String> means = new ArrayList<>();
        for (RunMetric m : RunMetric.values()) {
            if (ctx.hasColumns(TableKind.AGGREGATES, s.mean(m))) {
                means.add(s.mean(m));
            }
        }
        List<String> present = new ArrayList<>();
        if (!means.isEmpty()) {
            List<String> counts = new ArrayList<>();
            for (String c : means) {
                counts.add("COUNT(" + c + ") AS " + c);
            }
            QueryResult nonNull = ctx.run(new SqlQuery(SqlQuery.select(counts) + "\nFROM {aggregates}"),
                    "metrics present");
            for (String c : means) {
                if (nonNull.number(0, c) > 0) {
                    present.add(c);
                }
            }
        }
        List<String> params = new ArrayList<>(ctx.parameters().varying().keySet());
        List<String> select = new ArrayList<>(params);
        for (String c : s.aggregateCounts()) {
            if (ctx.hasColumns(TableKind.AGGREGATES, c)) {
                select.add(c);
            }
        }
        select.add(s.aggregateRuns());
        select.addAll(present);
        List<String> order = params.isEmpty() ? List.of("cell_id") : params;
        SqlQuery q = new SqlQuery(SqlQuery.select(select) + "\nFROM {aggregates}\nORDER BY " + SqlQuery.list(order));
        QueryResult t = ctx.run(q, TITLE);
        Markdown text = Markdown.builder().heading(2, TITLE)
                .paragraph("One row per grid cell: the parameters that vary, the cell's runs by status (the "
                        + "statistics use the `" + s.aggregateRuns() + "` OK runs) and the mean over them of every "
                        + "metric the sweep measured. The aggregates table also holds each metric's standard "
                        + "deviation and 95% confidence interval.")
                .build();
        return List.of(new MarkdownCell(text), SectionCells.query(ctx, q, List.of(), t));
    }
}
