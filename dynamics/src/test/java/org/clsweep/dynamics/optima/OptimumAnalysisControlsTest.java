package org.clsweep.dynamics.optima;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.clsweep.dynamics.testing.Tolerances.TOL_EXACT;

import org.clsweep.dynamics.activation.Activation;
import org.clsweep.dynamics.activation.ActivationFunction;
import org.clsweep.dynamics.model.PatternMixture;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The analysis of the non-homogeneous controls (sigmoid, quadratic): pattern matching only, the
 * fixed-point diagnostics NaN. Hand-made W on the orthogonal patterns e_0, e_1, e_2.
 */
class OptimumAnalysisControlsTest {
    private static final PatternMixture MIXTURE = new PatternMixture(
            new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, new double[] {0.5, 0.25, 0.25}, 0.1);
    private static final AnalysisSettings SETTINGS = AnalysisSettings.of(0.95, 0.9999);

    /** Rows: e_0, e_0, −e_0, e_1, −(e_0 + e_1 + e_2)/√3. */
    private static DMatrixRMaj weights() {
        double r = 1.0 / Math.sqrt(3.0);
        return new DMatrixRMaj(5, 3, true,
                1, 0, 0,
                1, 0, 0,
                -1, 0, 0,
                0, 1, 0,
                -r, -r, -r);
    }

    @Test
    void sigmoidGetsPatternMatchingOnlyWithSignedDirections() {
        OptimaReport report = new OptimumAnalysis(MIXTURE, ActivationFunction.of(Activation.SIGMOID), SETTINGS)
                .analyse(weights());
        // e_0 (2 nodes), then −e_0, e_1, −(1,1,1)/√3 as three single-node optima; no node is "inactive"
        assertThat(report.inactiveNodes()).isZero();
        assertThat(report.distinctOptima()).isEqualTo(4);
        assertThat(report.optima().get(0).nodeCount()).isEqualTo(2);
        assertThat(report.optima().get(0).bestPattern()).isZero();
        assertThat(report.patternsRecovered()).isEqualTo(2);
        assertThat(report.patternBasinShare()[0]).isCloseTo(0.4, within(TOL_EXACT));
        assertThat(report.patternBasinShare()[1]).isCloseTo(0.2, within(TOL_EXACT));
        assertThat(report.patternBasinShare()[2]).isZero();
        for (DistinctOptimum o : report.optima()) {
            assertThat(o.residual()).isNaN();
            assertThat(o.lambda1()).isNaN();
            assertThat(o.gap()).isNaN();
            assertThat(o.curvature().roughness()).isNaN();
            assertThat(o.energy()).isNaN();
            assertThat(o.topEigenvector()).isFalse();
        }
        assertThat(report.maxResidual()).isNaN();
        assertThat(report.topEigenFraction()).isNaN();
        assertThat(report.meanGap()).isNaN();
        assertThat(report.meanRoughness()).isNaN();
        assertThat(report.meanEnergy()).isNaN();
        assertThat(report.meanBestCosine()).isFinite();
    }

    @Test
    void quadraticActivationIsEvenSoSignsMerge() {
        OptimaReport report = new OptimumAnalysis(MIXTURE, ActivationFunction.of(Activation.QUADRATIC), SETTINGS)
                .analyse(weights());
        // ±e_0 (3 nodes), e_1, ±(1,1,1)/√3
        assertThat(report.distinctOptima()).isEqualTo(3);
        assertThat(report.optima().get(0).nodeCount()).isEqualTo(3);
        assertThat(report.optima().get(0).bestCosine()).isCloseTo(1.0, within(TOL_EXACT));
        assertThat(report.patternBasinShare()[0]).isCloseTo(0.6, within(TOL_EXACT));
        assertThat(report.optima().get(2).bestCosine()).isCloseTo(1.0 / Math.sqrt(3.0), within(TOL_EXACT));
        assertThat(report.maxResidual()).isNaN();
    }
}
