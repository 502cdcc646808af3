package org.clsweep.jobs.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.clsweep.jobs.testing.Tolerances.TOL_EXACT;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.clsweep.data.experiment.RunStatus;
import org.clsweep.data.spec.GeometryKind;
import org.clsweep.data.spec.SpecKey;
import org.junit.jupiter.api.Test;

/**
 * The pooled and per-seed coverage predictions of the aggregates, on two patterns and hand-made
 * basin shares. Pool {A (width 1), B (width 2)}, plus C (width 2, another noise: its own pool):
 *
 * <pre>
 *   seed   A, n = 1    B, n = 2          C, n = 2
 *   1      (1, 0)      (½, ½)            (0, 1)
 *   2      (1, 0)      (1, 0)            -
 *   3      (0, 1)      DIVERGED          -
 * </pre>
 */
class WidthPoolsTest {
    private static final double PRED_A = 0.5;

    private static List<Row> aggregates(GeometryKind kind) {
        List<CellStatistics> cells = new ArrayList<>();
        cells.add(RunsRows.cell(List.of(
                row("A", 1, RunStatus.OK, kind, 1, 0.5, 1, 0),
                row("A", 2, RunStatus.OK, kind, 1, 0.5, 1, 0),
                row("A", 3, RunStatus.OK, kind, 1, 0.5, 0, 1))));
        cells.add(RunsRows.cell(List.of(
                row("B", 1, RunStatus.OK, kind, 2, 0.5, 0.5, 0.5),
                row("B", 2, RunStatus.OK, kind, 2, 0.5, 1, 0),
                row("B", 3, RunStatus.DIVERGED, kind, 2, 0.5, 0, 1))));
        cells.add(RunsRows.cell(List.of(row("C", 1, RunStatus.OK, kind, 2, 0.1, 0, 1))));
        List<Row> rows = Aggregator.finish(cells);
        assertThat(rows).allSatisfy(r -> assertThat(r.size()).isEqualTo(AggregatesTable.schema().size()));
        return rows;
    }

    private static Row row(String cell, long seed, RunStatus status, GeometryKind kind, int width, double noise,
                           double... shares) {
        return RunsRows.row(cell, seed, status, Map.of(SpecKey.GEOMETRY_KIND, kind.specName(), SpecKey.WIDTH, width,
                SpecKey.GEOMETRY_NOISE, noise), Map.of(), shares);
    }

    private static Row cell(List<Row> rows, String id) {
        return rows.stream().filter(r -> r.getString(AggregatesTable.schema().fieldIndex("cell_id")).equals(id))
                .findFirst().orElseThrow();
    }

    private static Object value(Row r, String column) {
        return r.get(AggregatesTable.schema().fieldIndex(column));
    }

    /** mean_l [1 − (1 − p_l)^n] for two patterns. */
    private static double predicted(double p0, double p1, int n) {
        return (1 - Math.pow(1 - p0, n) + 1 - Math.pow(1 - p1, n)) / 2;
    }

    @Test
    void perSeedPredictionPoolsEachSeedsNodesOverWidthsThenAveragesOverSeeds() {
        List<Row> rows = aggregates(GeometryKind.RANDOM);
        // seed 1: nodes reaching (1·1 + 2·½, 0 + 2·½) of 3 → p = (2/3, 1/3); seed 2: (3, 0) of 3 → (1, 0);
        // seed 3: B diverged, A's one node → (0, 1)
        double[] seedPredB = {predicted(2.0 / 3, 1.0 / 3, 2), predicted(1, 0, 2), predicted(0, 1, 2)};
        assertThat(seedPredB).containsExactly(new double[] {13.0 / 18, 0.5, 0.5}, within(TOL_EXACT));
        assertThat((Double) value(cell(rows, "B"), AggregatesTable.PREDICTED_COVERAGE_PER_SEED))
                .isCloseTo(31.0 / 54, within(TOL_EXACT));
        // at width 1 the prediction is linear in p: every seed gives ½
        assertThat((Double) value(cell(rows, "A"), AggregatesTable.PREDICTED_COVERAGE_PER_SEED))
                .isCloseTo(PRED_A, within(TOL_EXACT));
        // C pools alone: seed 1, p = (0, 1)
        assertThat((Double) value(cell(rows, "C"), AggregatesTable.PREDICTED_COVERAGE_PER_SEED))
                .isCloseTo(0.5, within(TOL_EXACT));
        // the prediction from the seed-averaged p is larger (Jensen), and stays as it was
        assertPooledAsBefore(rows);
        assertThat((Double) value(cell(rows, "B"), AggregatesTable.PREDICTED_COVERAGE_POOLED)).isGreaterThan(31.0 / 54);
    }

    @Test
    void fixedGeometriesKeepThePooledPredictionAndHaveNoPerSeedOne() {
        for (GeometryKind kind : GeometryKind.values()) {
            if (!kind.drawnPerSeed()) {
                List<Row> rows = aggregates(kind);
                assertPooledAsBefore(rows);
                for (Row r : rows) {
                    assertThat(value(r, AggregatesTable.PREDICTED_COVERAGE_PER_SEED)).as(kind.specName()).isNull();
                }
            }
        }
    }

    /**
     * basin_prob_pooled, predicted_coverage_pooled and pooled_runs by the node-weighted pooling:
     * A has 3 runs of 1 node, p_A = (2/3, 1/3); B 2 runs of 2 nodes, p_B = (¾, ¼):
     * p = (3·2/3 + 4·¾, 3·1/3 + 4·¼) / 7 = (5/7, 2/7).
     */
    private static void assertPooledAsBefore(List<Row> rows) {
        for (String id : List.of("A", "B")) {
            Row r = cell(rows, id);
            assertThat((double[]) value(r, AggregatesTable.BASIN_PROB_POOLED))
                    .containsExactly(new double[] {5.0 / 7, 2.0 / 7}, within(TOL_EXACT));
            assertThat(value(r, AggregatesTable.POOLED_RUNS)).isEqualTo(5L);
        }
        assertThat((Double) value(cell(rows, "A"), AggregatesTable.PREDICTED_COVERAGE_POOLED))
                .isCloseTo(PRED_A, within(TOL_EXACT));
        assertThat((Double) value(cell(rows, "B"), AggregatesTable.PREDICTED_COVERAGE_POOLED))
                .isCloseTo(predicted(5.0 / 7, 2.0 / 7, 2), within(TOL_EXACT)).isCloseTo(69.0 / 98, within(TOL_EXACT));
        assertThat((Double) value(cell(rows, "B"), AggregatesTable.PREDICTED_COVERAGE))
                .isCloseTo(predicted(0.75, 0.25, 2), within(TOL_EXACT));
    }
}
