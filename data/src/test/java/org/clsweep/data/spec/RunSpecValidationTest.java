package org.clsweep.data.spec;

import static org.assertj.core.api.Assertions.assertThat;
import org.clsweep.dynamics.optima.CurvatureScope;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.clsweep.dynamics.activation.Activation;
import org.clsweep.dynamics.objective.LossType;
import org.junit.jupiter.api.Test;

/** Every validation rule of the spec records, each with the key its message must name. */
class RunSpecValidationTest {

    private static void rejects(ThrowingCallable build, String key, String... fragments) {
        assertThatThrownBy(build)
                .isInstanceOfSatisfying(SpecException.class, e -> assertThat(e.key()).isEqualTo(key))
                .hasMessageContaining(key)
                .satisfies(e -> {
                    for (String f : fragments) {
                        assertThat(e.getMessage()).contains(f);
                    }
                });
    }

    @Test
    void geometryRules() {
        rejects(() -> new GeometrySpec(GeometryKind.ORTHOGONAL, 0, 16, 0, 0.1, 1, 1, ProbsKind.UNIFORM, 1),
                "geometry.patterns", "found 0");
        rejects(() -> new GeometrySpec(GeometryKind.RANDOM, 3, 0, 0, 0.1, 1, 1, ProbsKind.UNIFORM, 1), "geometry.dim");
        rejects(() -> new GeometrySpec(GeometryKind.ORTHOGONAL, 8, 4, 0, 0.1, 1, 1, ProbsKind.UNIFORM, 1),
                "geometry.dim", "orthogonal");
        rejects(() -> new GeometrySpec(GeometryKind.EQUIANGULAR, 4, 4, 1.0, 0.1, 1, 1, ProbsKind.UNIFORM, 1),
                "geometry.cosine");
        rejects(() -> new GeometrySpec(GeometryKind.EQUIANGULAR, 4, 4, -0.5, 0.1, 1, 1, ProbsKind.UNIFORM, 1),
                "geometry.cosine", "-0.5");
        rejects(() -> new GeometrySpec(GeometryKind.PAIRS, 11, 5, 0, 0.1, 1, 1, ProbsKind.UNIFORM, 1),
                "geometry.patterns", "10");
        rejects(() -> new GeometrySpec(GeometryKind.RANDOM, 3, 4, 0, -0.1, 1, 1, ProbsKind.UNIFORM, 1),
                "geometry.noise");
        rejects(() -> new GeometrySpec(GeometryKind.RANDOM, 3, 4, 0, 0.1, 0, 1, ProbsKind.UNIFORM, 1),
                "geometry.mag_start");
        rejects(() -> new GeometrySpec(GeometryKind.RANDOM, 3, 4, 0, 0.1, 1, Double.NaN, ProbsKind.UNIFORM, 1),
                "geometry.mag_end");
        rejects(() -> new GeometrySpec(GeometryKind.RANDOM, 3, 4, 0, 0.1, 1, 1, ProbsKind.ZIPF, -1),
                "geometry.zipf_exponent");
        rejects(() -> new GeometrySpec(null, 3, 4, 0, 0.1, 1, 1, ProbsKind.ZIPF, 1), "geometry.kind", "missing");
    }

    @Test
    void equiangularAcceptsTheSimplexInterior() {
        GeometrySpec g = new GeometrySpec(GeometryKind.EQUIANGULAR, 4, 4, -0.3, 0.1, 1, 1, ProbsKind.UNIFORM, 1);
        assertThat(g.cosine()).isEqualTo(-0.3);
    }

    @Test
    void tokenRules() {
        rejects(() -> new TokenSpec(20, 10, 21, 40, 5, 5, 0, 1, List.of(), false), "tokens.per_location", "21");
        rejects(() -> new TokenSpec(20, 10, 5, 40, 11, 0, 0, 1, List.of(), false), "tokens.pattern_len");
        rejects(() -> new TokenSpec(20, 10, 5, 40, 5, 6, 0, 1, List.of(), false), "tokens.aug_degree", "5", "6");
        rejects(() -> new TokenSpec(20, 10, 5, 0, 5, 5, 0, 1, List.of(), false), "tokens.patterns");
        rejects(() -> new TokenSpec(20, 10, 5, 40, 5, 5, -1, 1, List.of(), false), "tokens.embed_dim");
        rejects(() -> new TokenSpec(20, 10, 5, 40, 5, 5, 0, 0, List.of(), false), "tokens.mag_split");
        rejects(() -> new TokenSpec(0, 10, 5, 40, 5, 5, 0, 1, List.of(), false), "tokens.vocab");
        assertThat(new TokenSpec(20, 10, 5, 40, 5, 5, 0, 1, List.of(), false).fieldDim()).isEqualTo(20);
        assertThat(new TokenSpec(20, 10, 5, 40, 5, 5, 8, 1, List.of(), false).fieldDim()).isEqualTo(8);
    }

