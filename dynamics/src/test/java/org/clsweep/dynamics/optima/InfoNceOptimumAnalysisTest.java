package org.clsweep.dynamics.optima;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.clsweep.dynamics.testing.Tolerances.TOL_EXACT;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.clsweep.dynamics.activation.Activation;
import org.clsweep.dynamics.activation.ActivationFunction;
import org.clsweep.dynamics.model.PatternMixture;
import org.clsweep.dynamics.objective.ContrastiveCovariance;
import org.clsweep.dynamics.objective.FixedPointCheck;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The InfoNCE analysis of the optima of a random W on a random batch: which matrix each number
 * comes from, that raw outputs make its two residuals one, and what it copies from the uniform
 * analysis.
 */
class InfoNceOptimumAnalysisTest {
    private static final double TAU = 0.5;
    private static final int WIDTH = 6;
    private static final int BATCH = 12;

    /** μ_l = m_l·e_l in R^4, m = (1, 0.8, 0.6), uniform π, σ = 0.2. */
    private static final PatternMixture MIXTURE = new PatternMixture(
            new double[][] {{1, 0, 0, 0}, {0, 0.8, 0, 0}, {0, 0, 0.6, 0}}, new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3},
            0.2);

    static Stream<ActivationFunction> activations() {
        return Stream.of(ActivationFunction.of(Activation.LINEAR), ActivationFunction.of(Activation.RELU),
                ActivationFunction.of(Activation.LEAKY_RELU, 0.2));
    }

    /** W (unit rows, positive on μ_0 so that no ReLU node is inactive), the batch, the uniform optima. */
    private record Fixture(DMatrixRMaj w, DMatrixRMaj x1, DMatrixRMaj x2, List<DistinctOptimum> uniform) {
        static Fixture of(ActivationFunction h, long seed) {
            SplittableRandom rng = new SplittableRandom(seed);
            DMatrixRMaj w = new DMatrixRMaj(WIDTH, 4);
            for (int k = 0; k < WIDTH; k++) {
                double norm = 0.0;
                for (int c = 0; c < 4; c++) {
                    double v = c == 0 ? 0.5 + Math.abs(rng.nextGaussian()) : rng.nextGaussian();
                    w.set(k, c, v);
                    norm += v * v;
                }
                for (int c = 0; c < 4; c++) {
                    w.set(k, c, w.get(k, c) / Math.sqrt(norm));
                }
            }
            DMatrixRMaj x1 = new DMatrixRMaj(BATCH, 4);
            DMatrixRMaj x2 = new DMatrixRMaj(BATCH, 4);
            for (int i = 0; i < BATCH; i++) {
                int l = i % 3;
                for (int c = 0; c < 4; c++) {
                    x1.set(i, c, MIXTURE.pattern(l, c) + 0.2 * rng.nextGaussian());
                    x2.set(i, c, MIXTURE.pattern(l, c) + 0.2 * rng.nextGaussian());
                }
            }
            OptimaReport report = new OptimumAnalysis(MIXTURE, h, AnalysisSettings.of(0.95, 0.9999)).analyse(w);
            return new Fixture(w, x1, x2, report.optima());
        }

        List<DistinctOptimum> analyse(ActivationFunction h, boolean normalize) {
            return new InfoNceOptimumAnalysis(h, TAU, normalize).analyse(w, uniform, x1, x2);
        }

        /** C_α/N (alpha = true) or B_k/N of node k. */
        DMatrixRMaj matrix(ActivationFunction h, boolean normalize, int k, boolean alpha) {
            ContrastiveCovariance m = new ContrastiveCovariance(h, TAU, normalize, WIDTH, 4, BATCH);
            m.evaluate(w, x1, x2);
            DMatrixRMaj out = new DMatrixRMaj(4, 4);
            if (alpha) {
                m.alphaCovariance(k, out);
            } else {
                m.fixedPointMatrix(k, out);
            }
            CommonOps_DDRM.scale(1.0 / BATCH, out);
            return out;
        }
    }

    @ParameterizedTest
    @MethodSource("activations")
    void onRawOutputsBothResidualsAreThoseOfTheAlphaMatrix(ActivationFunction h) {
        Fixture f = Fixture.of(h, 3);
        List<DistinctOptimum> infoNce = f.analyse(h, false);
        assertThat(infoNce).hasSameSizeAs(f.uniform()).isNotEmpty();
        for (DistinctOptimum o : infoNce) {
            FixedPointCheck c = FixedPointCheck.of(f.matrix(h, false, o.representativeNode(), true), f.w(),
                    o.representativeNode());
            assertThat(o.fixedPointResidual()).isEqualTo(o.residual());
            assertThat(o.residual()).isCloseTo(c.relativeResidual(), offset(TOL_EXACT)).isBetween(0.0, 1.0);
            assertThat(o.lambda1()).isCloseTo(c.lambda1(), offset(TOL_EXACT));
        }
    }

    @ParameterizedTest
    @MethodSource("activations")
    void withNormalisationTheSpectrumIsTheFixedPointMatrixs(ActivationFunction h) {
        Fixture f = Fixture.of(h, 5);
        List<DistinctOptimum> infoNce = f.analyse(h, true);
        for (DistinctOptimum o : infoNce) {
            int k = o.representativeNode();
            FixedPointCheck c = FixedPointCheck.of(f.matrix(h, true, k, true), f.w(), k);
            FixedPointCheck b = FixedPointCheck.of(f.matrix(h, true, k, false), f.w(), k);
            assertThat(o.residual()).isCloseTo(c.relativeResidual(), offset(TOL_EXACT));
            assertThat(o.fixedPointResidual()).isCloseTo(b.relativeResidual(), offset(TOL_EXACT))
                    .isNotCloseTo(o.residual(), offset(1e-6));
            assertThat(o.lambda1()).isCloseTo(b.lambda1(), offset(TOL_EXACT)).isNotCloseTo(c.lambda1(), offset(1e-6));
            assertThat(o.lambda2()).isCloseTo(b.lambda2(), offset(TOL_EXACT));
            assertThat(o.gap()).isCloseTo(b.lambda1() - b.lambda2(), offset(TOL_EXACT));
            assertThat(o.topEigenvector()).isEqualTo(b.topCosine() >= Math.sqrt(0.5));
            assertThat(o.energy()).isCloseTo(0.5 * c.rayleigh(), offset(TOL_EXACT));
        }
    }

    @Test
    void theOptimumItselfIsTheUniformOnes() {
        ActivationFunction relu = ActivationFunction.of(Activation.RELU);
        Fixture f = Fixture.of(relu, 7);
        List<DistinctOptimum> infoNce = f.analyse(relu, true);
        assertThat(infoNce).hasSameSizeAs(f.uniform());
        for (int i = 0; i < infoNce.size(); i++) {
            DistinctOptimum u = f.uniform().get(i);
            DistinctOptimum o = infoNce.get(i);
            assertThat(o.analysisAlpha()).isEqualTo(AnalysisAlpha.INFONCE);
            assertThat(o.index()).isEqualTo(u.index());
            assertThat(o.representativeNode()).isEqualTo(u.representativeNode());
            assertThat(o.nodeCount()).isEqualTo(u.nodeCount());
            assertThat(o.basinShare()).isEqualTo(u.basinShare());
            assertThat(o.direction()).containsExactly(u.direction());
            assertThat(o.bestPattern()).isEqualTo(u.bestPattern());
            assertThat(o.bestCosine()).isEqualTo(u.bestCosine());
            assertThat(o.activationSet()).containsExactly(u.activationSet());
            assertThat(o.curvature()).isEqualTo(Curvature.NOT_COMPUTED);
        }
    }

    @Test
    void takesUniformOptimaOfAHomogeneousActivationOnly() {
        ActivationFunction relu = ActivationFunction.of(Activation.RELU);
        Fixture f = Fixture.of(relu, 9);
        List<DistinctOptimum> infoNce = f.analyse(relu, true);
        assertThatThrownBy(() -> new InfoNceOptimumAnalysis(relu, TAU, true).analyse(f.w(), infoNce, f.x1(), f.x2()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("comes from the infonce analysis");
        assertThatThrownBy(() -> new InfoNceOptimumAnalysis(ActivationFunction.of(Activation.SIGMOID), TAU, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not homogeneous");
    }
}
