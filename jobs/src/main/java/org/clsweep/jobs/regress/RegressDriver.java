package org.clsweep.jobs.regress;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.clsweep.jobs.output.FileSystems;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.clsweep.data.dataset.Datasets;
import org.clsweep.data.experiment.RunStatus;
import org.clsweep.jobs.grid.Cell;
import org.clsweep.jobs.output.Manifest;
import org.clsweep.jobs.output.OutputDirectory;
import org.clsweep.jobs.regress.baseline.Baseline;
import org.clsweep.jobs.regress.baseline.GridAxes;
import org.clsweep.jobs.regress.decision.RegressionCheck;
import org.clsweep.jobs.regress.decision.RegressionReport;
import org.clsweep.jobs.regress.report.ComparisonsTable;
import org.clsweep.jobs.regress.report.JsonReport;
import org.clsweep.jobs.regress.report.MarkdownReport;
import org.clsweep.jobs.regress.report.ReportContext;
import org.clsweep.jobs.regress.results.SweepResults;
import org.clsweep.jobs.regress.results.SweepResultsReader;
import org.clsweep.jobs.regress.settings.RegressSpec;
import org.clsweep.jobs.spec.SpecDiff;
import org.clsweep.jobs.spec.SpecParser;
import org.clsweep.jobs.spec.SweepSpec;
import org.clsweep.jobs.sweep.SweepDriver;
import org.clsweep.jobs.sweep.SweepJob;
import org.clsweep.jobs.sweep.SweepOptions;

/**
 * The steps of {@code clsweep regress} that need Spark: run (or reuse) the current sweep, read
 * both sides, compare, and write the regress outputs next to the sweep's tables:
 *
 * <pre>
 *   OUT/regress/report.md      for people: verdict, worst offenders, missing cells
 *   OUT/regress/report.json    for machines: the same and every comparison
 *   OUT/regress/comparisons/   Parquet, one row per comparison ({@link ComparisonsTable})
 * </pre>
 *
 * Every Spark job carries the sweep's job group.
 */
public final class RegressDriver {
    /** The regress outputs' directory under the sweep output. */
    public static final String OUTPUT = "regress";
    public static final String REPORT_MD = "report.md";
    public static final String REPORT_JSON = "report.json";

    private RegressDriver() {
    }

    /**
     * Runs the sweep into {@code out}, or reuses it when {@code out} already holds it complete.
     *
     * @param spark   the session
     * @param current the sweep, seeds offset. Not modified.
     * @param cells   its cells, dataset cells bound to their data. Not modified.
     * @param data    the data of the dataset cells ({@link Datasets#NONE} if none). Not modified.
     * @param out     the output directory
     * @param console progress lines
     * @return the sweep's manifest
     */
    public static Manifest sweep(SparkSession spark, SweepSpec current, List<Cell> cells, Datasets data,
                                 OutputDirectory out, PrintWriter console) throws IOException {
        if (out.inspect(current).completeAsIs()) {
            console.println(current.name() + ": already complete in " + out.root() + ", comparing it as it is");
            console.flush();
            return out.readManifest().orElseThrow();
        }
        return SweepDriver.run(spark, current, cells, out, SweepOptions.of(false, false).withData(data), console);
    }

    /**
     * The grid axes that identify a cell on both sides: the union of the baseline's and the
     * current spec's axes.
     */
    public static List<String> axes(Baseline baseline, SweepSpec current) {
        return GridAxes.of(baseline.spec(), current);
    }

    /**
     * Reads the baseline's tables — before the sweep runs, so that a corrupt or empty baseline
     * costs seconds, not a sweep.
     *
     * @throws UnusableInputException if the baseline's tables cannot be read or are empty
     */
    public static SweepResults readBaseline(SparkSession spark, RegressSpec spec, Baseline baseline,
                                            SweepSpec current) {
        List<String> axes = axes(baseline, current);
        spark.sparkContext().setJobGroup(SweepJob.jobGroup(current.name()), current.name() + ": reading baseline "
                + baseline.dir(), false);
        try {
            return SweepResultsReader.read(spark, baseline.dir(), "baseline", axes, spec.metrics());
        } finally {
            spark.sparkContext().clearJobGroup();
        }
    }

