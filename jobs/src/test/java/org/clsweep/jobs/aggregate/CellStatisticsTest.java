package org.clsweep.jobs.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.clsweep.data.experiment.RunMetric;
import org.clsweep.data.experiment.RunStatus;
import org.clsweep.data.spec.GeometryKind;
import org.clsweep.data.spec.SpecKey;
import org.clsweep.jobs.output.RunsTable;
import org.junit.jupiter.api.Test;

class CellStatisticsTest {
    private static final StructType SCHEMA = RunsTable.schema();
    private static final CellStatistics.RowLayout LAYOUT = RunsRows.LAYOUT;
    private static final RunMetric M = RunMetric.MAX_RESIDUAL;

    /**
     * Rows split into parts, each accumulated on its own and merged in a shuffled order, give
     * the two-pass mean and sample std of the OK rows where the metric is set (Welford + Chan).
     */
    @Test
    void mergedPartsGiveTheTwoPassStatistics() {
        Random rnd = new Random(7);
        for (int trial = 0; trial < 50; trial++) {
            int rows = 1 + rnd.nextInt(60);
            List<Row> all = new ArrayList<>();
            List<Double> ok = new ArrayList<>();
            double offset = 1e3 * rnd.nextGaussian();
            for (int i = 0; i < rows; i++) {
                RunStatus s = rnd.nextInt(5) == 0 ? RunStatus.FAILED : rnd.nextInt(6) == 0 ? RunStatus.DIVERGED
                        : RunStatus.OK;
                Double x = rnd.nextInt(7) == 0 ? null : offset + rnd.nextGaussian();
                all.add(row("c1", i, s, x, new double[] {0.5, 0.5}));
                if (s == RunStatus.OK && x != null) {
                    ok.add(x);
                }
            }
            CellStatistics merged = accumulateInParts(all, 1 + rnd.nextInt(5), rnd);
            assertThat(merged.rows()).isEqualTo(rows);
            assertThat(merged.n(M)).isEqualTo(ok.size());
            double mean = ok.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            double ss = 0;
            for (double x : ok) {
                ss += (x - mean) * (x - mean);
            }
            if (ok.isEmpty()) {
                assertThat(merged.mean(M)).isNaN();
            } else {
                assertThat(merged.mean(M)).isCloseTo(mean, within(1e-9 * (1 + Math.abs(mean))));
            }
            if (ok.size() < 2) {
                assertThat(merged.std(M)).isNaN();
            } else {
                assertThat(merged.std(M)).isCloseTo(Math.sqrt(ss / (ok.size() - 1)), within(1e-9));
            }
        }
    }

    @Test
    void countsStatusesDistinctSeedsAndBasinShares() {
        List<Row> rows = List.of(
                row("c1", 1, RunStatus.OK, 2.0, new double[] {1.0, 0.0}),
                row("c1", 2, RunStatus.OK, 4.0, new double[] {0.5, 0.5}),
                row("c1", 2, RunStatus.DIVERGED, 100.0, new double[] {0.0, 1.0}),
                row("c1", 3, RunStatus.FAILED, null, null));
        CellStatistics s = accumulateInParts(rows, 2, new Random(1));
        assertThat(s.rows()).isEqualTo(4);
        assertThat(s.distinctSeeds()).as("seed 2 twice").isEqualTo(3);
        assertThat(s.count(RunStatus.OK)).isEqualTo(2);
        assertThat(s.count(RunStatus.DIVERGED)).isEqualTo(1);
        assertThat(s.count(RunStatus.FAILED)).isEqualTo(1);
        assertThat(s.mean(M)).as("OK rows only").isEqualTo(3.0);
        assertThat(s.std(M)).isCloseTo(Math.sqrt(2.0), within(1e-15));
        assertThat(s.basinShares()).containsExactly(0.75, 0.25);
        assertThat(s.basinRuns()).isEqualTo(2);
        assertThat(s.n(RunMetric.LOC_ALL)).as("never set").isZero();
        assertThat(s.mean(RunMetric.LOC_ALL)).isNaN();
        assertThat(s.params().get(SpecKey.WIDTH.ordinal())).isEqualTo(4);
    }

    @Test
    void basinSharesPerSeedOnlyForGeometriesDrawnPerSeed() {
        List<Row> rows = List.of(
                row("c1", 1, RunStatus.OK, 1.0, new double[] {1.0, 0.0}, GeometryKind.RANDOM),
                row("c1", 2, RunStatus.OK, 1.0, new double[] {0.5, 0.5}, GeometryKind.RANDOM),
                row("c1", 2, RunStatus.OK, 1.0, new double[] {0.0, 1.0}, GeometryKind.RANDOM),
                row("c1", 3, RunStatus.DIVERGED, 1.0, new double[] {0.0, 1.0}, GeometryKind.RANDOM),
                row("c1", 4, RunStatus.OK, 1.0, null, GeometryKind.RANDOM));
        Map<Long, double[]> bySeed = accumulateInParts(rows, 3, new Random(2)).basinSharesBySeed();
        assertThat(bySeed).containsOnlyKeys(1L, 2L);
        assertThat(bySeed.get(1L)).containsExactly(1.0, 0.0);
        assertThat(bySeed.get(2L)).as("two rows of seed 2: their mean").containsExactly(0.25, 0.75);
        CellStatistics fixed = accumulateInParts(List.of(row("c1", 1, RunStatus.OK, 1.0, new double[] {1.0, 0.0})),
                1, new Random(1));
        assertThat(fixed.basinSharesBySeed()).isNull();
    }

    @Test
    void noBasinSharesWithoutOkRowsThatHaveThem() {
        CellStatistics s = accumulateInParts(List.of(row("c1", 1, RunStatus.OK, 1.0, null),
                row("c1", 2, RunStatus.DIVERGED, 1.0, new double[] {1.0})), 1, new Random(1));
        assertThat(s.basinShares()).isNull();
        assertThat(s.basinRuns()).isZero();
    }

    @Test
    void aMissingColumnIsNamed() {
        StructType without = DataTypes.createStructType(
                java.util.Arrays.stream(SCHEMA.fields()).filter(f -> !f.name().equals("mean_gap")).toList());
        assertThatThrownBy(() -> CellStatistics.RowLayout.of(without))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no column mean_gap");
    }

    private static CellStatistics accumulateInParts(List<Row> rows, int parts, Random rnd) {
        List<CellStatistics> pieces = new ArrayList<>();
        int per = Math.max(1, (rows.size() + parts - 1) / parts);
        for (int start = 0; start < rows.size(); start += per) {
            CellStatistics piece = CellStatistics.of(rows.get(start), LAYOUT);
            for (Row r : rows.subList(start, Math.min(rows.size(), start + per))) {
                piece.add(r, LAYOUT);
            }
            pieces.add(piece);
        }
        Collections.shuffle(pieces, rnd);
        CellStatistics total = pieces.get(0);
        for (CellStatistics p : pieces.subList(1, pieces.size())) {
            total.merge(p);
        }
        return total;
    }

    private static Row row(String cell, long seed, RunStatus status, Double metric, double[] shares) {
        return row(cell, seed, status, metric, shares, GeometryKind.ORTHOGONAL);
    }

    private static Row row(String cell, long seed, RunStatus status, Double metric, double[] shares,
                           GeometryKind kind) {
        return RunsRows.row(cell, seed, status, Map.of(SpecKey.GEOMETRY_KIND, kind.specName()),
                metric == null ? Map.of() : Map.of(M, metric), shares);
    }
}
