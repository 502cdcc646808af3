package org.clsweep.jobs.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.clsweep.data.experiment.RunExecutor;
import org.clsweep.data.experiment.RunMetric;
import org.clsweep.data.experiment.RunResult;
import org.clsweep.jobs.Main;
import org.clsweep.jobs.grid.Cell;
import org.clsweep.jobs.grid.Grid;
import org.clsweep.jobs.output.Manifest;
import org.clsweep.jobs.output.OutputDirectory;
import org.clsweep.jobs.spec.SpecParser;
import org.clsweep.jobs.spec.SweepSpec;
import org.clsweep.jobs.testing.DuckDb;
import org.clsweep.jobs.testing.OutputTrees;
import org.clsweep.jobs.testing.SparkTestBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Injected faults through {@code clsweep run} on real one-layer runs, on local[2,2] (a task may
 * fail once and be retried): runs that throw become FAILED rows and exit code 1, and
 * {@code --retry-failed} replaces them; a task whose first attempt fails is retried by Spark. In
 * every case the final tables equal those of a sweep without faults, each run once.
 */
class FaultsIT {
    static final String SPEC = "sweep {\n name = faults\n seeds = 3\n"
            + " geometry { patterns = 3, dim = 6, noise = 0.05, mag_start = 1.0, mag_end = 0.6 }\n"
            + " train { lr = 1.0, steps = 600, tol = 1e-9 }\n"
            + " grid { activation = [linear, relu], width = [1, 3] }\n}\n";
    static final long RUNS = 12;

    @TempDir
    static Path tmp;
    static Path specFile;
    static Path reference;
    static SparkSession spark;
    static final List<String> failedTasks = new CopyOnWriteArrayList<>();
    static final List<String> jobLabels = new CopyOnWriteArrayList<>();

    record Cli(int code, String out, String err) {
    }

    static Cli cli(String faults, String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        if (faults != null) {
            System.setProperty(FaultInjection.PROPERTY, faults);
        }
        try {
            int code = Main.execute(new PrintStream(o, true, StandardCharsets.UTF_8),
                    new PrintStream(e, true, StandardCharsets.UTF_8), args);
            return new Cli(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.clearProperty(FaultInjection.PROPERTY);
        }
    }

    @BeforeAll
    static void referenceSweep() throws Exception {
        spark = SparkTestBase.newSession("local[2,2]");
        spark.sparkContext().addSparkListener(new SparkListener() {
            @Override
            public void onJobStart(SparkListenerJobStart start) {
                jobLabels.add(start.properties().getProperty("spark.jobGroup.id") + " | "
                        + start.properties().getProperty("spark.job.description"));
            }

            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (end.taskInfo().failed()) {
                    failedTasks.add(end.reason().toString());
                }
            }
        });
        specFile = tmp.resolve("faults.conf");
        Files.writeString(specFile, SPEC);
        reference = tmp.resolve("reference");
        Cli r = cli(null, "run", specFile.toString(), "--out", reference.toString());
        assertThat(r.code).as(r.err).isZero();
        assertThat(r.err).doesNotContain("fault injection");
    }

