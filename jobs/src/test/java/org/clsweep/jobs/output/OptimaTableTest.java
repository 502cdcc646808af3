package org.clsweep.jobs.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalInt;
import org.apache.spark.sql.Row;
import org.clsweep.dynamics.metrics.LabelAlignment.OptimumLabel;
import org.clsweep.dynamics.optima.AnalysisAlpha;
import org.clsweep.dynamics.optima.Curvature;
import org.clsweep.dynamics.optima.DistinctOptimum;
import org.junit.jupiter.api.Test;

/** The rows of one optimum under both analyses: which columns each fills, and what they share. */
class OptimaTableTest {
    private static final List<String> CURVATURE = List.of("roughness", "roughness_bound", "gap_over_roughness",
            "contraction", "stability_margin", "on_hinge");
    private static final List<String> SHARED = List.of(OptimaTable.OPTIMUM_INDEX, "node_count", "basin_share",
            "best_pattern", "best_cosine");

    private static final DistinctOptimum UNIFORM = new DistinctOptimum(2, AnalysisAlpha.UNIFORM, 5, 3, 0.375,
            new double[] {0.6, 0.8, 0.0}, 1, 0.97, 2e-9, 2e-9, 1.5, 0.25, 1.25, true, new int[] {0, 1}, 0.7,
            new Curvature(false, 1.5, 0.25, 0.1, 0.3, 0.9));
    private static final DistinctOptimum INFONCE = new DistinctOptimum(2, AnalysisAlpha.INFONCE, 5, 3, 0.375,
            new double[] {0.6, 0.8, 0.0}, 1, 0.97, 0.55, 0.08, 3e-3, 2e-3, 1e-3, false, new int[] {0, 1}, -4e-4,
            Curvature.NOT_COMPUTED);

    private static Object field(Row r, String name) {
        return r.get(OptimaTable.struct().fieldIndex(name));
    }

    @Test
    void aUniformRowHasItsResidualTwiceAndItsCurvature() {
        Row r = OptimaTable.row(UNIFORM, null);
        assertThat(r.size()).isEqualTo(OptimaTable.struct().size());
        assertThat(field(r, OptimaTable.ANALYSIS_ALPHA)).isEqualTo("uniform");
        assertThat(field(r, OptimaTable.RESIDUAL)).isEqualTo(2e-9);
        assertThat(field(r, OptimaTable.FIXED_POINT_RESIDUAL)).isEqualTo(2e-9);
        assertThat(field(r, "top_eigenvector")).isEqualTo(true);
        assertThat(field(r, "roughness")).isEqualTo(0.1);
        assertThat(field(r, "contraction")).isEqualTo(true);
        assertThat(field(r, "on_hinge")).isEqualTo(false);
    }

    @Test
    void anInfoNceRowHasBothResidualsItsSpectrumAndNoCurvature() {
        Row r = OptimaTable.row(INFONCE, null);
        assertThat(r.size()).isEqualTo(OptimaTable.struct().size());
        assertThat(field(r, OptimaTable.ANALYSIS_ALPHA)).isEqualTo("infonce");
        assertThat(field(r, OptimaTable.RESIDUAL)).isEqualTo(0.55);
        assertThat(field(r, OptimaTable.FIXED_POINT_RESIDUAL)).isEqualTo(0.08);
        assertThat(field(r, "lambda1")).isEqualTo(3e-3);
        assertThat(field(r, "gap")).isEqualTo(1e-3);
        assertThat(field(r, "top_eigenvector")).isEqualTo(false);
        assertThat(field(r, "energy")).isEqualTo(-4e-4);
        for (String c : CURVATURE) {
            assertThat(field(r, c)).as(c).isNull();
        }
        Row u = OptimaTable.row(UNIFORM, null);
        for (String s : SHARED) {
            assertThat(field(r, s)).as(s).isEqualTo(field(u, s));
        }
        assertThat((double[]) field(r, "direction")).containsExactly((double[]) field(u, "direction"));
        assertThat((Integer[]) field(r, "activation_set")).containsExactly((Integer[]) field(u, "activation_set"));
    }

    @Test
    void labelColumnsAreNullWithoutLabelledDataAndCopiedWithThem() {
        Row none = OptimaTable.row(UNIFORM, null);
        Row labelled = OptimaTable.row(UNIFORM, new OptimumLabel(OptionalInt.of(7), 0.8, 0.6));
        Row silent = OptimaTable.row(UNIFORM, new OptimumLabel(OptionalInt.empty(), Double.NaN, Double.NaN));
        for (String c : List.of(OptimaTable.MAJORITY_LABEL, OptimaTable.LABEL_PURITY, OptimaTable.CLASS_MEAN_COSINE)) {
            assertThat(field(none, c)).as(c).isNull();
            assertThat(field(silent, c)).as(c).isNull();
        }
        assertThat(field(labelled, OptimaTable.MAJORITY_LABEL)).isEqualTo(7);
        assertThat(field(labelled, OptimaTable.LABEL_PURITY)).isEqualTo(0.8);
        assertThat(field(labelled, OptimaTable.CLASS_MEAN_COSINE)).isEqualTo(0.6);
    }
}
