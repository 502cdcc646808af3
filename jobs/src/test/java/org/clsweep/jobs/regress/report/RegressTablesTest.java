package org.clsweep.jobs.regress.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.clsweep.data.experiment.RunMetric;
import org.clsweep.jobs.regress.Cells;
import org.clsweep.jobs.regress.UnusableInputException;
import org.clsweep.jobs.regress.decision.RegressionCheck;
import org.clsweep.jobs.regress.decision.RegressionReport;
import org.clsweep.jobs.regress.results.CellResults;
import org.clsweep.jobs.regress.results.SweepResults;
import org.clsweep.jobs.regress.results.SweepResultsReader;
import org.clsweep.jobs.regress.settings.RegressSpec;
import org.clsweep.jobs.regress.stat.SampleSummary;
import org.clsweep.jobs.testing.SparkTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark adapters of the regression check: reading sweep directories, writing comparisons. */
class RegressTablesTest extends SparkTestBase {
    private static final List<String> AXES = List.of("activation", "geometry.noise");
    private static final List<RunMetric> METRICS = List.of(RunMetric.COVERAGE, RunMetric.DISTINCT_OPTIMA,
            RunMetric.LOC_ALL);
    private static final StructType RUNS = new StructType()
            .add("cell_id", DataTypes.StringType)
            .add("seed", DataTypes.LongType)
            .add("activation", DataTypes.StringType)
            .add("geometry_noise", DataTypes.DoubleType)
            .add("status", DataTypes.StringType)
            .add("coverage", DataTypes.DoubleType)
            .add("distinct_optima", DataTypes.IntegerType);
    @TempDir
    Path tmp;

    private static Row run(String cell, long seed, String act, double noise, String status, Double cov, Integer opt) {
        return RowFactory.create(cell, seed, act, noise, status, cov, opt);
    }

    private void writeRuns(Path dir, List<Row> rows) {
        spark.createDataFrame(rows, RUNS).coalesce(1).write().parquet(dir.resolve("runs").toString());
    }

    @Test
    void groupsRunsIntoCellsWithStatusCountsAndOkValues() {
        List<Row> rows = new ArrayList<>();
        rows.add(run("a", 1, "relu", 0.1, "OK", 0.5, 6));
        rows.add(run("a", 2, "relu", 0.1, "OK", 0.7, 5));
        rows.add(run("a", 3, "relu", 0.1, "DIVERGED", null, null));
        rows.add(run("b", 1, "linear", 0.1, "OK", 1.0 / 6, 1));
        rows.add(run("b", 2, "linear", 0.1, "FAILED", null, null));
        rows.add(run("c", 1, "relu", 0.2, "OK", Double.NaN, 4));
        writeRuns(tmp, rows);

        SweepResults r = SweepResultsReader.read(spark, tmp.toString(), "baseline", AXES, METRICS);
        assertThat(r.source()).isEqualTo(SweepResults.Source.RUNS);
        assertThat(r.cells()).extracting(CellResults::label).containsExactly(
                "activation=linear, geometry.noise=0.1", "activation=relu, geometry.noise=0.1",
                "activation=relu, geometry.noise=0.2");
        CellResults relu = r.cells().get(1);
        assertThat(relu.cellId()).isEqualTo("a");
        assertThat(relu.ok()).isEqualTo(2);
        assertThat(relu.diverged()).isEqualTo(1);
        assertThat(relu.failed()).isZero();
        assertThat(relu.metric("coverage").values()).containsExactlyInAnyOrder(0.5, 0.7);
        assertThat(relu.metric("distinct_optima").values()).containsExactlyInAnyOrder(6.0, 5.0);
        assertThat(relu.metric("loc_all").n()).as("a metric without a column has no values").isZero();
        CellResults linear = r.cells().get(0);
        assertThat(linear.failed()).isEqualTo(1);
        assertThat(linear.metric("distinct_optima").values()).containsExactly(1.0);
        assertThat(r.cells().get(2).metric("coverage").n()).as("NaN is no value").isZero();
    }

