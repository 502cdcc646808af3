package org.clsweep.jobs.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.clsweep.data.experiment.RunMetric;
import org.clsweep.data.experiment.RunStatus;
import org.clsweep.data.spec.SpecException;
import org.clsweep.jobs.dataset.BoundCells;
import org.clsweep.jobs.grid.Cell;
import org.clsweep.jobs.grid.Grid;
import org.clsweep.jobs.output.HadoopSettings;
import org.clsweep.jobs.output.Manifest;
import org.clsweep.jobs.output.OutputDirectory;
import org.clsweep.jobs.output.OutputLease;
import org.clsweep.jobs.regress.RegressDriver;
import org.clsweep.jobs.regress.UnusableInputException;
import org.clsweep.jobs.regress.baseline.Baseline;
import org.clsweep.jobs.regress.baseline.BaselineStore;
import org.clsweep.jobs.regress.baseline.GridAxes;
import org.clsweep.jobs.regress.baseline.SeedOffset;
import org.clsweep.jobs.regress.decision.Comparison;
import org.clsweep.jobs.regress.decision.RegressionReport;
import org.clsweep.jobs.regress.results.SweepResults;
import org.clsweep.jobs.regress.settings.CellFilter;
import org.clsweep.jobs.regress.settings.RegressSpec;
import org.clsweep.jobs.regress.settings.RegressSpecParser;
import org.clsweep.jobs.spec.SpecParser;
import org.clsweep.jobs.spec.SweepSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code clsweep regress SPEC --baseline DIR [--out DIR] [--set k=v]... [--seed-offset N]
 * [--update-baseline] [--master URL]}: run (or resume) the sweep, compare every cell's metrics
 * with the baseline's, write {@code OUT/regress/}. Exit 0 no regression, 1 regression (or the
 * sweep failed), 2 unusable input — bad spec, or a baseline that is missing, corrupt, empty or
 * from another spec — checked before Spark starts where possible. With {@code --update-baseline}
 * the run's results replace the baseline instead, and nothing is compared.
 */
@Command(name = "regress", mixinStandardHelpOptions = true,
        description = {"Run a sweep and compare it with a baseline sweep, cell by cell and metric by metric.",
            "Exit 0: no regression; 1: regression; 2: unusable input (spec, baseline)."})
public final class RegressCommand implements Callable<Integer> {
    /** Default output parent: runs/regress/&lt;sweep.name&gt;/seeds+&lt;offset&gt;. */
    static final String DEFAULT_OUT_PARENT = "runs/regress";

    @Mixin
    SpecOptions options;

    @Option(names = "--baseline", paramLabel = "DIR", required = true,
            description = "the baseline: a sweep output directory of the same spec (e.g. conf/baselines/nightly)")
    String baseline;

    @Option(names = "--out", paramLabel = "DIR",
            description = "where the sweep and OUT/regress/ go (default: runs/regress/<sweep.name>/seeds+<offset>)")
    String out;

    @Option(names = "--seed-offset", paramLabel = "N",
            description = "add N to every seed (default: derived from today's date when regress.fresh_seeds = "
                    + "true, else 0)")
    Long seedOffset;

    @Option(names = "--update-baseline",
            description = "write this run's results as the new baseline DIR instead of comparing")
    boolean updateBaseline;