    /**
     * Compares the sweep in {@code outRoot} with the baseline and writes the regress outputs.
     *
     * @param spark      the session
     * @param spec       the regress settings
     * @param baseline   the checked baseline
     * @param base       its results ({@link #readBaseline})
     * @param current    the current sweep's spec. Not modified.
     * @param manifest   the current sweep's manifest
     * @param outRoot    the current sweep's output directory
     * @param seedOffset the offset its seeds carry
     * @return the comparison
     * @throws UnusableInputException if the current sweep's tables cannot be read
     */
    public static RegressionReport compare(SparkSession spark, RegressSpec spec, Baseline baseline, SweepResults base,
                                           SweepSpec current, Manifest manifest, String outRoot, long seedOffset)
            throws IOException {
        List<String> axes = axes(baseline, current);
        spark.sparkContext().setJobGroup(SweepJob.jobGroup(current.name()), current.name() + ": comparing with "
                + "baseline " + baseline.dir() + " over " + (axes.isEmpty() ? "one cell" : "axes " + axes), false);
        try {
            SweepResults cur = SweepResultsReader.read(spark, outRoot, "current run", axes, spec.metrics());
            List<String> perturbations = new ArrayList<>();
            Set<String> changed = new HashSet<>();
            for (SpecDiff.Difference d : baseline.perturbations()) {
                perturbations.add(d.toString());
                changed.add(d.key());
            }
            // match cells across a deliberate change of an axis, when the other axes still tell them apart
            List<String> ignored = new ArrayList<>();
            for (String a : axes) {
                if (changed.contains(a) || changed.contains(SpecParser.GRID + "." + a)) {
                    ignored.add(a);
                }
            }
            SweepResults b = base;
            if (!ignored.isEmpty()) {
                SweepResults b2 = base.withoutAxes(ignored);
                SweepResults c2 = cur.withoutAxes(ignored);
                if (b2 != null && c2 != null) {
                    b = b2;
                    cur = c2;
                } else {
                    ignored.clear();
                }
            }
            RegressionReport report = RegressionCheck.compare(spec, b, cur);
            ReportContext ctx = new ReportContext(current.name(), baseline.dir(), outRoot, base.source(), cur.source(),
                    baseline.manifest().codeVersion(), manifest.codeVersion(), seedOffset, perturbations, ignored,
                    Instant.now().toString());
            Path dir = new Path(outRoot, OUTPUT);
            writeText(spark, new Path(dir, REPORT_MD), MarkdownReport.render(report, ctx));
            writeText(spark, new Path(dir, REPORT_JSON), JsonReport.render(report, ctx));
            ComparisonsTable.write(spark, report, current.name(), new Path(dir, ComparisonsTable.NAME).toString());
            return report;
        } finally {
            spark.sparkContext().clearJobGroup();
        }
    }

    /** Where the regress outputs of a sweep directory go. */
    public static String outputDir(String outRoot) {
        return new Path(outRoot, OUTPUT).toString();
    }

    /**
     * The note kept in a baseline written by {@code --update-baseline}.
     *
     * @param m          the manifest of the sweep that became the baseline
     * @param seedOffset the offset its seeds carry
     * @param command    the command line that made it
     */
    public static String baselineNote(Manifest m, long seedOffset, String command) {
        return "# Baseline of sweep `" + m.sweep() + "`\n\n"
                + "Written deliberately by `clsweep regress --update-baseline` at " + Instant.now() + ".\n\n"
                + "- code version: `" + m.codeVersion() + "`\n"
                + "- spec hash: `" + m.specHash() + "`\n"
                + "- seed offset: " + seedOffset + "\n"
                + "- runs: " + m.runs() + " (" + m.cells() + " cells × " + m.seeds() + " seeds): "
                + m.count(RunStatus.OK) + " OK, " + m.count(RunStatus.DIVERGED) + " DIVERGED, "
                + m.count(RunStatus.FAILED) + " FAILED\n\n"
                + "Made with:\n\n    " + command + "\n\n"
                + "It keeps `manifest.json`, `runs/` and `aggregates/` of that sweep; `regress` compares new runs "
                + "with it.\n";
    }

    private static void writeText(SparkSession spark, Path file, String text) throws IOException {
        FileSystem fs = FileSystems.of(file, spark.sparkContext().hadoopConfiguration());
        fs.mkdirs(file.getParent());
        try (OutputStream out = fs.create(file, true)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
