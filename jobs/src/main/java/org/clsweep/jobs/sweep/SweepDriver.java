package org.clsweep.jobs.sweep;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.clsweep.data.experiment.RunStatus;
import org.clsweep.data.spec.SpecException;
import org.clsweep.jobs.aggregate.Aggregator;
import org.clsweep.jobs.aggregate.RunCounts;
import org.clsweep.jobs.dataset.DataProvenance;
import org.clsweep.jobs.grid.Cell;
import org.clsweep.jobs.grid.Grid;
import org.clsweep.jobs.output.Manifest;
import org.clsweep.jobs.output.ManifestStatus;
import org.clsweep.jobs.output.OutputDirectory;
import org.clsweep.jobs.output.Provenance;
import org.clsweep.jobs.output.ResultParts;
import org.clsweep.jobs.output.RunsTable;
import org.clsweep.jobs.output.SpecChange;
import org.clsweep.jobs.spec.SeedRanges;
import org.clsweep.jobs.spec.SweepSpec;

/**
 * Runs one attempt of a sweep on the driver, in order: read which runs the directory's committed
 * result parts already hold ({@link CommittedRuns}); RUNNING manifest (attempt n, the earlier
 * attempts in its history); simulate the runs that have no committed result yet — and, with
 * {@code retryFailed}, those whose result is FAILED — committing one result part per bin
 * ({@link SweepJob#simulate}); derive the runs, optima, trace and tokens tables from all committed
 * parts ({@link SweepJob#compact}) and, as soon as the runs table is written, aggregate it,
 * counting the runs on the way; check that each (cell, seed) of the spec appears exactly once;
 * move the tables into place; COMPLETE manifest with counts per status. If the job itself fails,
 * the manifest says ABORTED and no table is moved into place; the parts committed so far stay for
 * the next attempt. Every Spark job is labelled with the sweep's job group.
 */
public final class SweepDriver {
    /** The manifest's environment entry naming a lease this attempt took over. */
    public static final String LEASE_BROKEN = "lease_broken";
    /** The manifest's environment entry naming the damaged parts this attempt moved aside. */
    public static final String PARTS_REPAIRED = "parts_repaired";

    private SweepDriver() {
    }

    /**
     * @param spark   the session
     * @param spec    the sweep. Not modified.
     * @param cells   its expanded cells ({@link Grid#expand}). Not modified.
     * @param out     the output directory
     * @param options the run function, faults, and whether to run FAILED runs again
     * @param console where progress lines go, or null
     * @return the final manifest
     * @throws org.clsweep.data.spec.SpecException if the directory cannot take this spec
     * @throws IOException                          if the output cannot be written
     */
    public static Manifest run(SparkSession spark, SweepSpec spec, List<Cell> cells, OutputDirectory out,
                               SweepOptions options, PrintWriter console) throws IOException {
        try (LostExecutors lost = LostExecutors.listen(spark.sparkContext())) {
            return run(spark, spec, cells, out, options, console, lost);
        }
    }

