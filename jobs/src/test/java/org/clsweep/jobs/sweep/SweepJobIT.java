package org.clsweep.jobs.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.clsweep.jobs.testing.Tolerances.TOL_EXACT;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.statistics.distribution.TDistribution;
import org.clsweep.data.experiment.RunMetric;
import org.clsweep.data.experiment.RunStatus;
import org.clsweep.data.spec.SpecKey;
import org.clsweep.jobs.Main;
import org.clsweep.jobs.aggregate.AggregatesTable;
import org.clsweep.jobs.grid.Cell;
import org.clsweep.jobs.grid.Grid;
import org.clsweep.jobs.output.Manifest;
import org.clsweep.jobs.output.ManifestStatus;
import org.clsweep.jobs.output.OptimaTable;
import org.clsweep.jobs.output.OutputDirectory;
import org.clsweep.jobs.output.RunsTable;
import org.clsweep.jobs.output.TokensTable;
import org.clsweep.jobs.output.TraceTable;
import org.clsweep.jobs.spec.SpecParser;
import org.clsweep.jobs.spec.SweepSpec;
import org.clsweep.jobs.testing.DuckDb;
import org.clsweep.jobs.testing.ScriptedRuns;
import org.clsweep.jobs.testing.SparkTestBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep job end to end on local[2] with {@link ScriptedRuns} (known results, an injected
 * fault, a divergence), read back with DuckDB. 2 cells (width 1, 4) × seeds 1..3.
 */
class SweepJobIT extends SparkTestBase {
    static final String SPEC = "sweep {\n name = it\n seeds = 3\n geometry { patterns = 3, dim = 4 }\n"
            + " grid { width = [1, 4] }\n}\n";

    @TempDir
    static Path tmp;
    static Path out;
    static Path specFile;
    static Manifest manifest;
    static String progress;

    @BeforeAll
    static void runSweep() throws Exception {
        specFile = tmp.resolve("it.conf");
        Files.writeString(specFile, SPEC);
        out = tmp.resolve("out");
        SweepSpec spec = SpecParser.parseFile(specFile, List.of());
        List<Cell> cells = Grid.expand(spec);
        StringWriter console = new StringWriter();
        try (OutputDirectory dir = OutputDirectory.open(out.toString(), spark.sparkContext().hadoopConfiguration())) {
            assertThat(dir.inspect(spec).state()).isEqualTo(OutputDirectory.State.EMPTY);
            manifest = SweepDriver.run(spark, spec, cells, dir,
                    new SweepOptions(new ScriptedRuns(), FaultInjection.NONE, false), new PrintWriter(console));
        }
        progress = console.toString();
    }

    static List<Map<String, Object>> q(String sql) throws Exception {
        return DuckDb.query(sql.replace("{runs}", DuckDb.table(out.resolve("runs")))
                .replace("{optima}", DuckDb.table(out.resolve("optima")))
                .replace("{trace}", DuckDb.table(out.resolve("trace")))
                .replace("{tokens}", DuckDb.table(out.resolve("tokens")))
                .replace("{aggregates}", DuckDb.table(out.resolve("aggregates"))));
    }

    @Test
    void outputDirectoryHoldsTheTablesAndACompleteManifest() throws Exception {
        assertThat(out.resolve("manifest.json")).exists();
        assertThat(out.resolve(OutputDirectory.STAGING)).doesNotExist();
        for (String t : OutputDirectory.TABLES) {
            assertThat(out.resolve(t)).isDirectory();
        }
        Manifest m = Manifest.parse(Files.readString(out.resolve("manifest.json")));
        assertThat(m.status()).isEqualTo(ManifestStatus.COMPLETE);
        assertThat(m).isEqualTo(manifest);
        assertThat(m.count(RunStatus.OK)).isEqualTo(3);
        assertThat(m.count(RunStatus.DIVERGED)).isEqualTo(1);
        assertThat(m.count(RunStatus.FAILED)).isEqualTo(2);
        assertThat(m.runs()).isEqualTo(6);
        assertThat(m.environment()).containsKeys("java", "spark", "scala", "ejml", "master", "executors", "hosts",
                "default_parallelism");
        assertThat(m.environment()).containsEntry("executors", 1).containsEntry("hosts", 1);
        assertThat(m.codeVersion()).startsWith("0.");
        if (m.codeVersion().contains("+")) {
            assertThat(m.environment()).containsEntry("git", m.codeVersion().substring(m.codeVersion().indexOf('+') + 1));
        }
        assertThat(m.attempt()).isEqualTo(1);
        assertThat(m.computed()).isEqualTo(6);
        assertThat(m.reused()).isZero();
        assertThat(m.history()).isEmpty();
        assertThat(m.faults()).isNull();
        assertThat(m.finishedAt()).isAfterOrEqualTo(m.startedAt());
        assertThat(SpecParser.parseString(m.spec(), "manifest", List.of()).hash())
                .isEqualTo(m.specHash());
        assertThat(progress).contains("[it] 6/6 runs (100%), 2 failed");
    }