    @Test
    void trainRules() {
        rejects(() -> new TrainSpec(LossType.INFONCE, 0, 0.02, 0.9, 0.005, 128, 10, true, true, 1e-9, 10),
                "train.temperature");
        rejects(() -> new TrainSpec(LossType.INFONCE, 0.1, -1, 0.9, 0.005, 128, 10, true, true, 1e-9, 10),
                "train.lr", "-1.0");
        rejects(() -> new TrainSpec(LossType.INFONCE, 0.1, 0.02, 1.0, 0.005, 128, 10, true, true, 1e-9, 10),
                "train.momentum");
        rejects(() -> new TrainSpec(LossType.INFONCE, 0.1, 0.02, 0.9, -0.1, 128, 10, true, true, 1e-9, 10),
                "train.weight_decay");
        rejects(() -> new TrainSpec(LossType.INFONCE, 0.1, 0.02, 0.9, 0.005, 1, 10, true, true, 1e-9, 10),
                "train.batch");
        rejects(() -> new TrainSpec(LossType.INFONCE, 0.1, 0.02, 0.9, 0.005, 128, 0, true, true, 1e-9, 10),
                "train.steps");
        rejects(() -> new TrainSpec(LossType.INFONCE, 0.1, 0.02, 0.9, 0.005, 128, 10, true, true, 0, 10),
                "train.tol");
        rejects(() -> new TrainSpec(LossType.INFONCE, 0.1, 0.02, 0.9, 0.005, 128, 10, true, true, 1e-9, 0),
                "train.trace_every");
    }

    @Test
    void netAndAnalysisRules() {
        rejects(() -> new NetSpec(0, true, true, false), "net.out_dim");
        rejects(() -> new AnalysisSpec(0, 0.9999, 0, CurvatureScope.ALL), "analysis.match_cosine");
        rejects(() -> new AnalysisSpec(0.95, 1.01, 0, CurvatureScope.ALL), "analysis.same_optimum_cosine");
        rejects(() -> new AnalysisSpec(0.95, 0.9999, 1, CurvatureScope.ALL), "analysis.eval_batch", "must be 0 or >= 2, found 1");
        rejects(() -> new AnalysisSpec(0.95, 0.9999, -3, CurvatureScope.ALL), "analysis.eval_batch", "must be 0 or >= 2, found -3");
    }

    @Test
    void theEvaluationBatchFollowsTheTrainingBatchAtZero() {
        RunSpec follows = Specs.onelayer(Activation.RELU, 4);
        assertThat(follows.evalBatch()).isEqualTo(follows.train().batch());
        RunSpec own = new RunSpec(ModelKind.ONELAYER, Mode.SGD, Activation.RELU, 0.05, 4, Specs.geometry(),
                Specs.tokens(), Specs.net(), Specs.train(), new AnalysisSpec(0.95, 0.9999, 2, CurvatureScope.ALL));
        assertThat(own.evalBatch()).isEqualTo(2);
    }

    @Test
    void runRulesAndImpossibleCombinations() {
        rejects(() -> new RunSpec(ModelKind.ONELAYER, Mode.POPULATION, Activation.RELU, 0.05, 0, Specs.geometry(),
                Specs.tokens(), Specs.net(), Specs.train(), Specs.analysis()), "width");
        rejects(() -> new RunSpec(ModelKind.ONELAYER, Mode.POPULATION, Activation.LEAKY_RELU, 1.2, 4, Specs.geometry(),
                Specs.tokens(), Specs.net(), Specs.train(), Specs.analysis()), "leaky_slope");
        rejects(() -> new RunSpec(ModelKind.TWOLAYER, Mode.POPULATION, Activation.RELU, 0.05, 4, Specs.geometry(),
                Specs.tokens(), Specs.net(), Specs.train(), Specs.analysis()), "mode", "twolayer");
        rejects(() -> new RunSpec(ModelKind.ONELAYER, Mode.POPULATION, Activation.SIGMOID, 0.05, 4, Specs.geometry(),
                Specs.tokens(), Specs.net(), Specs.train(), Specs.analysis()), "activation", "sgd");
        TokenSpec decoupled = new TokenSpec(20, 10, 5, 40, 5, 5, 0, 1.0, List.of(), true);
        rejects(() -> new RunSpec(ModelKind.ONELAYER, Mode.SGD, Activation.RELU, 0.05, 4, Specs.geometry(),
                decoupled, Specs.net(), Specs.train(), Specs.analysis()), "tokens.decouple", "onelayer");
        assertThat(new RunSpec(ModelKind.TWOLAYER, Mode.SGD, Activation.RELU, 0.05, 4, Specs.geometry(),
                decoupled, Specs.net(), Specs.train(), Specs.analysis()).tokens().decouple()).isTrue();
        RunSpec ok = new RunSpec(ModelKind.ONELAYER, Mode.SGD, Activation.SIGMOID, 0.05, 4, Specs.geometry(),
                Specs.tokens(), Specs.net(), Specs.train(), Specs.analysis());
        assertThat(ok.activationFunction().isHomogeneous()).isFalse();
    }

    @Test
    void cellIdIsStableAndSensitiveToEveryParameter() {
        RunSpec a = Specs.onelayer(Activation.RELU, 8);
        RunSpec b = Specs.onelayer(Activation.RELU, 8);
        assertThat(a.cellId()).isEqualTo(b.cellId()).hasSize(16).matches("[0-9a-f]{16}");
        assertThat(Specs.onelayer(Activation.RELU, 9).cellId()).isNotEqualTo(a.cellId());
        assertThat(Specs.onelayer(Activation.LINEAR, 8).cellId()).isNotEqualTo(a.cellId());
        assertThat(a.cellKey()).isEqualTo(Long.parseUnsignedLong(a.cellId(), 16));
    }
}
