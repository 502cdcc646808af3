package org.clsweep.jobs.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.spark.sql.Row;
import org.clsweep.jobs.grid.Cell;
import org.clsweep.jobs.grid.Grid;
import org.clsweep.jobs.output.OptimaTable;
import org.clsweep.jobs.output.ResultTable;
import org.clsweep.jobs.output.RunsTable;
import org.clsweep.jobs.spec.SpecParser;
import org.clsweep.jobs.testing.ScriptedRuns;
import org.junit.jupiter.api.Test;

/** A run that throws is a FAILED row, not a failed task (no Spark needed: rows are plain objects). */
class SimulatePartitionTest {
    private static final List<Cell> CELLS = Grid.expand(SpecParser.parseString(
            "sweep { name = p, seeds = 3, geometry { patterns = 3, dim = 4 }, grid { width = [1, 4] } }", "p",
            List.of()));

    private static Row simulate(RunFunction f, int cell, long seed) {
        SweepPlan plan = new SweepPlan("p", "hash", "v", CELLS, f, FaultInjection.NONE);
        RunTask t = RunTask.from(CELLS.get(cell), seed);
        return SimulatePartition.simulate(plan, t, "a00001-b000000");
    }

    private static Object col(Row r, String name) {
        return r.get(ResultTable.schema().fieldIndex(name));
    }

    @Test
    void okRunRow() {
        Row r = simulate(new ScriptedRuns(), 1, 1);
        assertThat(r.length()).isEqualTo(ResultTable.schema().size());
        assertThat(col(r, RunsTable.STATUS)).isEqualTo("OK");
        assertThat(col(r, RunsTable.CELL_ID)).isEqualTo(CELLS.get(1).cellId());
        assertThat(col(r, "width")).isEqualTo(4);
        assertThat(col(r, "distinct_optima")).isEqualTo(3);
        assertThat(col(r, "loc_all")).isNull();
        assertThat((Row[]) col(r, ResultTable.OPTIMA)).extracting(o -> o.getString(
                OptimaTable.struct().fieldIndex(OptimaTable.ANALYSIS_ALPHA)))
                .containsExactly("uniform", "uniform", "uniform", "infonce", "infonce", "infonce");
        assertThat(col(r, ResultTable.PART)).isEqualTo("a00001-b000000");
    }

    @Test
    void throwingRunIsAFailedRowWithTheError() {
        Row r = simulate(new ScriptedRuns(), 0, 3);
        assertThat(col(r, RunsTable.STATUS)).isEqualTo("FAILED");
        assertThat((String) col(r, RunsTable.ERROR)).startsWith(
                "java.lang.IllegalStateException: injected fault for seed 3\n\tat ");
        assertThat(col(r, "coverage")).isNull();
        assertThat(col(r, RunsTable.PATTERN_BASIN_SHARE)).isNull();
        assertThat((Row[]) col(r, ResultTable.OPTIMA)).isEmpty();
    }

    @Test
    void assertionErrorsAndMissingResultsAreFailedRowsToo() {
        Row a = simulate((spec, seed) -> {
            throw new AssertionError("broken invariant");
        }, 0, 1);
        assertThat((String) col(a, RunsTable.ERROR)).contains("AssertionError: broken invariant");
        Row b = simulate((spec, seed) -> null, 0, 1);
        assertThat((String) col(b, RunsTable.ERROR)).contains("returned no result");
    }

    @Test
    void errorTextIsBounded() {
        RuntimeException e = new RuntimeException("x".repeat(10_000), new IllegalArgumentException("cause"));
        assertThat(SimulatePartition.errorText(e)).hasSize(SimulatePartition.ERROR_CHARS);
        assertThat(SimulatePartition.errorText(new RuntimeException("top", new IllegalArgumentException("why"))))
                .contains("caused by: java.lang.IllegalArgumentException: why");
    }
}