    @Test
    void runsTableHasTheDocumentedColumnsAndTypes() throws Exception {
        Map<String, String> schema = DuckDb.schema(out.resolve("runs"));
        assertThat(schema.keySet()).containsExactly(RunsTable.schema().fieldNames());
        assertThat(schema).containsEntry("sweep", "VARCHAR").containsEntry("spec_hash", "VARCHAR")
                .containsEntry("cell_id", "VARCHAR").containsEntry("seed", "BIGINT")
                .containsEntry("model", "VARCHAR").containsEntry("width", "INTEGER")
                .containsEntry("leaky_slope", "DOUBLE").containsEntry("geometry_noise", "DOUBLE")
                .containsEntry("net_batchnorm", "BOOLEAN").containsEntry("tokens_explicit_patterns", "VARCHAR[]")
                .containsEntry("train_lr", "DOUBLE").containsEntry("status", "VARCHAR")
                .containsEntry("error", "VARCHAR").containsEntry("distinct_optima", "INTEGER")
                .containsEntry("patterns_recovered", "INTEGER").containsEntry("coverage", "DOUBLE")
                .containsEntry("pattern_basin_share", "DOUBLE[]").containsEntry("steps_done", "INTEGER")
                .containsEntry("wall_ms", "BIGINT").containsEntry("code_version", "VARCHAR");
        for (RunMetric m : RunMetric.values()) {
            assertThat(schema).containsEntry(m.column(), m.isIntegral() ? "INTEGER" : "DOUBLE");
        }
        for (SpecKey p : SpecKey.values()) {
            assertThat(schema).containsKey(p.column());
        }
    }

    @Test
    void runsTableHoldsEachRunOnceWithItsStatus() throws Exception {
        List<Map<String, Object>> rows = q("SELECT width, seed, status, error, distinct_optima, coverage, loc_all,"
                + " pattern_basin_share, steps_done, sweep, spec_hash FROM {runs} ORDER BY width, seed");
        assertThat(rows).extracting(r -> r.get("width") + "/" + r.get("seed") + "/" + r.get("status"))
                .containsExactly("1/1/OK", "1/2/OK", "1/3/FAILED", "4/1/OK", "4/2/DIVERGED", "4/3/FAILED");
        Map<String, Object> ok = rows.get(3);
        assertThat(ok.get("distinct_optima")).isEqualTo(3);
        assertThat((Double) ok.get("coverage")).isCloseTo(1.0, within(TOL_EXACT));
        assertThat(ok.get("loc_all")).as("NaN metrics are NULL").isNull();
        assertThat(ok.get("error")).isNull();
        assertThat(ok.get("pattern_basin_share")).isEqualTo(List.of(0.5, 0.25, 0.25));
        assertThat(ok.get("sweep")).isEqualTo("it");
        assertThat(ok.get("spec_hash")).isEqualTo(manifest.specHash());
        Map<String, Object> failed = rows.get(2);
        assertThat((String) failed.get("error")).contains("IllegalStateException: injected fault for seed 3")
                .contains("ScriptedRuns.run");
        assertThat(failed.get("distinct_optima")).isNull();
        assertThat(failed.get("pattern_basin_share")).isNull();
        Map<String, Object> diverged = rows.get(4);
        assertThat(diverged.get("error")).isEqualTo("non-finite state at step 17");
        assertThat(diverged.get("steps_done")).isEqualTo(17);
        assertThat(q("SELECT count(DISTINCT cell_id) AS n FROM {runs}").get(0).get("n")).isEqualTo(2L);
    }

