package org.clsweep.data.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.clsweep.data.geometry.PatternGeometry;
import org.clsweep.data.random.UnitVectors;
import org.clsweep.data.sampling.PatternPairSampler;
import org.clsweep.data.spec.GeometryKind;
import org.clsweep.data.spec.GeometrySpec;
import org.clsweep.data.spec.Mode;
import org.clsweep.data.spec.ModelKind;
import org.clsweep.data.spec.ProbsKind;
import org.clsweep.data.spec.RunSpec;
import org.clsweep.data.spec.Specs;
import org.clsweep.data.spec.TrainSpec;
import org.clsweep.dynamics.activation.Activation;
import org.clsweep.dynamics.activation.ActivationFunction;
import org.clsweep.dynamics.model.OneLayerNetwork;
import org.clsweep.dynamics.model.PatternMixture;
import org.clsweep.dynamics.model.PopulationObjective;
import org.clsweep.dynamics.objective.ContrastiveLosses;
import org.clsweep.dynamics.objective.LossType;
import org.clsweep.dynamics.optim.MomentumSgd;
import org.clsweep.dynamics.optima.AnalysisSettings;
import org.clsweep.dynamics.optima.DistinctOptimum;
import org.clsweep.dynamics.optima.OptimaReport;
import org.clsweep.dynamics.optima.OptimumAnalysis;
import org.clsweep.dynamics.trainer.Action;
import org.clsweep.dynamics.trainer.OneLayerSgd;
import org.clsweep.dynamics.trainer.PopulationFlow;
import org.clsweep.dynamics.trainer.StopRule;
import org.clsweep.dynamics.trainer.TrainingLoop;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The quadratic loss on raw outputs with a large batch and a small step is a noisy discretisation
 * of the population flow (docs/onelayer-sgd.md: E[−∇L] = (2/τ)(A(w) + ḡḡᵀ/N)w, so one SGD step is
 * a projected Euler step of size η = 2·lr/τ, or 2·lr/(τ(1 − μ)) with momentum μ once the velocity
 * has built up). Started from the same W₀ it reaches the same optima, node by node.
 */
class SgdMatchesPopulationTest {
    private static final int PATTERNS = 4;
    private static final int DIM = 8;
    private static final int WIDTH = 8;
    private static final double TAU = 0.1;
    private static final double LR = 0.001;
    private static final double MOMENTUM = 0.9;
    private static final int BATCH = 256;
    private static final int SGD_STEPS = 2500;
    /** The population step equivalent to one SGD step: 2·lr/(τ(1 − μ)). */
    private static final double ETA = 2.0 * LR / (TAU * (1.0 - MOMENTUM));
    private static final double SAME_DIRECTION = 0.99;
    private static final AnalysisSettings ANALYSIS = AnalysisSettings.of(0.95, SAME_DIRECTION);