    private static Manifest run(SparkSession spark, SweepSpec spec, List<Cell> cells, OutputDirectory out,
                                SweepOptions options, PrintWriter console, LostExecutors lost) throws IOException {
        OutputDirectory.Inspection found = out.inspect(spec);
        ResultParts parts = out.results();
        String group = SweepJob.jobGroup(spec.name());
        spark.sparkContext().setJobGroup(group, spec.name() + ": reading the committed results", false);
        List<ResultParts.Damage> damaged = parts.verify(parts.committed());
        if (!damaged.isEmpty()) {
            String list = damaged.stream().map(ResultParts.Damage::toString).collect(Collectors.joining("; "));
            String aside = out.root() + "/" + ResultParts.DIR + "/" + ResultParts.DAMAGED;
            String them = damaged.size() == 1 ? "it" : "them";
            String their = damaged.size() == 1 ? "its" : "their";
            if (!options.repair()) {
                throw new SpecException(OutputDirectory.OUT_KEY, "--out " + out.root() + ": " + damaged.size()
                        + " committed result part" + (damaged.size() == 1 ? "" : "s") + " cannot be read: " + list
                        + ". Nothing was changed. Run again with --repair to set " + them + " aside (" + their
                        + " files are kept, not deleted; " + aside + " records why) and compute " + their
                        + " runs again");
            }
            parts.setAside(damaged);
            if (console != null) {
                console.println("clsweep: set aside " + list + " (recorded in " + aside + "); " + their
                        + " runs are computed again");
                console.flush();
            }
        }
        SeedRanges seeds = spec.seeds().sorted();
        CommittedRuns committed;
        try {
            committed = CommittedRuns.read(spark, parts.locations(parts.committed()), cells, seeds,
                    options.retryFailed());
        } finally {
            spark.sparkContext().clearJobGroup();
        }
        Optional<Manifest> previous = found.manifest();
        int attempt = Math.max(previous.map(Manifest::attempt).orElse(0), parts.lastAttempt()) + 1;
        if (attempt > ResultParts.MAX_ATTEMPT) {
            throw new IllegalStateException(out.root() + " has seen " + (attempt - 1) + " attempts, the most there"
                    + " can be; run the sweep into a new --out");
        }
        List<Manifest.Attempt> history = new ArrayList<>();
        previous.ifPresent(p -> {
            history.addAll(p.history());
            history.add(p.asAttempt(committed.rowsOfAttempt(p.attempt())));
        });

        List<TaskLayout.CellRuns> todo = new ArrayList<>();
        long pending = 0;
        double seconds = 0;
        for (Cell c : cells) {
            SeedRanges left = seeds.minus(committed.done(c.index()));
            if (!left.isEmpty()) {
                double perRun = TaskLayout.seconds(c.spec());
                todo.add(new TaskLayout.CellRuns(c.index(), left, perRun));
                pending += left.size();
                seconds += perRun * left.size();
            }
        }
        Map<RunStatus, Long> kept = new EnumMap<>(RunStatus.class);
        for (RunStatus s : RunStatus.values()) {
            kept.put(s, committed.runs(s));
        }
        long retried = 0;
        if (options.retryFailed()) {
            retried = kept.get(RunStatus.FAILED);
            kept.put(RunStatus.FAILED, 0L);
        }
        long runs = cells.size() * seeds.size();
        long reused = runs - pending;

        String codeVersion = Provenance.codeVersion();
        Manifest running = new Manifest(spec.name(), spec.hash(), ManifestStatus.RUNNING, codeVersion,
                environment(spark, options, damaged, lost), cells.size(), seeds.size(), Map.of(), Instant.now(),
                null, null, spec.canonicalJson(), attempt, reused, 0, history, options.faults().text());
        out.begin(running);
        AtomicLong computed = new AtomicLong();
        long started = System.nanoTime();
        try {
            if (console != null) {
                report(console, spec.name(), attempt, found.change(), kept, reused, pending, retried, runs);
            }
            SweepPlan plan = new SweepPlan(spec.name(), spec.hash(), codeVersion, cells, options.runner(),
                    options.faults(), options.data());
            if (!todo.isEmpty()) {
                int slots = TaskSlots.planned(spark.sparkContext());
                int bins = TaskLayout.binCount(pending, seconds, slots);
                SweepJob.Progress progress = console == null ? null
                        : new SweepJob.Progress(console, runs, reused, kept.getOrDefault(RunStatus.FAILED, 0L));
                SweepJob.simulate(spark, plan, TaskLayout.assign(todo, bins), slots, parts, attempt,
                        Grid.describe(spec), progress, computed);
            }
            parts.clearUncommitted();
            long simulated = System.nanoTime();
            if (console != null) {
                console.println("[" + spec.name() + "] " + computed.get() + " runs simulated in "
                        + ProgressReporter.clock((simulated - started) / 1_000_000L) + "; writing the run tables and "
                        + "aggregating " + cells.size() + " cells");
                console.flush();
            }

            spark.sparkContext().setJobGroup(group, spec.name() + ": writing the run tables and aggregating "
                    + cells.size() + " cells", false);
            AtomicReference<RunCounts> aggregated = new AtomicReference<>();
            SweepJob.compact(spark, plan, cells, seeds, parts.locations(parts.committed()),
                    committed.hasDuplicates() || retried > 0, out, () -> aggregated.set(Aggregator.write(spark,
                            // the schema just written: no job to read it back from the footers
                            spark.read().schema(RunsTable.schema()).parquet(out.staged(OutputDirectory.RUNS)),
                            out.staged(OutputDirectory.AGGREGATES))));
            RunCounts counts = aggregated.get();
            check(counts, cells.size(), runs);

            out.commit(OutputDirectory.TABLES);
            if (console != null) {
                console.println("[" + spec.name() + "] tables and aggregates of " + runs + " runs written in "
                        + ProgressReporter.clock((System.nanoTime() - simulated) / 1_000_000L));
                console.flush();
            }
            Manifest done = running.finish(ManifestStatus.COMPLETE, counts.byStatus(), computed.get(),
                    environment(spark, options, damaged, lost), Instant.now(), null);
            out.writeManifest(done);
            return done;
        } catch (RuntimeException | IOException e) {
            try {
                out.writeManifest(running.finish(ManifestStatus.ABORTED, Map.of(), computed.get(),
                        environment(spark, options, damaged, lost), Instant.now(), e.toString()));
            } catch (IOException | RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        } finally {
            spark.sparkContext().clearJobGroup();
        }
    }

    /** What this attempt keeps and runs, on the console. */
    private static void report(PrintWriter console, String sweep, int attempt, SpecChange change,
                               Map<RunStatus, Long> kept, long reused, long todo, long retried, long runs) {
        if (change.kind() == SpecChange.Kind.EXTENSION) {
            console.println("[" + sweep + "] the spec extends the sweep in this directory by " + change.addedRuns()
                    + " runs; changed keys: " + change.keyList());
        }
        if (attempt > 1) {
            console.println("[" + sweep + "] attempt " + attempt + ": " + reused + " of " + runs
                    + " runs have a committed result and are kept (" + kept.getOrDefault(RunStatus.OK, 0L) + " OK, "
                    + kept.getOrDefault(RunStatus.DIVERGED, 0L) + " DIVERGED, "
                    + kept.getOrDefault(RunStatus.FAILED, 0L) + " FAILED); " + todo + " to run"
                    + (retried > 0 ? ", " + retried + " of them FAILED before" : ""));
        }
        console.flush();
    }

    /**
     * Recomputes {@code OUT/aggregates} from {@code OUT/runs} and replaces it. While the table is
     * moved into place the manifest (if any) says RUNNING, and then what it said before: on a store
     * whose rename copies, a reader is told that the tables are unfinished while the move is under
     * way, and after a crash in it until the next {@code run}.
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
            Aggregator.write(spark, spark.read().parquet(out.table(OutputDirectory.RUNS)),
                    out.staged(OutputDirectory.AGGREGATES));
            Optional<Manifest> held = out.readManifest();
            if (held.isPresent()) {
                Manifest m = held.get();
                out.writeManifest(m.finish(ManifestStatus.RUNNING, m.counts(), m.computed(), m.environment(),
                        m.finishedAt(), m.error()));
            }
            out.commit(List.of(OutputDirectory.AGGREGATES));
            if (held.isPresent()) {
                out.writeManifest(held.get());
            }
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

    /**
     * The provenance of this attempt, with the lease it took over, the parts it moved aside, the
     * data its cells read and the executors it lost.
     */
    private static Map<String, Object> environment(SparkSession spark, SweepOptions options,
                                                   List<ResultParts.Damage> damaged, LostExecutors lost) {
        Map<String, Object> env = new LinkedHashMap<>(Provenance.environment(spark));
        if (options.brokenLease() != null) {
            env.put(LEASE_BROKEN, options.brokenLease());
        }
        if (!damaged.isEmpty()) {
            env.put(PARTS_REPAIRED, damaged.stream().map(ResultParts.Damage::toString)
                    .collect(Collectors.joining("; ")));
        }
        if (!options.data().isEmpty()) {
            env.put(DataProvenance.ENTRY, DataProvenance.entry(options.data()));
        }
        List<Map<String, Object>> lostExecutors = lost.entries();
        if (!lostExecutors.isEmpty()) {
            env.put(LostExecutors.ENTRY, lostExecutors);
        }
        return env;
    }
}
