package org.clsweep.jobs.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.clsweep.data.experiment.RunStatus;
import org.clsweep.jobs.grid.Cell;
import org.clsweep.jobs.grid.Grid;
import org.clsweep.jobs.output.Manifest;
import org.clsweep.jobs.output.OutputDirectory;
import org.clsweep.jobs.spec.SweepSpec;
import org.clsweep.jobs.sweep.ProgressReporter;
import org.clsweep.jobs.sweep.RunFunction;
import org.clsweep.jobs.sweep.SparkSessions;
import org.clsweep.jobs.sweep.SweepDriver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code clsweep run SPEC [--out DIR] [--set k=v]... [--master URL]}. The spec and every cell are
 * checked, and the output directory inspected, before Spark starts; any problem there exits 2
 * having written nothing. An output directory already holding this sweep complete is left as is;
 * one holding it unfinished is run again from the start.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a sweep on Spark and write runs, optima, trace and aggregates as Parquet.")
public final class RunCommand implements Callable<Integer> {
    /** Where outputs go by default, relative to the working directory: runs/&lt;sweep.name&gt;. */
    static final String DEFAULT_OUT_PARENT = "runs";

    @Mixin
    SpecOptions options;

    @Option(names = "--out", paramLabel = "DIR",
            description = "output directory, any Hadoop path (default: runs/<sweep.name>)")
    String out;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (default: spark.master from spark-submit, else local[*])")
    String master;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws IOException {
        SweepSpec spec = options.parse();
        List<Cell> cells = Grid.expand(spec);
        String location = out != null ? out : DEFAULT_OUT_PARENT + "/" + spec.name();
        PrintWriter stdout = command.commandLine().getOut();
        PrintWriter stderr = command.commandLine().getErr();

        OutputDirectory.State state;
        try (OutputDirectory probe = OutputDirectory.open(location, new Configuration())) {
            state = probe.inspect(spec);
            if (state == OutputDirectory.State.COMPLETE) {
                Manifest m = probe.readManifest().orElseThrow();
                stdout.println(spec.name() + ": already complete in " + probe.root() + " (spec hash "
                        + spec.hash().substring(0, 12) + "…), nothing to do");
                stdout.println(summary(m, probe.root()));
                stdout.flush();
                return exitCode(m);
            }
        }

        stderr.println(Grid.describe(spec));
        stderr.flush();
        boolean ownSession = SparkSession.getDefaultSession().isEmpty();
        SparkSession spark = SparkSessions.create(master, "clsweep " + spec.name());
        try (OutputDirectory dir = OutputDirectory.open(location, spark.sparkContext().hadoopConfiguration())) {
            dir.inspect(spec);
            Manifest m = SweepDriver.run(spark, spec, cells, dir, RunFunction.EXECUTOR, stderr);
            stdout.println(summary(m, dir.root()));
            stdout.flush();
            return exitCode(m);
        } finally {
            if (ownSession) {
                spark.stop();
            }
        }
    }

    static int exitCode(Manifest m) {
        return m.count(RunStatus.FAILED) > 0 ? ExitCodes.FAILED : ExitCodes.OK;
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    static String summary(Manifest m, String root) {
        long ms = m.finishedAt() == null ? 0 : m.finishedAt().toEpochMilli() - m.startedAt().toEpochMilli();
        return m.sweep() + ": " + plural(m.runs(), "run") + " (" + plural(m.cells(), "cell") + " × "
                + plural(m.seeds(), "seed") + "): "
                + m.count(RunStatus.OK) + " OK, " + m.count(RunStatus.DIVERGED) + " DIVERGED, "
                + m.count(RunStatus.FAILED) + " FAILED in " + ProgressReporter.clock(ms) + "\n"
                + "output: " + root + " (" + String.join(", ", OutputDirectory.TABLES) + ", "
                + OutputDirectory.MANIFEST + ")";
    }
}