    @Test
    void optimaTraceAndTokensTables() throws Exception {
        assertThat(DuckDb.schema(out.resolve("optima")).keySet()).containsExactly(OptimaTable.schema().fieldNames());
        assertThat(DuckDb.schema(out.resolve("optima"))).containsEntry("direction", "DOUBLE[]")
                .containsEntry("activation_set", "INTEGER[]").containsEntry("top_eigenvector", "BOOLEAN")
                .containsEntry("optimum_index", "INTEGER");
        List<Map<String, Object>> optima = q("SELECT o.seed, optimum_index, lambda2, activation_set, direction"
                + " FROM {optima} o JOIN (SELECT DISTINCT cell_id, width FROM {runs}) r USING (cell_id)"
                + " WHERE width = 4 AND analysis_alpha = 'uniform' ORDER BY seed, optimum_index");
        assertThat(optima).hasSize(3);
        assertThat(optima.get(0).get("lambda2")).as("NaN is NULL").isNull();
        assertThat(optima.get(2).get("activation_set")).isEqualTo(List.of(2));
        assertThat(optima.get(2).get("direction")).isEqualTo(List.of(0.0, 0.0, 1.0, 0.0));
        // each optimum once per analysis: counting one analysis gives the runs' distinct_optima
        assertThat(q("SELECT analysis_alpha, count(*) AS n, sum(fixed_point_residual = residual) AS same,"
                + " count(roughness) AS curvature FROM {optima} GROUP BY ALL ORDER BY ALL"))
                .extracting(r -> r.get("analysis_alpha") + ":" + r.get("n") + "/" + r.get("same") + "/"
                        + r.get("curvature"))
                .containsExactly("infonce:5/0/0", "uniform:5/5/5");
        assertThat(((Number) q("SELECT sum(distinct_optima) AS n FROM {runs}").get(0).get("n")).longValue())
                .isEqualTo(5L);

        assertThat(DuckDb.schema(out.resolve("trace")).keySet()).containsExactly(TraceTable.schema().fieldNames());
        assertThat(q("SELECT seed, iteration, token_scores FROM {trace} ORDER BY seed, iteration"))
                .extracting(r -> r.get("seed") + "@" + r.get("iteration") + "=" + r.get("token_scores"))
                .containsExactly("1@0=[0.1, 0.2]", "1@10=[0.9, 0.8]", "2@0=[0.1, 0.2]", "2@10=[0.9, 0.8]");

        assertThat(DuckDb.schema(out.resolve("tokens")).keySet()).containsExactly(TokensTable.schema().fieldNames());
        assertThat(q("SELECT seed, location, token, patterns_using, learning_time, role, frequency, invariance,"
                + " pair_covariance, discriminativeness FROM {tokens} ORDER BY seed, location"))
                .extracting(r -> r.get("seed") + ":" + r.get("location") + "/" + r.get("token") + " used "
                        + r.get("patterns_using") + " learned " + r.get("learning_time") + " " + r.get("role") + " "
                        + r.get("frequency") + " " + r.get("invariance") + " " + r.get("pair_covariance") + " "
                        + r.get("discriminativeness"))
                .containsExactly("1:0/1 used 3 learned 10 pattern 0.5 0.8 0.15 0.1",
                        "1:1/2 used 0 learned null background 0.0 null 0.0 0.0",
                        "2:0/1 used 3 learned 10 pattern 0.5 0.8 0.15 0.1",
                        "2:1/2 used 0 learned null background 0.0 null 0.0 0.0");
    }

