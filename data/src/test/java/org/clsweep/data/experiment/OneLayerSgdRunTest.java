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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code model = onelayer, mode = sgd} through {@link RunExecutor}: statuses and recorded metrics. */
class OneLayerSgdRunTest {
    private static final GeometrySpec ORTHOGONAL_4 =
            new GeometrySpec(GeometryKind.ORTHOGONAL, 4, 8, 0.0, 0.1, 1.0, 1.0, ProbsKind.UNIFORM, 1.0);

    static RunSpec sgd(Activation activation, int width, GeometrySpec geometry, TrainSpec train) {
        return new RunSpec(ModelKind.ONELAYER, Mode.SGD, activation, 0.05, width, geometry, Specs.tokens(),
                Specs.net(), train, Specs.analysis());
    }

    static TrainSpec train(LossType loss, double lr, int batch, int steps, boolean normalizeRows,
                           boolean normalizeOutput) {
        return new TrainSpec(loss, 0.1, lr, 0.9, 0.005, batch, steps, normalizeRows, normalizeOutput, 1e-9, 50);
    }

    @Test
    void hugeLearningRateGivesADivergedRowNotAFailure() {
        RunSpec spec = sgd(Activation.RELU, 4, ORTHOGONAL_4, train(LossType.INFONCE, 1e4, 16, 1000, false, false));
        RunResult r = RunExecutor.execute(spec, 1);
        assertThat(r.status()).isEqualTo(RunStatus.DIVERGED);
        assertThat(r.stepsDone()).isBetween(1, 999);
        assertThat(r.error()).contains("step " + r.stepsDone()).contains("train.lr = 10000.0");
        for (RunMetric m : RunMetric.values()) {
            assertThat(r.metric(m)).as(m.column()).isNaN();
        }
        assertThat(r.optima()).isEmpty();
    }

    @Test
    void infoNceRunRecordsTheLossTheAlphaDiagnosticsAndTheAnalysis() {
        int batch = 64;
        RunSpec spec = sgd(Activation.RELU, 8, ORTHOGONAL_4, train(LossType.INFONCE, 0.02, batch, 300, true, true));
        RunResult r = RunExecutor.execute(spec, 3);
        assertThat(r.status()).isEqualTo(RunStatus.OK);
        assertThat(r.error()).isNull();
        assertThat(r.stepsDone()).isEqualTo(300);
        // InfoNCE ≥ 0: the log-sum-exp includes the positive term j = i
        assertThat(r.metric(RunMetric.FINAL_LOSS)).isFinite().isPositive();
        double alphaMean = r.metric(RunMetric.ALPHA_MEAN);
        assertThat(alphaMean).isPositive().isLessThanOrEqualTo(1.0 / (batch - 1));
        assertThat(r.metric(RunMetric.ALPHA_MAX)).isGreaterThanOrEqualTo(alphaMean).isLessThanOrEqualTo(1.0);
        assertThat(r.metric(RunMetric.DISTINCT_OPTIMA)).isBetween(1.0, 8.0);
        assertThat(r.patternBasinShare()).hasSize(4);
        assertThat(r.optima()).hasSize((int) r.metric(RunMetric.DISTINCT_OPTIMA));
        assertThat(r.metric(RunMetric.LOC_ALL)).isNaN();
    }

    @Test
    void quadraticRunHasNoAlpha() {
        RunSpec spec = sgd(Activation.RELU, 4, ORTHOGONAL_4, train(LossType.QUADRATIC, 0.01, 32, 100, true, false));
        RunResult r = RunExecutor.execute(spec, 1);
        assertThat(r.status()).isEqualTo(RunStatus.OK);
        assertThat(r.metric(RunMetric.FINAL_LOSS)).isFinite().isNegative();
        assertThat(r.metric(RunMetric.ALPHA_MEAN)).isNaN();
        assertThat(r.metric(RunMetric.ALPHA_MAX)).isNaN();
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"SIGMOID", "QUADRATIC"})
    void nonHomogeneousControlsRecordPatternMatchingAndNoFixedPointMetrics(Activation control) {
        RunSpec spec = sgd(control, 6, ORTHOGONAL_4, train(LossType.INFONCE, 0.02, 32, 100, true, true));
        RunResult r = RunExecutor.execute(spec, 2);
        assertThat(r.status()).isEqualTo(RunStatus.OK);
        assertThat(r.metric(RunMetric.DISTINCT_OPTIMA)).isBetween(1.0, 6.0);
        assertThat(r.metric(RunMetric.PATTERNS_RECOVERED)).isBetween(0.0, 4.0);
        assertThat(r.metric(RunMetric.COVERAGE)).isBetween(0.0, 1.0);
        assertThat(r.metric(RunMetric.MEAN_BEST_COSINE)).isBetween(-1.0, 1.0);
        assertThat(r.metric(RunMetric.INACTIVE_NODES)).isZero();
        assertThat(r.metric(RunMetric.FINAL_LOSS)).isFinite();
        assertThat(r.metric(RunMetric.ALPHA_MEAN)).isFinite();
        for (RunMetric fixedPoint : new RunMetric[] {RunMetric.MAX_RESIDUAL, RunMetric.TOP_EIGEN_FRACTION,
                RunMetric.MEAN_GAP, RunMetric.MEAN_ROUGHNESS, RunMetric.MEAN_ENERGY}) {
            assertThat(r.metric(fixedPoint)).as(fixedPoint.column()).isNaN();
        }
    }

    @Test
    void sameSeedSameRunDifferentSeedDifferentRun() {
        RunSpec spec = sgd(Activation.RELU, 6, ORTHOGONAL_4, train(LossType.INFONCE, 0.02, 32, 100, true, true));
        RunResult a = RunExecutor.execute(spec, 5);
        RunResult b = RunExecutor.execute(spec, 5);
        RunResult c = RunExecutor.execute(spec, 6);
        assertThat(a.metric(RunMetric.FINAL_LOSS)).isEqualTo(b.metric(RunMetric.FINAL_LOSS));
        assertThat(a.optima().get(0).direction()).containsExactly(b.optima().get(0).direction());
        assertThat(a.metric(RunMetric.FINAL_LOSS)).isNotEqualTo(c.metric(RunMetric.FINAL_LOSS));
    }
}
