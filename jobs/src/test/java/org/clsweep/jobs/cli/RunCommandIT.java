package org.clsweep.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.clsweep.data.experiment.RunExecutor;
import org.clsweep.data.experiment.RunMetric;
import org.clsweep.data.experiment.RunResult;
import org.clsweep.jobs.Main;
import org.clsweep.jobs.grid.Cell;
import org.clsweep.jobs.grid.Grid;
import org.clsweep.jobs.spec.SpecParser;
import org.clsweep.jobs.spec.SweepSpec;
import org.clsweep.jobs.testing.DuckDb;
import org.clsweep.jobs.testing.SparkTestBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clsweep run} end to end on real one-layer population runs (local[2]), read back with
 * DuckDB: the tables agree with each other and with {@link RunExecutor} called directly.
 */
class RunCommandIT extends SparkTestBase {
    static final String SPEC = "sweep {\n name = e2e\n seeds = 2\n"
            + " geometry { kind = orthogonal, patterns = 4, dim = 8, noise = 0.05, mag_start = 1.0, mag_end = 0.5 }\n"
            + " train { lr = 1.0, steps = 5000, tol = 1e-9 }\n"
            + " grid = [ { activation = [linear, relu], width = [1, 8] },\n"
            + "          { activation = [leaky_relu], leaky_slope = [0.2], width = [8] } ]\n}\n";

    @TempDir
    static Path tmp;
    static Path out;
    static Path specFile;
    static int code;
    static String stdout;
    static String stderr;

    @BeforeAll
    static void run() throws Exception {
        specFile = tmp.resolve("e2e.conf");
        Files.writeString(specFile, SPEC);
        out = tmp.resolve("runs").resolve("e2e");
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        code = Main.execute(new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true,
                StandardCharsets.UTF_8), "run", specFile.toString(), "--out", out.toString(), "--master", "local[2]");
        stdout = o.toString(StandardCharsets.UTF_8);
        stderr = e.toString(StandardCharsets.UTF_8);
    }

    static List<Map<String, Object>> q(String sql) throws Exception {
        return DuckDb.query(sql.replace("{runs}", DuckDb.table(out.resolve("runs")))
                .replace("{optima}", DuckDb.table(out.resolve("optima")))
                .replace("{aggregates}", DuckDb.table(out.resolve("aggregates"))));
    }

    @Test
    void succeedsWithEveryRunOk() {
        assertThat(code).as(stderr).isZero();
        assertThat(stdout).contains("e2e: 10 runs (5 cells × 2 seeds): 10 OK, 0 DIVERGED, 0 FAILED");
        assertThat(stderr).contains("[e2e] 10/10 runs (100%), 0 failed");
    }

    @Test
    void runsMatchTheExecutorCalledDirectly() throws Exception {
        SweepSpec spec = SpecParser.parseFile(specFile, List.of());
        for (Cell c : Grid.expand(spec)) {
            for (long seed : spec.seeds()) {
                RunResult direct = RunExecutor.execute(c.spec(), seed);
                Map<String, Object> row = q("SELECT * FROM {runs} WHERE cell_id = '" + c.cellId() + "' AND seed = "
                        + seed).get(0);
                assertThat(row.get("status")).isEqualTo(direct.status().name());
                assertThat(row.get("steps_done")).isEqualTo(direct.stepsDone());
                for (RunMetric m : RunMetric.values()) {
                    double v = direct.metric(m);
                    Object expected = Double.isNaN(v) ? null : m.isIntegral() ? (Object) (int) v : (Object) v;
                    assertThat(row.get(m.column())).as(c.label() + " seed " + seed + " " + m.column())
                            .isEqualTo(expected);
                }
                assertThat(row.get("pattern_basin_share")).isEqualTo(java.util.Arrays.stream(
                        direct.patternBasinShare()).boxed().toList());
            }
        }
    }

    @Test
    void runsConvergedAndLinearHasOneOptimum() throws Exception {
        for (Map<String, Object> r : q("SELECT activation, width, distinct_optima, max_residual FROM {runs}")) {
            assertThat((Double) r.get("max_residual")).isLessThan(1e-8);
            if (r.get("activation").equals("linear")) {
                assertThat(r.get("distinct_optima")).isEqualTo(1);
            }
        }
        assertThat(q("SELECT min(distinct_optima) AS m FROM {runs} WHERE activation = 'relu' AND width = 8")
                .get(0).get("m")).isInstanceOf(Integer.class).satisfies(m -> assertThat((Integer) m).isGreaterThan(1));
    }

    @Test
    void optimaTableAgreesWithTheRunsTable() throws Exception {
        List<Map<String, Object>> rows = q("SELECT r.cell_id, r.seed, any_value(r.distinct_optima) AS distinct_optima,"
                + " any_value(r.width) AS width, count(o.optimum_index) AS optima, sum(o.node_count) AS nodes,"
                + " sum(o.basin_share) AS share FROM {runs} r LEFT JOIN {optima} o"
                + " ON o.cell_id = r.cell_id AND o.seed = r.seed AND o.analysis_alpha = 'uniform'"
                + " GROUP BY r.cell_id, r.seed");
        assertThat(rows).hasSize(10);
        for (Map<String, Object> r : rows) {
            assertThat(((Number) r.get("optima")).intValue()).isEqualTo(r.get("distinct_optima"));
            assertThat(((Number) r.get("nodes")).intValue()).isLessThanOrEqualTo((Integer) r.get("width"));
            assertThat((Double) r.get("share")).isLessThanOrEqualTo(1.0 + 1e-12);
        }
    }

    @Test
    void aggregatesCarryTheCoveragePrediction() throws Exception {
        List<Map<String, Object>> rows = q("SELECT activation, width, n_ok, coverage_mean, predicted_coverage,"
                + " predicted_coverage_pooled, basin_prob FROM {aggregates} ORDER BY activation, width");
        assertThat(rows).hasSize(5);
        for (Map<String, Object> r : rows) {
            assertThat(r.get("n_ok")).isEqualTo(2L);
            assertThat((Double) r.get("predicted_coverage")).isBetween(0.0, 1.0);
            assertThat((Double) r.get("predicted_coverage_pooled")).isBetween(0.0, 1.0);
            assertThat((List<?>) r.get("basin_prob")).hasSize(4);
        }
    }
}