    /** From the runs table alone: the infonce rows of the optima table count nowhere here. */
    @Test
    void aggregatesPerCell() throws Exception {
        assertThat(DuckDb.schema(out.resolve("aggregates")).keySet())
                .containsExactly(AggregatesTable.schema().fieldNames());
        List<Map<String, Object>> rows = q("SELECT * FROM {aggregates} ORDER BY width");
        assertThat(rows).hasSize(2);
        Map<String, Object> w1 = rows.get(0);
        assertThat(w1.get("n_runs")).isEqualTo(3L);
        assertThat(w1.get("n_ok")).isEqualTo(2L);
        assertThat(w1.get("n_diverged")).isEqualTo(0L);
        assertThat(w1.get("n_failed")).isEqualTo(1L);
        assertThat((Double) w1.get("distinct_optima_mean")).isCloseTo(1.0, within(TOL_EXACT));
        assertThat((Double) w1.get("distinct_optima_std")).isCloseTo(0.0, within(TOL_EXACT));
        double mean = 1.5e-10;
        double std = Math.sqrt(2 * 0.25e-20);
        double half = TDistribution.of(1).inverseCumulativeProbability(0.975) * std / Math.sqrt(2);
        assertThat((Double) w1.get("max_residual_mean")).isCloseTo(mean, within(1e-22));
        assertThat((Double) w1.get("max_residual_std")).isCloseTo(std, within(1e-22));
        assertThat((Double) w1.get("max_residual_ci_low")).isCloseTo(mean - half, within(1e-22));
        assertThat((Double) w1.get("max_residual_ci_high")).isCloseTo(mean + half, within(1e-22));
        assertThat(w1.get("loc_all_mean")).isNull();
        assertThat(w1.get("basin_prob")).isEqualTo(List.of(1.0, 0.0, 0.0));
        assertThat((Double) w1.get("predicted_coverage")).isCloseTo(1.0 / 3, within(TOL_EXACT));
        assertThat((Double) w1.get("coverage_mean")).isCloseTo(1.0 / 3, within(TOL_EXACT));

        Map<String, Object> w4 = rows.get(1);
        assertThat(w4.get("n_ok")).isEqualTo(1L);
        assertThat(w4.get("distinct_optima_std")).as("one OK run: no std").isNull();
        assertThat(w4.get("distinct_optima_ci_low")).isNull();
        assertThat(w4.get("basin_prob")).isEqualTo(List.of(0.5, 0.25, 0.25));
        assertThat((Double) w4.get("predicted_coverage"))
                .isCloseTo((1 - Math.pow(0.5, 4) + 2 * (1 - Math.pow(0.75, 4))) / 3, within(TOL_EXACT));
        // pooled over both widths: nodes 2·1 (p = 1,0,0) and 1·4 (p = .5,.25,.25) → p = 4/6, 1/6, 1/6
        @SuppressWarnings("unchecked")
        List<Double> pooled = (List<Double>) w4.get("basin_prob_pooled");
        assertThat(pooled.get(0)).isCloseTo(4.0 / 6, within(TOL_EXACT));
        assertThat(pooled.get(1)).isCloseTo(1.0 / 6, within(TOL_EXACT));
        assertThat(w4.get("pooled_runs")).isEqualTo(3L);
        assertThat((Double) w4.get("predicted_coverage_pooled"))
                .isCloseTo((1 - Math.pow(1.0 / 3, 4) + 2 * (1 - Math.pow(5.0 / 6, 4))) / 3, within(TOL_EXACT));
        assertThat((Double) w1.get("predicted_coverage_pooled")).isCloseTo(1.0 / 3, within(TOL_EXACT));
    }

    @Test
    void aggregateCommandRecomputesTheSameAggregates() throws Exception {
        List<Map<String, Object>> before = q("SELECT * FROM {aggregates} ORDER BY cell_id");
        Path aggregates = out.resolve("aggregates");
        try (var files = Files.walk(aggregates)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        assertThat(aggregates).doesNotExist();
        Cli r = cli("aggregate", out.toString());
        assertThat(r.code).as(r.err).isZero();
        assertThat(r.out).contains("aggregates rewritten");
        assertThat(q("SELECT * FROM {aggregates} ORDER BY cell_id")).isEqualTo(before);
    }

    @Test
    void rerunOfACompleteSweepDoesNothingAndReportsItsFailures() throws Exception {
        byte[] manifestBefore = Files.readAllBytes(out.resolve("manifest.json"));
        Cli r = cli("run", specFile.toString(), "--out", out.toString());
        assertThat(r.code).as(r.err).isEqualTo(1);
        assertThat(r.out).contains("already complete").contains("3 OK, 1 DIVERGED, 2 FAILED");
        assertThat(Files.readAllBytes(out.resolve("manifest.json"))).isEqualTo(manifestBefore);
    }

    @Test
    void anotherSpecIsRefusedNamingTheKeysThatDiffer() throws Exception {
        byte[] manifestBefore = Files.readAllBytes(out.resolve("manifest.json"));
        Cli r = cli("run", specFile.toString(), "--out", out.toString(), "--set", "grid.width=[1,2]",
                "--set", "train.lr=0.5");
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).contains("--out").contains("holds sweep 'it'").contains("grid.width (+2; -4)")
                .contains("train.lr (0.02 → 0.5)").contains("leaves out 6 of its runs");
        assertThat(Files.readAllBytes(out.resolve("manifest.json"))).isEqualTo(manifestBefore);
    }

    record Cli(int code, String out, String err) {
    }

    static Cli cli(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = Main.execute(new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8), new ArrayList<>(List.of(args)).toArray(new String[0]));
        return new Cli(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }
}
