package org.clsweep.jobs.sweep;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.clsweep.jobs.aggregate.Aggregator;
import org.clsweep.jobs.aggregate.RunCounts;
import org.clsweep.jobs.grid.Cell;
import org.clsweep.jobs.grid.Grid;
import org.clsweep.jobs.output.Manifest;
import org.clsweep.jobs.output.ManifestStatus;
import org.clsweep.jobs.output.OutputDirectory;
import org.clsweep.jobs.output.Provenance;
import org.clsweep.jobs.spec.SweepSpec;

/**
 * Runs a whole sweep on the driver, in order: RUNNING manifest; simulate every (cell, seed) into
 * the staged result table ({@link SweepJob#simulate}); split it into runs, optima, trace, tokens;
 * aggregate, counting the runs on the way, and check that each (cell, seed) appears exactly once;
 * move the tables into place; COMPLETE
 * manifest with counts per status. If the job itself fails, the manifest says ABORTED and no
 * table is moved into place. Every Spark job is labelled with the sweep's job group.
 */
public final class SweepDriver {
    private SweepDriver() {
    }

    /**
     * @param spark   the session
     * @param spec    the sweep. Not modified.
     * @param cells   its expanded cells ({@link Grid#expand}). Not modified.
     * @param out     the output directory, already {@link OutputDirectory#inspect inspected}
     * @param runner  what to call per run ({@link RunFunction#EXECUTOR} in production)
     * @param console where progress lines go, or null
     * @return the final manifest
     * @throws IOException if the output cannot be written
     */
    public static Manifest run(SparkSession spark, SweepSpec spec, List<Cell> cells, OutputDirectory out,
                               RunFunction runner, PrintWriter console) throws IOException {
        String codeVersion = Provenance.codeVersion();
        Manifest running = new Manifest(spec.name(), spec.hash(), ManifestStatus.RUNNING, codeVersion,
                Provenance.environment(spark), cells.size(), spec.seeds().size(), Map.of(), Instant.now(), null,
                null, spec.toConfig());
        out.begin(running);
        String group = SweepJob.jobGroup(spec.name());
        try {
            SweepPlan plan = new SweepPlan(spec.name(), spec.hash(), codeVersion, cells, runner);
            List<RunTask> tasks = new ArrayList<>(cells.size() * spec.seeds().size());
            for (Cell c : cells) {
                for (long seed : spec.seeds()) {
                    tasks.add(RunTask.from(c, seed));
                }
            }
            spark.sparkContext().setJobGroup(group, Grid.describe(spec), false);
            SweepJob.simulate(spark, plan, tasks, out.staged(OutputDirectory.RESULT), console);

            spark.sparkContext().setJobGroup(group, spec.name() + ": writing the run tables", false);
            SweepJob.split(spark, out.staged(OutputDirectory.RESULT), tasks.size(), out);

            spark.sparkContext().setJobGroup(group, spec.name() + ": aggregating " + cells.size() + " cells", false);
            RunCounts counts = Aggregator.write(spark, out.staged(OutputDirectory.RUNS),
                    out.staged(OutputDirectory.AGGREGATES));
            check(counts, cells.size(), tasks.size());

            out.commit(OutputDirectory.TABLES);
            Manifest done = running.finish(ManifestStatus.COMPLETE, counts.byStatus(), Instant.now(), null);
            out.writeManifest(done);
            return done;
        } catch (RuntimeException | IOException e) {
            try {
                out.writeManifest(running.finish(ManifestStatus.ABORTED, Map.of(), Instant.now(), e.toString()));
            } catch (IOException | RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        } finally {
            spark.sparkContext().clearJobGroup();
        }
    }

    /**
     * Recomputes {@code OUT/aggregates} from {@code OUT/runs} and replaces it.
     *
     * @throws IllegalArgumentException if OUT has no runs table or the table lacks a column
     */
    public static void reaggregate(SparkSession spark, OutputDirectory out, String sweep) throws IOException {
        if (!out.hasTable(OutputDirectory.RUNS)) {
            throw new IllegalArgumentException(out.root() + " has no " + OutputDirectory.RUNS + " table");
        }
        spark.sparkContext().setJobGroup(SweepJob.jobGroup(sweep), sweep + ": re-aggregating", false);
        try {
            out.clearStaged(OutputDirectory.AGGREGATES);
            Aggregator.write(spark, out.table(OutputDirectory.RUNS), out.staged(OutputDirectory.AGGREGATES));
            out.commit(List.of(OutputDirectory.AGGREGATES));
        } finally {
            spark.sparkContext().clearJobGroup();
        }
    }

    /** Checks that the runs table holds each (cell, seed) exactly once. */
    private static void check(RunCounts counts, long cells, long runs) {
        if (counts.cells() != cells || counts.rows() != runs || counts.distinctRuns() != runs) {
            throw new IllegalStateException("the runs table holds " + counts.rows() + " rows for "
                    + counts.distinctRuns() + " distinct (cell, seed) pairs in " + counts.cells()
                    + " cells, expected " + runs + " runs in " + cells + " cells");
        }
    }
}