    @Mixin
    MasterOption master;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = command.commandLine().getOut();
        PrintWriter stderr = command.commandLine().getErr();
        SpecParser.RegressInput input = SpecParser.parseForRegress(options.spec, options.sets);
        SweepSpec withSets = input.current();
        String masterUrl = master.checked();
        RegressSpec regress = RegressSpecParser.parse(input.regress());
        long offset = seedOffset != null ? seedOffset
                : regress.freshSeeds() ? SeedOffset.forDate(LocalDate.now(ZoneOffset.UTC)) : 0L;
        SweepSpec current = SeedOffset.apply(withSets, offset);
        BoundCells bound = BoundCells.bind(Grid.expand(current), HadoopSettings.beforeSpark());
        List<Cell> cells = bound.cells();
        checkExactAxes(regress, GridAxes.of(current));
        String location = out != null ? out : DEFAULT_OUT_PARENT + "/" + current.name() + "/seeds+" + offset;
        try {
            Baseline base = null;
            if (!updateBaseline) {
                base = Baseline.open(HadoopSettings.beforeSpark(), baseline, input.fileOnly(), current);
            }
            try (OutputDirectory probe = OutputDirectory.open(location, HadoopSettings.beforeSpark())) {
                probe.inspect(current);
            }
            stderr.println("regress: " + current.name() + ", seeds " + seedRange(current) + (offset == 0 ? ""
                    : " (offset " + offset + ")") + (updateBaseline ? ", writing a new baseline " + baseline
                    : ", baseline " + baseline) + ", output " + location);
            stderr.flush();
            boolean ownSession = SparkSession.getDefaultSession().isEmpty();
            OutputLease lease = OutputLease.take(location, HadoopSettings.beforeSpark(), OutputLease.DEFAULT_TIMEOUT,
                    false, stderr);
            SparkSession spark;
            try {
                spark = SparkSessions.create(masterUrl, "clsweep regress " + current.name());
            } catch (RuntimeException e) {
                lease.close();
                throw e;
            }
            try (lease; OutputDirectory dir = OutputDirectory.open(location,
                    spark.sparkContext().hadoopConfiguration())) {
                SweepResults baseResults = base == null ? null : RegressDriver.readBaseline(spark, regress, base, current);
                Manifest m = RegressDriver.sweep(spark, current, cells, bound.data(), dir, stderr);
                stdout.println(RunCommand.summary(m, dir.root()));
                if (updateBaseline) {
                    return writeBaseline(spark, m, dir.root(), offset, stdout, stderr);
                }
                RegressionReport r = RegressDriver.compare(spark, regress, base, baseResults, current, m, dir.root(),
                        offset);
                stdout.print(verdict(r, RegressDriver.outputDir(dir.root())));
                stdout.flush();
                return r.outcome() == RegressionReport.Outcome.PASS ? ExitCodes.OK : ExitCodes.FAILED;
            } finally {
                if (ownSession) {
                    spark.stop();
                }
            }
        } catch (UnusableInputException e) {
            stderr.println("clsweep regress: cannot compare: " + e.getMessage());
            stderr.flush();
            return ExitCodes.USAGE;
        }
    }

    private int writeBaseline(SparkSession spark, Manifest m, String root, long offset, PrintWriter stdout,
                              PrintWriter stderr) throws IOException {
        if (m.count(RunStatus.FAILED) > 0) {
            stderr.println("clsweep regress: not updating baseline " + baseline + ": " + m.count(RunStatus.FAILED)
                    + " runs FAILED (see the error column of " + root + "/runs)");
            stderr.flush();
            return ExitCodes.FAILED;
        }
        String cmd = "bin/clsweep regress " + options.spec + " --baseline " + baseline + " --update-baseline"
                + " --seed-offset " + offset + setArgs();
        int files = BaselineStore.replace(spark.sparkContext().hadoopConfiguration(), root, baseline,
                RegressDriver.baselineNote(m, offset, cmd));
        stdout.println("BASELINE UPDATED: " + baseline + " now holds the results of this run (" + m.runs()
                + " runs, code " + m.codeVersion() + ", " + files + " files); nothing was compared");
        stdout.flush();
        return ExitCodes.OK;
    }

    private String setArgs() {
        StringBuilder b = new StringBuilder();
        for (String s : options.sets) {
            b.append(" --set '").append(s).append('\'');
        }
        return b.toString();
    }

    private static String seedRange(SweepSpec s) {
        List<Long> seeds = s.seeds();
        return seeds.size() == 1 ? seeds.get(0).toString() : seeds.get(0) + ".." + seeds.get(seeds.size() - 1);
    }

    /** Every axis an exact-comparison filter names must be a grid axis of the sweep. */
    private static void checkExactAxes(RegressSpec spec, List<String> axes) {
        for (Map.Entry<RunMetric, CellFilter> e : spec.exact().entrySet()) {
            List<String> unknown = e.getValue().unknownAxes(axes);
            if (!unknown.isEmpty()) {
                String key = RegressSpecParser.BLOCK + "." + RegressSpecParser.EXACT + "." + e.getKey().column() + "."
                        + unknown.get(0);
                throw new SpecException(key, key + " names no grid axis of this sweep; grid axes: " + axes);
            }
        }
    }

    /** The closing lines: verdict, counts, the worst offenders, where the report is. */
    static String verdict(RegressionReport r, String reportDir) {
        StringBuilder b = new StringBuilder();
        List<Comparison> regressions = r.withVerdict(Comparison.Verdict.REGRESSION);
        b.append(r.outcome()).append(": ").append(r.comparisons().size()).append(" comparisons over ")
                .append(r.cellsCompared()).append(" cells, ").append(regressions.size()).append(" regressions, ")
                .append(r.count(Comparison.Verdict.NOT_COMPARED)).append(" not compared (alpha ")
                .append(r.alpha()).append(", ").append(r.correction().specName()).append(" over ").append(r.tests())
                .append(" tests)\n");
        int shown = 0;
        for (Comparison c : regressions) {
            if (shown++ == 10) {
                b.append("  … and ").append(regressions.size() - 10).append(" more\n");
                break;
            }
            b.append("  REGRESSION ").append(c.cell()).append(c.metric() == null ? "" : " / " + c.metric())
                    .append(": ").append(c.reason()).append('\n');
        }
        b.append("report: ").append(reportDir).append("/report.md\n");
        return b.toString();
    }
}
