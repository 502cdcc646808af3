package org.clsweep.data.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.clsweep.data.spec.GeometryKind;
import org.clsweep.data.spec.GeometrySpec;
import org.clsweep.data.spec.Mode;
import org.clsweep.data.spec.ModelKind;
import org.clsweep.data.spec.ProbsKind;
import org.clsweep.data.spec.RunSpec;
import org.clsweep.data.spec.Specs;
import org.clsweep.data.spec.TrainSpec;
import org.clsweep.dynamics.activation.Activation;
import org.clsweep.dynamics.objective.LossType;
import org.clsweep.dynamics.optima.DistinctOptimum;
import org.junit.jupiter.api.Test;

/**
 * The population runs end to end through {@link RunExecutor}, on the quickstart geometry: six
 * orthogonal patterns in R^16, magnitudes 1 → 0.8 (distinct, so Cov(μ) has a unique top
 * eigenvector), σ = 0.05, η = 1, tol 1e-9.
 */
class OneLayerPopulationRunTest {
    private static final int SEEDS = 8;

    static RunSpec spec(Activation activation, double slope, int width, double lr) {
        GeometrySpec geometry = new GeometrySpec(GeometryKind.ORTHOGONAL, 6, 16, 0.0, 0.05, 1.0, 0.8,
                ProbsKind.UNIFORM, 1.0);
        TrainSpec train = new TrainSpec(LossType.INFONCE, 0.1, lr, 0.9, 0.005, 128, 5000, true, true, 1e-9, 250);
        return new RunSpec(ModelKind.ONELAYER, Mode.POPULATION, activation, slope, width, geometry, Specs.tokens(),
                Specs.net(), train, Specs.analysis());
    }

    static RunSpec spec(Activation activation, double slope, int width) {
        return spec(activation, slope, width, 1.0);
    }

    @Test
    void convergedLeakyLayerAtZeroNoiseIsAnalysedWithoutEigenSolverFailures() {
        // a cell of conf/existence.conf whose converged weights once broke the symmetric
        // eigen-decomposition (entries whose squares underflow): every seed must be OK
        GeometrySpec geometry = new GeometrySpec(GeometryKind.EQUIANGULAR, 6, 16, 0.4, 0.0, 1.0, 0.8,
                ProbsKind.UNIFORM, 1.0);
        TrainSpec train = new TrainSpec(LossType.INFONCE, 0.1, 1.0, 0.9, 0.005, 128, 5000, true, true, 1e-9, 250);
        RunSpec s = new RunSpec(ModelKind.ONELAYER, Mode.POPULATION, Activation.LEAKY_RELU, 0.2, 16, geometry,
                Specs.tokens(), Specs.net(), train, Specs.analysis());
        for (long seed = 1; seed <= SEEDS; seed++) {
            RunResult r = RunExecutor.execute(s, seed);
            assertThat(r.status()).as("seed %d: %s", seed, r.error()).isEqualTo(RunStatus.OK);
        }
    }

    @Test
    void runIsDeterministicAndFillsTheOneLayerMetricsOnly() {
        RunSpec s = spec(Activation.RELU, 0.0, 8);
        RunResult a = RunExecutor.execute(s, 3);
        RunResult b = RunExecutor.execute(s, 3);
        RunResult other = RunExecutor.execute(s, 4);
        assertThat(a.status()).isEqualTo(RunStatus.OK);
        assertThat(a.error()).isNull();
        assertThat(a.stepsDone()).isBetween(1, 5000);
        assertThat(a.wallMs()).isNotNegative();
        assertThat(a.trace()).isEmpty();
        assertThat(a.patternBasinShare()).hasSize(6);
        assertThat(a.optima()).isNotEmpty();
        for (RunMetric m : RunMetric.values()) {
            if (m.ordinal() <= RunMetric.STABLE_RANK.ordinal()) {
                assertThat(a.metric(m)).as(m.column()).isFinite();
            } else {
                assertThat(a.metric(m)).as(m.column()).isNaN();
            }
        }
        assertThat(a.metrics()).containsExactly(b.metrics());
        assertThat(a.stepsDone()).isEqualTo(b.stepsDone());
        for (int k = 0; k < a.optima().size(); k++) {
            assertThat(a.optima().get(k).direction()).containsExactly(b.optima().get(k).direction());
        }
        assertThat(other.optima().get(0).direction()).isNotEqualTo(a.optima().get(0).direction());
        assertThat(a.metric(RunMetric.DISTINCT_OPTIMA)).isEqualTo(a.optima().size());
    }

