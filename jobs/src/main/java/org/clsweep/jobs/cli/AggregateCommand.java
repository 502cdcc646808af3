package org.clsweep.jobs.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.clsweep.jobs.output.HadoopSettings;
import org.clsweep.jobs.output.Manifest;
import org.clsweep.jobs.output.OutputDirectory;
import org.clsweep.jobs.sweep.SweepDriver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clsweep aggregate OUT}: recompute OUT/aggregates from OUT/runs. */
@Command(name = "aggregate", mixinStandardHelpOptions = true,
        description = "Recompute OUT/aggregates from the runs table OUT/runs.")
public final class AggregateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "OUT", description = "a sweep's output directory")
    String out;

    @Mixin
    MasterOption master;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws IOException {
        String masterUrl = master.checked();
        String sweep;
        try (OutputDirectory probe = OutputDirectory.open(out, HadoopSettings.beforeSpark())) {
            probe.requireRuns();
            sweep = probe.readManifest().map(Manifest::sweep).orElse("unnamed");
        }
        boolean ownSession = SparkSession.getDefaultSession().isEmpty();
        SparkSession spark = SparkSessions.create(masterUrl, "clsweep aggregate " + sweep);
        try (OutputDirectory dir = OutputDirectory.open(out, spark.sparkContext().hadoopConfiguration())) {
            SweepDriver.reaggregate(spark, dir, sweep);
            command.commandLine().getOut().println(sweep + ": aggregates rewritten in " + dir.table(
                    OutputDirectory.AGGREGATES));
            command.commandLine().getOut().flush();
            return ExitCodes.OK;
        } finally {
            if (ownSession) {
                spark.stop();
            }
        }
    }
}
