package org.clsweep.jobs.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.clsweep.jobs.Main;
import org.clsweep.jobs.output.Manifest;
import org.clsweep.jobs.output.OptimaTable;
import org.clsweep.jobs.output.OutputDirectory;
import org.clsweep.jobs.output.RunsTable;
import org.clsweep.jobs.testing.DuckDb;

/**
 * Assertions shared by the cluster integration tests: a sweep's tables, read with DuckDB, equal
 * those of the same spec run in this JVM on {@code local[2]}, row for row, and hold each
 * (cell, seed) once. Of the runs table's columns only {@value #VARYING_COLUMNS} may differ:
 * {@code wall_ms} is measured, {@code code_version} is provenance (the jar that ran).
 */
final class SameRuns {
    /** Runs-table columns that may differ between two runs of the same spec. */
    static final String VARYING_COLUMNS = RunsTable.WALL_MS + ", " + RunsTable.CODE_VERSION;

    private SameRuns() {
    }

    /**
     * Runs {@code spec} in this JVM on {@code local[2]} into {@code out}.
     *
     * @throws AssertionError if it exits with a code other than 0
     */
    static void runLocally(Path spec, Path out) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.execute(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                "run", spec.toString(), "--out", out.toString(), "--master", "local[2]");
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    }

    /**
     * Asserts that the runs and optima tables under {@code actual} equal those under
     * {@code expected} (but for {@value #VARYING_COLUMNS}) and that the runs table holds
     * {@code runs} rows, one per (cell, seed).
     */
    static void assertSameTables(Path actual, Path expected, long runs) throws Exception {
        assertThat(DuckDb.schema(actual.resolve(OutputDirectory.RUNS)))
                .isEqualTo(DuckDb.schema(expected.resolve(OutputDirectory.RUNS)));
        Map<String, Object> counts = DuckDb.query("SELECT count(*) AS n, count(DISTINCT (cell_id, seed)) AS d FROM "
                + DuckDb.table(actual.resolve(OutputDirectory.RUNS))).get(0);
        assertThat(counts).as("rows and distinct (cell, seed) of the runs table")
                .containsEntry("n", runs).containsEntry("d", runs);
        assertSameRows("SELECT * EXCLUDE (" + VARYING_COLUMNS + ") FROM %s ORDER BY cell_id, seed", actual, expected,
                OutputDirectory.RUNS, runs);
        assertSameRows("SELECT * FROM %s ORDER BY cell_id, seed, optimum_index, " + OptimaTable.ANALYSIS_ALPHA,
                actual, expected, OutputDirectory.OPTIMA, runs);
    }

    /** The manifest of a local output directory. */
    static Manifest manifest(Path out) throws IOException {
        try (OutputDirectory o = OutputDirectory.open(out.toString(), new Configuration())) {
            return o.readManifest().orElseThrow(() -> new AssertionError("no manifest in " + out));
        }
    }

    /**
     * Asserts that a query over one table returns the same rows from both outputs, row by row.
     *
     * @param query   SQL with one %s for the table
     * @param minRows the fewest rows expected
     */
    private static void assertSameRows(String query, Path actualOut, Path expectedOut, String table, long minRows)
            throws Exception {
        List<Map<String, Object>> actual = DuckDb.query(String.format(query, DuckDb.table(actualOut.resolve(table))));
        List<Map<String, Object>> expected = DuckDb.query(String.format(query,
                DuckDb.table(expectedOut.resolve(table))));
        assertThat(expected).as(table + " rows of the local run").hasSizeGreaterThanOrEqualTo((int) minRows);
        assertThat(actual).as(table + " rows").hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            Map<String, Object> e = expected.get(i);
            assertThat(actual.get(i)).as("%s row %d (cell %s, seed %s)", table, i, e.get("cell_id"), e.get("seed"))
                    .isEqualTo(e);
        }
    }
}
