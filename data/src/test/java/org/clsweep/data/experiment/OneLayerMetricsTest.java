package org.clsweep.data.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import org.clsweep.dynamics.model.PatternMixture;
import org.clsweep.dynamics.optima.OptimaReport;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class OneLayerMetricsTest {
    @Test
    void copiesEachSummaryIntoItsColumnAndLeavesTheOthersNaN() {
        OptimaReport r = new OptimaReport(List.of(), List.of(), 3, 2, 0.5, new double[] {0.5, 0.5, 0, 0}, 1e-10, 0.99, 0.75,
                0.3, 4.0, 0.25, -0.01, 1.0, 0.5, 0.75, 0.2);
        // patterns 2·e_0, e_1: Cov_π(μ) = ¼(μ_0 − μ_1)(μ_0 − μ_1)ᵀ, top eigenvector (2, −1)/√5
        PatternMixture mixture = new PatternMixture(new double[][] {{2, 0}, {0, 1}}, new double[] {0.5, 0.5}, 0.1);
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{1, 0}, {0, 1}, {1, 0}});
        double[] m = OneLayerMetrics.of(r, mixture, w);
        assertThat(m[RunMetric.DISTINCT_OPTIMA.ordinal()]).isZero();
        assertThat(m[RunMetric.PATTERNS_RECOVERED.ordinal()]).isEqualTo(2.0);
        assertThat(m[RunMetric.COVERAGE.ordinal()]).isEqualTo(0.5);
        assertThat(m[RunMetric.MAX_RESIDUAL.ordinal()]).isEqualTo(1e-10);
        assertThat(m[RunMetric.MEAN_BEST_COSINE.ordinal()]).isEqualTo(0.99);
        assertThat(m[RunMetric.TOP_EIGEN_FRACTION.ordinal()]).isEqualTo(0.75);
        assertThat(m[RunMetric.MEAN_GAP.ordinal()]).isEqualTo(0.3);
        assertThat(m[RunMetric.MEAN_ROUGHNESS.ordinal()]).isEqualTo(4.0);
        assertThat(m[RunMetric.CONTRACTION_FRACTION.ordinal()]).isEqualTo(0.25);
        assertThat(m[RunMetric.MIN_STABILITY_MARGIN.ordinal()]).isEqualTo(-0.01);
        assertThat(m[RunMetric.HINGE_OPTIMA.ordinal()]).isEqualTo(1.0);
        assertThat(m[RunMetric.PATTERN_CONTRACTION_FRACTION.ordinal()]).isEqualTo(0.5);
        assertThat(m[RunMetric.PATTERN_STABLE_FRACTION.ordinal()]).isEqualTo(0.75);
        assertThat(m[RunMetric.MEAN_ENERGY.ordinal()]).isEqualTo(0.2);
        assertThat(m[RunMetric.INACTIVE_NODES.ordinal()]).isEqualTo(3.0);
        // WᵀW = diag(2, 1): top right-singular vector e_0, ‖W‖_F² = 3, ‖W‖₂² = 2
        assertThat(m[RunMetric.TOP_DIRECTION_COSINE.ordinal()]).isCloseTo(2 / Math.sqrt(5), offset(1e-12));
        assertThat(m[RunMetric.STABLE_RANK.ordinal()]).isCloseTo(1.5, offset(1e-12));
        assertThat(m[RunMetric.LOC_ALL.ordinal()]).isNaN();
        assertThat(m[RunMetric.FINAL_LOSS.ordinal()]).isNaN();
    }
}