    @Test
    void linearFindsExactlyOneOptimumAtEveryWidth() {
        for (int width : new int[] {1, 2, 4, 8, 16, 32}) {
            for (long seed = 1; seed <= 3; seed++) {
                RunResult r = RunExecutor.execute(spec(Activation.LINEAR, 0.0, width), seed);
                assertThat(r.status()).isEqualTo(RunStatus.OK);
                assertThat(r.metric(RunMetric.DISTINCT_OPTIMA)).as("width %d seed %d", width, seed).isEqualTo(1.0);
                assertThat(r.metric(RunMetric.TOP_EIGEN_FRACTION)).isEqualTo(1.0);
                assertThat(r.metric(RunMetric.MAX_RESIDUAL)).isLessThan(1e-9);
            }
        }
    }

    @Test
    void reluMatchesEveryOptimumToAPatternAndCoverageRisesWithWidth() {
        int[] widths = {1, 4, 16, 32};
        double[] coverage = new double[widths.length];
        for (int k = 0; k < widths.length; k++) {
            for (long seed = 1; seed <= SEEDS; seed++) {
                RunResult r = RunExecutor.execute(spec(Activation.RELU, 0.0, widths[k]), seed);
                assertThat(r.optima()).allSatisfy(o -> assertThat(o.bestCosine()).isGreaterThan(0.99));
                assertThat(r.optima()).extracting(DistinctOptimum::bestPattern).doesNotHaveDuplicates();
                assertThat(r.metric(RunMetric.DISTINCT_OPTIMA)).isEqualTo(r.metric(RunMetric.PATTERNS_RECOVERED));
                coverage[k] += r.metric(RunMetric.COVERAGE) / SEEDS;
            }
        }
        for (int k = 1; k < widths.length; k++) {
            assertThat(coverage[k]).as("mean coverage at width %d vs %d", widths[k], widths[k - 1])
                    .isGreaterThan(coverage[k - 1]);
        }
        assertThat(coverage[0]).isEqualTo(1.0 / 6);
        assertThat(coverage[widths.length - 1]).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void leakyReluFindsFewerOptimaAsTheSlopeGrows() {
        double[] slopes = {0.0, 0.5, 0.8, 0.9, 1.0};
        double[] distinct = new double[slopes.length];
        for (int k = 0; k < slopes.length; k++) {
            for (long seed = 1; seed <= SEEDS; seed++) {
                RunResult r = RunExecutor.execute(spec(Activation.LEAKY_RELU, slopes[k], 32), seed);
                distinct[k] += r.metric(RunMetric.DISTINCT_OPTIMA) / SEEDS;
            }
        }
        for (int k = 1; k < slopes.length; k++) {
            assertThat(distinct[k]).as("mean distinct optima at slope %s vs %s", slopes[k], slopes[k - 1])
                    .isLessThan(distinct[k - 1]);
        }
        assertThat(distinct[0]).as("slope 0 is ReLU: nearly every pattern found at width 32").isGreaterThan(5.5);
        assertThat(distinct[slopes.length - 1]).as("slope 1 is linear").isEqualTo(1.0);
    }

    @Test
    void anOverflowingStepIsADivergedResultNotACrash() {
        RunResult r = RunExecutor.execute(spec(Activation.RELU, 0.0, 4, 1e300), 1);
        assertThat(r.status()).isEqualTo(RunStatus.DIVERGED);
        assertThat(r.error()).contains("non-finite").contains("train.lr");
        assertThat(r.stepsDone()).isBetween(1, 5);
        assertThat(r.optima()).isEqualTo(List.of());
        assertThat(r.metric(RunMetric.DISTINCT_OPTIMA)).isNaN();
    }
}
