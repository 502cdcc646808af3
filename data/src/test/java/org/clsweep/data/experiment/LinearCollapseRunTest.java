package org.clsweep.data.experiment;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * top_direction_cosine and stable_rank of real runs on orthogonal patterns with distinct
 * magnitudes 1 → 2 (so Cov_π(μ) has one top eigenvector, along the largest pattern): a linear
 * network collapses every node onto that eigenvector, a ReLU network spreads its nodes over the
 * patterns.
 */
class LinearCollapseRunTest {
    private static final GeometrySpec DISTINCT = new GeometrySpec(GeometryKind.ORTHOGONAL, 4, 8, 0.0, 0.1, 1.0, 2.0,
            ProbsKind.UNIFORM, 1.0);
    private static final int WIDTH = 8;

    /** Quadratic loss on raw outputs, rows renormalised (the setting of OneLayerSgdFindingsTest). */
    private static RunSpec spec(Mode mode, Activation activation) {
        TrainSpec train = mode == Mode.SGD
                ? new TrainSpec(LossType.QUADRATIC, 0.1, 0.02, 0.9, 0.005, 128, 2000, true, false, 1e-9, 100)
                : new TrainSpec(LossType.QUADRATIC, 0.1, 1.0, 0.9, 0.0, 128, 5000, true, false, 1e-9, 100);
        return new RunSpec(ModelKind.ONELAYER, mode, activation, 0.05, WIDTH, DISTINCT, Specs.tokens(), Specs.net(),
                train, Specs.analysis());
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"SGD", "POPULATION"})
    void linearCollapsesOntoTheTopEigenvectorOfThePatternCovariance(Mode mode) {
        for (long seed = 1; seed <= 3; seed++) {
            RunResult r = RunExecutor.execute(spec(mode, Activation.LINEAR), seed);
            assertThat(r.status()).isEqualTo(RunStatus.OK);
            assertThat(r.metric(RunMetric.TOP_DIRECTION_COSINE)).as("seed %d", seed).isGreaterThan(0.99);
            assertThat(r.metric(RunMetric.STABLE_RANK)).as("seed %d", seed).isLessThan(1.01);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"SGD", "POPULATION"})
    void reluSpreadsItsNodesOverSeveralPatterns(Mode mode) {
        for (long seed = 1; seed <= 3; seed++) {
            RunResult r = RunExecutor.execute(spec(mode, Activation.RELU), seed);
            assertThat(r.status()).isEqualTo(RunStatus.OK);
            assertThat(r.metric(RunMetric.STABLE_RANK)).as("seed %d", seed).isGreaterThan(1.5);
        }
    }
}
