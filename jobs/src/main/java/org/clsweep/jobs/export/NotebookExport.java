package org.clsweep.jobs.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.clsweep.jobs.export.chart.Figure;
import org.clsweep.jobs.export.notebook.Notebook;
import org.clsweep.jobs.export.notebook.NotebookCell;
import org.clsweep.jobs.export.notebook.NotebookHtmlWriter;
import org.clsweep.jobs.export.query.ClsweepSchema;
import org.clsweep.jobs.export.query.QueryResult;
import org.clsweep.jobs.export.query.SparkQueries;
import org.clsweep.jobs.export.query.SqlQuery;
import org.clsweep.jobs.export.query.SweepSchema;
import org.clsweep.jobs.export.query.SweepTables;
import org.clsweep.jobs.export.section.BasinProbabilities;
import org.clsweep.jobs.export.section.CellMeansSection;
import org.clsweep.jobs.export.section.CoverageVsPrediction;
import org.clsweep.jobs.export.section.DatasetOptimaImages;
import org.clsweep.jobs.export.section.DistinctOptimaBySlope;
import org.clsweep.jobs.export.section.DistinctOptimaByWidth;
import org.clsweep.jobs.export.section.GapAgainstRoughness;
import org.clsweep.jobs.export.section.LabelPurityByWidth;
import org.clsweep.jobs.export.section.LearningCurves;
import org.clsweep.jobs.export.section.LocalityByBeta;
import org.clsweep.jobs.export.section.ManifestSection;
import org.clsweep.jobs.export.section.NotebookSection;
import org.clsweep.jobs.export.section.OverviewSection;
import org.clsweep.jobs.export.section.RunStatusSection;
import org.clsweep.jobs.export.section.TokenLearningShare;
import org.clsweep.jobs.export.section.TokenLearningTime;

/**
 * {@code clsweep export OUT --to DIR}: reads a sweep's Parquet outputs and writes, into DIR,
 *
 * <pre>
 *   DIR/&lt;sweep&gt;.ipynb      the analysis notebook (nbformat 4.5), figures embedded as PNG
 *   DIR/&lt;sweep&gt;.html       the same notebook as one self-contained HTML page
 *   DIR/figures/figNN-….png  each figure as a file
 * </pre>
 *
 * The notebook's sections, in order: overview, runs left out, one-layer figures (distinct optima
 * vs width, coverage vs the brute-force prediction, distinct optima vs leaky slope, basin
 * probabilities, gap against roughness; on labelled data label purity and labels covered vs width,
 * and the distinct optima drawn as images beside the class means), two-layer figures (loc_all /
 * loc_other_all vs β, learning curves, token learning time vs the patterns using the token), the per-cell table and the manifest. A section whose data
 * the sweep lacks is replaced by a note. Existing files of the same names are replaced; other
 * files in DIR are left alone.
 *
 * @see NotebookJsonWriter
 * @see NotebookHtmlWriter
 */
public final class NotebookExport {
    private NotebookExport() {
    }

    /** What an export wrote, for the sweep named {@code sweep}. */
    public record Result(String sweep, Path notebook, Path html, List<Path> figures) {
        public Result {
            figures = List.copyOf(figures);
        }
    }

    /**
     * Exports the sweep in {@code out} with the output schema the clsweep jobs write.
     *
     * @param spark the session to query with
     * @param out   the sweep's output directory (any Hadoop path), as the notebook will show it
     * @param to    the local directory to write into; created if absent
     * @throws IllegalArgumentException when {@code out} holds no runs table
     */
    public static Result export(SparkSession spark, String out, Path to) throws IOException {
        return export(spark, out, to, new ClsweepSchema());
    }

    /** As {@link #export(SparkSession, String, Path)}, reading the tables through {@code schema}. */
    static Result export(SparkSession spark, String out, Path to, SweepSchema schema) throws IOException {
        try (SweepTables tables = SweepTables.open(spark, out)) {
            return export(spark, tables, to, schema);
        }
    }

    private static Result export(SparkSession spark, SweepTables tables, Path to, SweepSchema schema)
            throws IOException {
        String sweep = sweepName(new SparkQueries(spark, tables, "sweep"));
        ExportContext ctx = new ExportContext(sweep, tables, schema, new SparkQueries(spark, tables, sweep),
                spark.sparkContext().hadoopConfiguration());

        List<NotebookSection> sections = List.of(
                new OverviewSection(),
                new RunStatusSection(),
                new DistinctOptimaByWidth(),
                new CoverageVsPrediction(),
                new DistinctOptimaBySlope(),
                new BasinProbabilities(),
                new GapAgainstRoughness(),
                new LabelPurityByWidth(),
                new DatasetOptimaImages(),
                new LocalityByBeta(),
                new LearningCurves(),
                new TokenLearningTime(),
                new TokenLearningShare(),
                new CellMeansSection(),
                new ManifestSection(tables.manifest()));
        List<NotebookCell> cells = new ArrayList<>();
        for (NotebookSection s : sections) {
            cells.addAll(s.cells(ctx));
        }
        Notebook notebook = new Notebook("clsweep sweep " + sweep, cells);

        Files.createDirectories(to);
        Path figureDir = to.resolve("figures");
        List<Path> figures = new ArrayList<>();
        if (!ctx.figures().isEmpty()) {
            Files.createDirectories(figureDir);
        }
        for (Figure f : ctx.figures()) {
            Path p = figureDir.resolve(f.fileName());
            Files.write(p, f.png());
            figures.add(p);
        }
        String base = fileName(sweep);
        Path ipynb = to.resolve(base + ".ipynb");
        Path html = to.resolve(base + ".html");
        NotebookJsonWriter.write(notebook, ipynb);
        NotebookHtmlWriter.write(notebook, html);
        return new Result(sweep, ipynb, html, figures);
    }

    private static String sweepName(SparkQueries queries) {
        QueryResult t = queries.run(new SqlQuery("SELECT DISTINCT sweep FROM {runs} ORDER BY sweep"), "sweep name");
        List<String> names = new ArrayList<>();
        for (int r = 0; r < t.size(); r++) {
            names.add(t.text(r, "sweep"));
        }
        return names.isEmpty() ? "sweep" : String.join("+", names);
    }

    /** The sweep name with every character outside {@code [A-Za-z0-9._-]} replaced by '_'. */
    static String fileName(String sweep) {
        String s = sweep.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.isEmpty() || s.startsWith(".") ? "sweep" + s : s;
    }
}