    @ParameterizedTest(name = "{0} cosine={1} seed={2}")
    @CsvSource({"ORTHOGONAL, 0.0, 1", "ORTHOGONAL, 0.0, 2", "EQUIANGULAR, 0.1, 1", "EQUIANGULAR, -0.2, 3"})
    void sameOptimaAsThePopulationFlowFromTheSameStart(GeometryKind kind, double cosine, long seed) {
        GeometrySpec geometry = new GeometrySpec(kind, PATTERNS, DIM, cosine, 0.1, 1.0, 1.0, ProbsKind.UNIFORM, 1.0);
        PatternMixture mixture = PatternGeometry.mixture(geometry, new SplittableRandom(seed));
        ActivationFunction relu = ActivationFunction.of(Activation.RELU);
        DMatrixRMaj w0 = UnitVectors.rows(WIDTH, DIM, new SplittableRandom(100 + seed));

        PopulationFlow flow = new PopulationFlow(new PopulationObjective(mixture, relu), w0, ETA, 1e-10);
        TrainingLoop.run(flow, 50_000, StopRule.standard());
        DMatrixRMaj wSgd = w0.copy();
        OneLayerSgd sgd = new OneLayerSgd(wSgd, new OneLayerNetwork(relu, WIDTH, DIM, BATCH),
                new PatternPairSampler(mixture, BATCH, new SplittableRandom(200 + seed)),
                ContrastiveLosses.create(LossType.QUADRATIC, TAU, false, BATCH, WIDTH),
                new MomentumSgd(LR, MOMENTUM, 0.0, WIDTH, DIM), true);
        assertThat(TrainingLoop.run(sgd, SGD_STEPS, StopRule.standard()).end()).isEqualTo(Action.CONTINUE);

        OptimaPair reports = new OptimaPair(
                new OptimumAnalysis(mixture, relu, ANALYSIS).analyse(flow.weights()),
                new OptimumAnalysis(mixture, relu, ANALYSIS).analyse(wSgd));
        // both have arrived: the SGD weights are (near) fixed points of the population flow
        assertThat(reports.population.maxResidual()).isLessThan(1e-6);
        assertThat(reports.sgd.maxResidual()).isLessThan(1e-2);
        // node by node, the same optimum
        for (int k = 0; k < WIDTH; k++) {
            double cos = 0.0;
            for (int i = 0; i < DIM; i++) {
                cos += flow.weights().get(k, i) * wSgd.get(k, i);
            }
            assertThat(cos).as("node %d", k).isGreaterThanOrEqualTo(SAME_DIRECTION);
        }
        // hence the same distinct optima, the same recovered patterns and the same basin shares
        assertThat(reports.sgd.distinctOptima()).isEqualTo(reports.population.distinctOptima());
        assertThat(reports.sgd.patternsRecovered()).isEqualTo(reports.population.patternsRecovered());
        assertThat(reports.sgd.patternBasinShare()).containsExactly(reports.population.patternBasinShare());
        for (DistinctOptimum o : reports.sgd.optima()) {
            DistinctOptimum p = reports.population.optima().get(o.index());
            assertThat(dot(o.direction(), p.direction())).isGreaterThanOrEqualTo(SAME_DIRECTION);
            assertThat(o.bestPattern()).isEqualTo(p.bestPattern());
        }
    }

    @Test
    void basinProbabilitiesAgreeAcrossSeedsThroughTheRunExecutor() {
        // Independent initialisations per mode (the init stream depends on the cell), unequal
        // magnitudes so that the basins differ; 10 seeds × 8 nodes = 80 draws per mode.
        GeometrySpec geometry = new GeometrySpec(GeometryKind.ORTHOGONAL, 3, 6, 0.0, 0.1, 1.0, 2.0,
                ProbsKind.UNIFORM, 1.0);
        double lr = 0.002;
        TrainSpec population = new TrainSpec(LossType.QUADRATIC, TAU, 2.0 * lr / (TAU * (1.0 - MOMENTUM)), MOMENTUM,
                0.0, 2, 20_000, true, false, 1e-10, 100);
        TrainSpec sampled = new TrainSpec(LossType.QUADRATIC, TAU, lr, MOMENTUM, 0.0, 128, 1000, true, false, 1e-10,
                100);
        int seeds = 10;
        double[] pPop = new double[3];
        double[] pSgd = new double[3];
        for (long seed = 1; seed <= seeds; seed++) {
            RunResult pop = RunExecutor.execute(spec(Mode.POPULATION, geometry, population), seed);
            RunResult sgd = RunExecutor.execute(spec(Mode.SGD, geometry, sampled), seed);
            assertThat(pop.status()).isEqualTo(RunStatus.OK);
            assertThat(sgd.status()).isEqualTo(RunStatus.OK);
            for (int l = 0; l < 3; l++) {
                pPop[l] += pop.patternBasinShare()[l] / seeds;
                pSgd[l] += sgd.patternBasinShare()[l] / seeds;
            }
        }
        int draws = seeds * 8;
        for (int l = 0; l < 3; l++) {
            double p = (pPop[l] + pSgd[l]) / 2.0;
            double se = Math.sqrt(2.0 * p * (1.0 - p) / draws);
            assertThat(Math.abs(pPop[l] - pSgd[l])).as("pattern %d: population %s, sgd %s", l, pPop[l], pSgd[l])
                    .isLessThanOrEqualTo(3.0 * se);
        }
    }

    private static RunSpec spec(Mode mode, GeometrySpec geometry, TrainSpec train) {
        return new RunSpec(ModelKind.ONELAYER, mode, Activation.RELU, 0.05, 8, geometry, Specs.tokens(), Specs.net(),
                train, Specs.analysis());
    }

    private record OptimaPair(OptimaReport population, OptimaReport sgd) {
    }

    private static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