    @Test
    void everySparkJobIsLabelledWithTheSweep() {
        assertThat(jobLabels).isNotEmpty().allSatisfy(l -> assertThat(l).startsWith("sweep-faults | faults: "));
        assertThat(jobLabels).anySatisfy(l -> assertThat(l).contains(
                "faults: 4 cells × 3 seeds = 12 runs; activation ∈ {linear, relu} × width ∈ {1, 3} · part a00001-b"));
        assertThat(jobLabels).anySatisfy(l -> assertThat(l)
                .endsWith("faults: writing the run tables and aggregating 4 cells"));
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    static void assertSameAsReference(Path out) throws Exception {
        for (String t : List.of("runs", "optima", "trace", "tokens")) {
            assertThat(OutputTrees.rows(out, t)).as(t).isEqualTo(OutputTrees.rows(reference, t));
        }
        Map<String, Object> c = DuckDb.query("SELECT count(*) AS n, count(DISTINCT (cell_id, seed)) AS d FROM "
                + DuckDb.table(out.resolve("runs"))).get(0);
        assertThat(c).containsEntry("n", RUNS).containsEntry("d", RUNS);
    }

    @Test
    void failingRunsAreFailedRowsAndRetryFailedReplacesThem() throws Exception {
        Path out = tmp.resolve("failing");
        Cli first = cli("fail-seed=2", "run", specFile.toString(), "--out", out.toString());
        assertThat(first.code).as(first.err).isEqualTo(1);
        assertThat(first.err).contains("WARNING: test fault injection is on (-Dclsweep.test.faults=fail-seed=2)");
        assertThat(first.out).contains("4 FAILED");
        List<Map<String, Object>> failed = DuckDb.query("SELECT seed, error FROM " + DuckDb.table(out.resolve("runs"))
                + " WHERE status = 'FAILED'");
        assertThat(failed).hasSize(4).allSatisfy(r -> {
            assertThat(r.get("seed")).isEqualTo(2L);
            assertThat((String) r.get("error")).startsWith(FaultInjection.InjectedFault.class.getName()
                    + ": injected fault (clsweep.test.faults=fail-seed=2) for cell ");
        });
        Manifest m1 = Manifest.parse(Files.readString(out.resolve(OutputDirectory.MANIFEST)));
        assertThat(m1.faults()).isEqualTo("fail-seed=2");
        List<Map<String, Object>> othersBefore = DuckDb.query("SELECT * EXCLUDE (wall_ms) FROM "
                + DuckDb.table(out.resolve("runs")) + " WHERE seed <> 2 ORDER BY cell_id, seed");

        Cli again = cli(null, "run", specFile.toString(), "--out", out.toString());
        assertThat(again.code).as("a complete sweep with FAILED runs: nothing to do, exit 1").isEqualTo(1);
        assertThat(again.out).contains("nothing to do; --retry-failed runs the FAILED runs again");

        Cli retry = cli(null, "run", specFile.toString(), "--out", out.toString(), "--retry-failed");
        assertThat(retry.code).as(retry.err).isZero();
        assertThat(retry.err).contains("8 of 12 runs have a committed result and are kept")
                .contains("4 to run, 4 of them FAILED before");
        assertThat(retry.out).contains("12 OK, 0 DIVERGED, 0 FAILED; 4 computed by attempt 2");
        Manifest m2 = Manifest.parse(Files.readString(out.resolve(OutputDirectory.MANIFEST)));
        assertThat(m2.faults()).isNull();
        assertThat(m2.history()).singleElement().satisfies(a -> assertThat(a.computed()).isEqualTo(RUNS));
        assertSameAsReference(out);
        assertThat(DuckDb.query("SELECT * EXCLUDE (wall_ms) FROM " + DuckDb.table(out.resolve("runs"))
                + " WHERE seed <> 2 ORDER BY cell_id, seed")).as("the other runs' rows are kept").isEqualTo(othersBefore);

        // the retried runs are real runs: they match the executor called directly
        SweepSpec spec = SpecParser.parseFile(specFile, List.of());
        for (Cell c : Grid.expand(spec)) {
            RunResult direct = RunExecutor.execute(c.spec(), 2);
            Map<String, Object> row = DuckDb.query("SELECT * FROM " + DuckDb.table(out.resolve("runs"))
                    + " WHERE seed = 2 AND cell_id = '" + c.cellId() + "'").get(0);
            assertThat(row.get("status")).isEqualTo(direct.status().name());
            assertThat(row.get(RunMetric.DISTINCT_OPTIMA.column())).isEqualTo(
                    (int) direct.metric(RunMetric.DISTINCT_OPTIMA));
            assertThat(row.get(RunMetric.MAX_RESIDUAL.column())).isEqualTo(direct.metric(RunMetric.MAX_RESIDUAL));
        }
    }

    @Test
    void aTaskThatFailsOnceIsRetriedBySparkAndEachRunLandsOnce() throws Exception {
        Path out = tmp.resolve("task-retry");
        int before = failedTasks.size();
        Cli r = cli("fail-task-once", "run", specFile.toString(), "--out", out.toString());
        assertThat(r.code).as(r.err).isZero();
        // the listener bus delivers task events asynchronously
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (failedTasks.size() == before && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        List<String> failures = new ArrayList<>(failedTasks.subList(before, failedTasks.size()));
        assertThat(failures).as("first attempts failed").isNotEmpty()
                .allSatisfy(f -> assertThat(f).contains("injected task failure"));
        assertSameAsReference(out);
    }
}
