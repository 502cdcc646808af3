package org.clsweep.jobs.export.section;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clsweep.jobs.export.ExportContext;
import org.clsweep.jobs.export.notebook.CodeCell;
import org.clsweep.jobs.export.notebook.Markdown;
import org.clsweep.jobs.export.notebook.MarkdownCell;
import org.clsweep.jobs.export.notebook.NotebookCell;
import org.clsweep.jobs.export.query.QueryResult;
import org.clsweep.jobs.export.query.SqlQuery;
import org.clsweep.jobs.export.query.TableKind;

/**
 * The notebook's opening: which sweep, which code, which grid, and how to run the queries. Its
 * table is the sweep's identity (name, spec hash, code version, cells, runs) from the runs table.
 *
 * @see ManifestSection
 */
public final class OverviewSection implements NotebookSection {
    @Override
    public List<NotebookCell> cells(ExportContext ctx) {
        SqlQuery q = new SqlQuery("""
                SELECT sweep, spec_hash, code_version,
                       COUNT(DISTINCT cell_id) AS cells,
                       COUNT(*) AS runs
                FROM {runs}
                GROUP BY sweep, spec_hash, code_version
                ORDER BY sweep, spec_hash, code_version""");
        QueryResult identity = ctx.run(q, "sweep identity");

        List<String> axes = new ArrayList<>();
        for (Map.Entry<String, List<Object>> e : ctx.parameters().varying().entrySet()) {
            List<String> values = new ArrayList<>();
            for (Object v : e.getValue()) {
                values.add(QueryResult.format(v));
            }
            axes.add("`" + e.getKey() + "`: " + String.join(", ", values));
        }
        List<String> present = new ArrayList<>();
        for (TableKind t : TableKind.values()) {
            if (ctx.tables().has(t)) {
                present.add("`" + t.directory() + "`");
            }
        }
        Markdown.Builder md = Markdown.builder()
                .heading(1, "Sweep `" + ctx.sweep() + "`")
                .paragraph("An analysis of the clsweep sweep in `" + ctx.tables().location() + "`, exported by "
                        + "`clsweep export`. The sweep simulates the training dynamics of contrastive learning in "
                        + "one- and two-layer networks and tests the predictions of Tian, “Understanding the Role "
                        + "of Nonlinearity in Training Dynamics of Contrastive Learning” (ICLR 2023). Each section "
                        + "below shows a figure, says what the paper predicts, and checks the prediction on the data.")
                .paragraph("Tables present: " + String.join(", ", present) + ".");
        if (axes.isEmpty()) {
            md.paragraph("The grid has a single cell (no parameter takes more than one value).");
        } else {
            md.paragraph("Grid axes (parameters that take more than one value):").bullets(axes);
        }
        md.paragraph("**Running the queries.** Each figure and table comes from the SQL query in the code cell "
                + "below it; clsweep ran it with Spark SQL and rendered the figure with JFreeChart. The cells run "
                + "as they are in a Python notebook with DuckDB (`pip install duckdb pandas`), from the directory "
                + "the export was made in. In PySpark, register each table as a view, e.g. "
                + "`spark.read.parquet('" + ctx.tables().location() + "/runs').createOrReplaceTempView('runs')`, "
                + "and run the same SQL with `spark.sql(...)` after replacing each "
                + "`read_parquet('…/TABLE/*.parquet')` by `TABLE`: the queries use only SQL that both engines "
                + "read alike.");
        List<NotebookCell> cells = new ArrayList<>();
        cells.add(new MarkdownCell(md.build()));
        cells.add(new CodeCell("import duckdb", List.of()));
        cells.add(SectionCells.query(ctx, q, List.of(), identity));
        return cells;
    }
}
