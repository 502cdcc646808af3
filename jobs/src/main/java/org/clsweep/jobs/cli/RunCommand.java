package org.clsweep.jobs.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.clsweep.data.experiment.RunStatus;
import org.clsweep.data.spec.SpecException;
import org.clsweep.jobs.dataset.BoundCells;
import org.clsweep.jobs.dataset.DataProvenance;
import org.clsweep.jobs.grid.Cell;
import org.clsweep.jobs.grid.Grid;
import org.clsweep.jobs.output.HadoopSettings;
import org.clsweep.jobs.output.Manifest;
import org.clsweep.jobs.output.OutputDirectory;
import org.clsweep.jobs.output.OutputLease;
import org.clsweep.jobs.spec.SweepSpec;
import org.clsweep.jobs.sweep.FaultInjection;
import org.clsweep.jobs.sweep.ProgressReporter;
import org.clsweep.jobs.sweep.SweepDriver;
import org.clsweep.jobs.sweep.SweepOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code clsweep run SPEC [--out DIR] [--set k=v]... [--master URL] [--retry-failed]}. The spec and
 * every cell are checked, the master URL's form, and the output directory inspected, before Spark
 * starts; any problem there exits 2 having written nothing. A directory holding this sweep
 * complete is left as is (unless {@code --retry-failed} and some runs FAILED); one holding it
 * unfinished, or holding a sweep this spec extends, is resumed: only the runs without a committed
 * result are run ({@link SweepDriver}).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run (or resume, or extend) a sweep on Spark and write runs, optima, trace, tokens and "
                + "aggregates as Parquet.")
public final class RunCommand implements Callable<Integer> {
    /** Where outputs go by default, relative to the working directory: runs/&lt;sweep.name&gt;. */
    static final String DEFAULT_OUT_PARENT = "runs";
    private static final String LEASE_TIMEOUT = "--lease-timeout";
    private static final String ALLOW_LARGE = "--allow-large";
    /** Sweeps with more runs than this are refused unless {@value #ALLOW_LARGE} is given. */
    static final long RUN_LIMIT = 10_000_000L;

    @Mixin
    SpecOptions options;

    @Option(names = "--out", paramLabel = "DIR",
            description = "output directory, any Hadoop path (default: runs/<sweep.name>)")
    String out;

    @Mixin
    MasterOption master;

    @Option(names = "--repair",
            description = "move committed result parts that cannot be read aside (to OUT/_results/_damaged, "
                    + "kept) and compute their runs again; the manifest records them")
    boolean repair;

    @Option(names = "--break-lease",
            description = "take the output directory's lease even from a driver that still renews it "
                    + "(the manifest records it)")
    boolean breakLease;

    @Option(names = LEASE_TIMEOUT, paramLabel = "SECONDS",
            description = "a lease not renewed for this long may be taken over (default: 300)")
    long leaseTimeout = OutputLease.DEFAULT_TIMEOUT.toSeconds();

    @Option(names = "--retry-failed",
            description = "run again the runs whose committed result is FAILED (their rows are replaced)")
    boolean retryFailed;

    @Option(names = ALLOW_LARGE,
            description = "run a sweep of more than 10 000 000 runs (cells × seeds), refused without it")
    boolean allowLarge;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws IOException {
        SweepSpec spec = options.parse();
        if (!allowLarge) {
            Grid.checkSize(spec, RUN_LIMIT, ALLOW_LARGE);
        }
        String masterUrl = master.checked();
        BoundCells bound = BoundCells.bind(Grid.expand(spec), HadoopSettings.beforeSpark());
        List<Cell> cells = bound.cells();
        SweepOptions sweepOptions = SweepOptions.of(retryFailed, repair).withData(bound.data());
        String location = out != null ? out : DEFAULT_OUT_PARENT + "/" + spec.name();
        PrintWriter stdout = command.commandLine().getOut();
        PrintWriter stderr = command.commandLine().getErr();

        try (OutputDirectory probe = OutputDirectory.open(location, HadoopSettings.beforeSpark())) {
            OutputDirectory.Inspection found = probe.inspect(spec);
            DataProvenance.checkUnchanged(found.manifest(), bound.data(), probe.root());
            if (found.completeAsIs()) {
                Manifest m = found.manifest().orElseThrow();
                if (!retryFailed || m.count(RunStatus.FAILED) == 0) {
                    stdout.println(spec.name() + ": already complete in " + probe.root() + " (spec hash "
                            + spec.hash().substring(0, 12) + "…), nothing to do"
                            + (m.count(RunStatus.FAILED) > 0 ? "; --retry-failed runs the FAILED runs again" : ""));
                    stdout.println(summary(m, probe.root()));
                    stdout.flush();
                    return exitCode(m);
                }
            }
        }

        if (leaseTimeout < 1) {
            throw new SpecException(LEASE_TIMEOUT, LEASE_TIMEOUT + " must be >= 1 second, found " + leaseTimeout);
        }
        try (OutputLease lease = OutputLease.take(location, HadoopSettings.beforeSpark(),
                Duration.ofSeconds(leaseTimeout), breakLease, stderr)) {
            if (lease.broken() != null) {
                stderr.println("clsweep: took over the lease on " + location + " from " + lease.broken());
            }
            return runLeased(spec, masterUrl, cells, lease.broken() == null ? sweepOptions
                    : sweepOptions.withBrokenLease(lease.broken()), location, stdout, stderr);
        }
    }

    private Integer runLeased(SweepSpec spec, String masterUrl, List<Cell> cells, SweepOptions sweepOptions,
                              String location, PrintWriter stdout, PrintWriter stderr) throws IOException {
        if (sweepOptions.faults().active()) {
            stderr.println("clsweep: WARNING: test fault injection is on (-D" + FaultInjection.PROPERTY + "="
                    + sweepOptions.faults().text() + "): runs and tasks will fail on purpose");
        }
        stderr.println(Grid.describe(spec));
        stderr.flush();
        boolean ownSession = SparkSession.getDefaultSession().isEmpty();
        SparkSession spark = SparkSessions.create(masterUrl, "clsweep " + spec.name());
        try (OutputDirectory dir = OutputDirectory.open(location, spark.sparkContext().hadoopConfiguration())) {
            Manifest m = SweepDriver.run(spark, spec, cells, dir, sweepOptions, stderr);
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
                + m.count(RunStatus.FAILED) + " FAILED; " + m.computed() + " computed by attempt " + m.attempt()
                + " in " + ProgressReporter.clock(ms) + "\n"
                + "output: " + root + " (" + String.join(", ", OutputDirectory.TABLES) + ", "
                + OutputDirectory.MANIFEST + ")";
    }
}