    @Test
    void fallsBackToTheAggregatesWithoutRuns() {
        StructType schema = new StructType()
                .add("cell_id", DataTypes.StringType)
                .add("activation", DataTypes.StringType)
                .add("geometry_noise", DataTypes.DoubleType)
                .add("n_runs", DataTypes.LongType)
                .add("n_ok", DataTypes.LongType)
                .add("n_diverged", DataTypes.LongType)
                .add("n_failed", DataTypes.LongType)
                .add("coverage_mean", DataTypes.DoubleType)
                .add("coverage_std", DataTypes.DoubleType)
                .add("distinct_optima_mean", DataTypes.DoubleType)
                .add("distinct_optima_std", DataTypes.DoubleType)
                .add("loc_all_mean", DataTypes.DoubleType)
                .add("loc_all_std", DataTypes.DoubleType);
        List<Row> rows = List.of(
                RowFactory.create("a", "relu", 0.1, 3L, 2L, 1L, 0L, 0.6, 0.1414, 5.5, 0.7071, null, null),
                RowFactory.create("b", "linear", 0.1, 2L, 1L, 0L, 1L, 0.1667, null, 1.0, null, null, null));
        spark.createDataFrame(rows, schema).coalesce(1).write().parquet(tmp.resolve("aggregates").toString());

        SweepResults r = SweepResultsReader.read(spark, tmp.toString(), "baseline", AXES, METRICS);
        assertThat(r.source()).isEqualTo(SweepResults.Source.AGGREGATES);
        assertThat(r.cells()).extracting(CellResults::label).containsExactly(
                "activation=linear, geometry.noise=0.1", "activation=relu, geometry.noise=0.1");
        CellResults relu = r.cells().get(1);
        assertThat(relu.ok()).isEqualTo(2);
        assertThat(relu.diverged()).isEqualTo(1);
        assertThat(relu.metric("coverage").hasValues()).isFalse();
        assertThat(relu.metric("coverage").summary()).isEqualTo(new SampleSummary(2, 0.6,
                0.1414));
        assertThat(relu.metric("loc_all").n()).isZero();
        CellResults linear = r.cells().get(0);
        assertThat(linear.failed()).isEqualTo(1);
        assertThat(linear.metric("distinct_optima").summary().n()).isEqualTo(1);
        assertThat(linear.metric("distinct_optima").isConstant()).isTrue();
    }

    @Test
    void aDirectoryWithoutRunsIsUnusable() {
        assertThatThrownBy(() -> SweepResultsReader.read(spark, tmp.resolve("nowhere").toString(), "baseline", AXES,
                METRICS)).isInstanceOf(UnusableInputException.class)
                .hasMessageContaining("baseline " + tmp.resolve("nowhere") + " has neither runs/ nor aggregates/");
    }

    @Test
    void anEmptyRunsTableIsUnusable() {
        writeRuns(tmp, List.of());
        assertThatThrownBy(() -> SweepResultsReader.read(spark, tmp.toString(), "baseline", AXES, METRICS))
                .isInstanceOf(UnusableInputException.class)
                .hasMessageContaining("the baseline's runs table " + tmp.resolve("runs") + " is empty");
    }

    @Test
    void aCorruptRunsTableIsUnusable() throws Exception {
        Path runs = Files.createDirectories(tmp.resolve("runs"));
        Files.writeString(runs.resolve("part-00000.parquet"), "this is not parquet", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SweepResultsReader.read(spark, tmp.toString(), "baseline", AXES, METRICS))
                .isInstanceOf(UnusableInputException.class)
                .hasMessageContaining("cannot read the baseline's runs table " + tmp.resolve("runs"));
    }

    @Test
    void aRunsTableWithoutTheGridAxesIsUnusable() {
        writeRuns(tmp, List.of(run("a", 1, "relu", 0.1, "OK", 0.5, 6)));
        assertThatThrownBy(() -> SweepResultsReader.read(spark, tmp.toString(), "baseline", List.of("width"), METRICS))
                .isInstanceOf(UnusableInputException.class).hasMessageContaining("has no column width");
    }

    @Test
    void comparisonsAreReadableWithoutThisCode() throws Exception {
        SweepResults b = Cells.sweep(
                Cells.at("activation", "relu").values("coverage", 0.8, 0.82, 0.79, 0.81),
                Cells.at("activation", "linear").values("coverage", Cells.constant(4, 1.0 / 6)));
        SweepResults c = Cells.sweep(
                Cells.at("activation", "relu").values("coverage", 0.5, 0.52, 0.49, 0.51),
                Cells.at("activation", "linear").values("coverage", Cells.constant(4, 1.0 / 3)));
        RegressionReport report = RegressionCheck.compare(RegressSpec.defaults(), b, c);
        String path = tmp.resolve("comparisons").toString();
        ComparisonsTable.write(spark, report, "nightly", path);

        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
             Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT cell, coordinates['activation'] AS act, metric, method, verdict, "
                     + "baseline_n, current_mean, effect_size, p_adjusted, reason FROM read_parquet('" + path
                     + "/*.parquet') WHERE metric = 'coverage' ORDER BY cell")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("cell")).isEqualTo("activation=linear");
            assertThat(rs.getString("act")).isEqualTo("linear");
            assertThat(rs.getString("method")).isEqualTo("constant");
            assertThat(rs.getString("verdict")).isEqualTo("REGRESSION");
            assertThat(rs.getDouble("effect_size")).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(rs.getObject("p_adjusted")).as("not tested: NULL").isNull();
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("cell")).isEqualTo("activation=relu");
            assertThat(rs.getString("method")).isEqualTo("welch");
            assertThat(rs.getInt("baseline_n")).isEqualTo(4);
            assertThat(rs.getDouble("current_mean")).isCloseTo(0.505, within(1e-12));
            assertThat(rs.getDouble("p_adjusted")).isLessThan(0.01);
            assertThat(rs.getString("reason")).isEqualTo("mean 0.805 → 0.505, adjusted p = 5.281e-08 ≤ α = 0.01");
            assertThat(rs.next()).isFalse();
        }
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
             Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM read_parquet('" + path + "/*.parquet')")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(report.comparisons().size());
        }
    }
}
