package org.clsweep.jobs.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.clsweep.jobs.export.NotebookExport;
import org.clsweep.jobs.output.HadoopSettings;
import org.clsweep.jobs.output.OutputDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code clsweep export OUT --to DIR}: the sweep's analysis notebook, its HTML export and its
 * figures ({@link NotebookExport}). Exit code 0 when they are written, also for a sweep with
 * DIVERGED or FAILED runs (the notebook reports them); 2 when OUT holds no runs table.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write OUT's analysis notebook (DIR/<sweep>.ipynb), its HTML export (DIR/<sweep>.html) "
                + "and its figures (DIR/figures/) into DIR.")
public final class ExportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "OUT", description = "a sweep's output directory")
    String out;

    @Option(names = "--to", paramLabel = "DIR", required = true,
            description = "local directory to write into (created if absent)")
    Path to;

    @Mixin
    MasterOption master;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws IOException {
        String masterUrl = master.checked();
        try (OutputDirectory probe = OutputDirectory.open(out, HadoopSettings.beforeSpark())) {
            probe.requireRuns();
        }
        // the figures are drawn off-screen: no display is needed, nor used if one is set
        System.setProperty("java.awt.headless", "true");
        boolean ownSession = SparkSession.getDefaultSession().isEmpty();
        SparkSession spark = SparkSessions.create(masterUrl, "clsweep export " + out);
        try {
            NotebookExport.Result r = NotebookExport.export(spark, out, to);
            PrintWriter w = command.commandLine().getOut();
            w.println(r.sweep() + ": notebook " + r.notebook() + ", HTML " + r.html() + ", " + r.figures().size()
                    + (r.figures().size() == 1 ? " figure" : " figures") + " in " + to.resolve("figures"));
            w.flush();
            return ExitCodes.OK;
        } finally {
            if (ownSession) {
                spark.stop();
            }
        }
    }
}
