package org.clsweep.dynamics.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.clsweep.dynamics.activation.Activation;
import org.clsweep.dynamics.activation.ActivationFunction;
import org.clsweep.dynamics.model.PatternMixture;
import org.clsweep.dynamics.model.PopulationObjective;
import org.clsweep.dynamics.optima.AnalysisSettings;
import org.clsweep.dynamics.optima.DistinctOptimum;
import org.clsweep.dynamics.optima.OptimaReport;
import org.clsweep.dynamics.optima.OptimumAnalysis;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PopulationFlowTest {
    /** The flow's convergence threshold on max_i ‖r_i‖ (a setting of the run, not an assertion tolerance). */
    private static final double CONVERGENCE_TOL = 1e-10;
    private static final AnalysisSettings SETTINGS = AnalysisSettings.of(0.95, 0.9999);

    /** L orthogonal patterns μ_l = r_l·e_l in R^d, r linear from 1 to magEnd, uniform π. */
    static PatternMixture orthogonal(int patterns, int d, double magEnd, double noise) {
        double[][] mu = new double[patterns][d];
        double[] p = new double[patterns];
        for (int l = 0; l < patterns; l++) {
            mu[l][l] = patterns == 1 ? 1.0 : 1.0 + (magEnd - 1.0) * l / (patterns - 1);
            p[l] = 1.0 / patterns;
        }
        return new PatternMixture(mu, p, noise);
    }

    static DMatrixRMaj randomRows(int n, int d, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        DMatrixRMaj w = new DMatrixRMaj(n, d);
        for (int i = 0; i < n * d; i++) {
            w.data[i] = rng.nextGaussian();
        }
        return w;
    }

    @Test
    void linearFlowReachesPlusOrMinusTheTopEigenvectorOfThePatternCovariance() {
        SplittableRandom rng = new SplittableRandom(17);
        double[][] mu = new double[5][7];
        for (double[] row : mu) {
            for (int i = 0; i < 7; i++) {
                row[i] = rng.nextGaussian();
            }
        }
        PatternMixture mix = new PatternMixture(mu, new double[] {0.1, 0.2, 0.3, 0.25, 0.15}, 0.3);
        ActivationFunction linear = ActivationFunction.of(Activation.LINEAR);
        PopulationObjective objective = new PopulationObjective(mix, linear);
        DMatrixRMaj cov = new DMatrixRMaj(7, 7);
        objective.matrix(new double[] {1, 0, 0, 0, 0, 0, 0}, 0, objective.newWorkspace(), cov);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(7, true, true);
        assertThat(eig.decompose(cov.copy())).isTrue();
        int top = 0;
        for (int i = 1; i < 7; i++) {
            if (eig.getEigenvalue(i).real > eig.getEigenvalue(top).real) {
                top = i;
            }
        }
        DMatrixRMaj v = eig.getEigenVector(top);

        PopulationFlow flow = new PopulationFlow(objective, randomRows(10, 7, 3), 1.0, CONVERGENCE_TOL);
        TrainingOutcome out = TrainingLoop.run(flow, 100_000, StopRule.standard());
        assertThat(out.end()).isEqualTo(Action.CONVERGED);
        for (int i = 0; i < 10; i++) {
            double cos = 0.0;
            for (int j = 0; j < 7; j++) {
                cos += flow.weights().get(i, j) * v.get(j);
            }
            assertThat(Math.abs(cos)).as("node %d", i).isGreaterThan(1 - 1e-9);
        }
        OptimaReport r = new OptimumAnalysis(mix, linear, SETTINGS).analyse(flow.weights());
        assertThat(r.distinctOptima()).isEqualTo(1);
        assertThat(r.topEigenFraction()).isEqualTo(1.0);
        assertThat(r.optima().get(0).lambda1()).isCloseTo(eig.getEigenvalue(top).real, org.assertj.core.data.Offset.offset(1e-12));
    }

    @ParameterizedTest(name = "width {0}")
    @ValueSource(ints = {1, 3, 16, 40})
    void linearGivesExactlyOneOptimumAtEveryWidth(int width) {
        PatternMixture mix = orthogonal(6, 16, 0.5, 0.1);
        ActivationFunction linear = ActivationFunction.of(Activation.LINEAR);
        PopulationFlow flow = new PopulationFlow(new PopulationObjective(mix, linear), randomRows(width, 16, width), 1.0, 1e-9);
        assertThat(TrainingLoop.run(flow, 20_000, StopRule.standard()).end()).isEqualTo(Action.CONVERGED);
        assertThat(new OptimumAnalysis(mix, linear, SETTINGS).analyse(flow.weights())
                .distinctOptima()).isEqualTo(1);
    }

    @Test
    void reluOnOrthogonalPatternsFindsOneOptimumPerPatternWithEnoughWidth() {
        PatternMixture mix = orthogonal(4, 8, 0.8, 0.05);
        ActivationFunction relu = ActivationFunction.of(Activation.RELU);
        PopulationFlow flow = new PopulationFlow(new PopulationObjective(mix, relu), randomRows(64, 8, 5), 1.0, 1e-9);
        TrainingOutcome out = TrainingLoop.run(flow, 20_000, StopRule.standard());
        OptimaReport r = new OptimumAnalysis(mix, relu, SETTINGS).analyse(flow.weights());
        assertThat(r.distinctOptima()).isEqualTo(4);
        assertThat(r.optima()).extracting(DistinctOptimum::bestPattern).containsExactlyInAnyOrder(0, 1, 2, 3);
        assertThat(r.optima()).allSatisfy(o -> {
            assertThat(o.bestCosine()).isGreaterThan(0.99);
            assertThat(o.topEigenvector()).isTrue();
            assertThat(o.residual()).isLessThan(1e-9);
            assertThat(o.activationSet()).contains(o.bestPattern());
        });
        assertThat(r.coverage()).isEqualTo(1.0);
        // with σ = 0.05 a node started with every wᵀμ_l ≪ 0 escapes its plateau only after ~1/Φ(max a_l)
        // steps: those nodes, and only those, are still moving when the budget runs out
        assertThat(r.inactiveNodes()).isPositive();
        assertThat(out.end()).isEqualTo(Action.CONTINUE);
        assertThat(r.nodes()).allSatisfy(nd -> assertThat(nd.inactive() || nd.residual() < 1e-9).isTrue());
    }

    @Test
    void energyRisesMonotonicallyForSmallSteps() {
        PatternMixture mix = orthogonal(5, 6, 0.6, 0.2);
        PopulationFlow flow = new PopulationFlow(new PopulationObjective(mix, ActivationFunction.of(Activation.RELU)),
                randomRows(8, 6, 9), 0.2, 1e-12);
        double previous = Double.NEGATIVE_INFINITY;
        double previousResidual = Double.POSITIVE_INFINITY;
        for (int t = 0; t < 400; t++) {
            double e = flow.step(t);
            assertThat(e).as("mean E at step %d", t).isGreaterThanOrEqualTo(previous - 1e-15);
            previous = e;
            if (t == 399) {
                assertThat(flow.maxResidual()).isLessThan(previousResidual);
            }
            if (t == 0) {
                previousResidual = flow.maxResidual();
            }
        }
        for (int i = 0; i < 8; i++) {
            double n2 = 0.0;
            for (int j = 0; j < 6; j++) {
                n2 += flow.weights().get(i, j) * flow.weights().get(i, j);
            }
            assertThat(n2).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-14));
        }
    }

    @Test
    void convergenceIsReportedWhenTheLargestResidualFallsBelowTheTolerance() {
        PatternMixture mix = orthogonal(3, 4, 0.7, 0.1);
        PopulationFlow flow = new PopulationFlow(new PopulationObjective(mix, ActivationFunction.of(Activation.RELU)),
                randomRows(5, 4, 2), 1.0, 1e-8);
        assertThat(flow.converged()).isFalse();
        assertThat(flow.maxResidual()).isInfinite();
        TrainingOutcome out = TrainingLoop.run(flow, 50_000, StopRule.standard());
        assertThat(out.end()).isEqualTo(Action.CONVERGED);
        assertThat(flow.maxResidual()).isLessThan(1e-8);
        PopulationFlow again = new PopulationFlow(new PopulationObjective(mix, ActivationFunction.of(Activation.RELU)),
                randomRows(5, 4, 2), 1.0, 1e-8);
        TrainingOutcome cut = TrainingLoop.run(again, out.stepsDone() - 1, StopRule.standard());
        assertThat(cut.end()).isEqualTo(Action.CONTINUE);
        assertThat(again.maxResidual()).isGreaterThanOrEqualTo(1e-8);
    }

    @Test
    void nonFiniteDataEndsTheRunAsDiverged() {
        PatternMixture mix = new PatternMixture(new double[][] {{1, 0}, {0, Double.NaN}}, new double[] {0.5, 0.5}, 0.1);
        PopulationFlow flow = new PopulationFlow(new PopulationObjective(mix, ActivationFunction.of(Activation.RELU)),
                randomRows(3, 2, 1), 1.0, 1e-9);
        TrainingOutcome out = TrainingLoop.run(flow, 100, StopRule.standard());
        assertThat(out.end()).isEqualTo(Action.DIVERGED);
        assertThat(out.stepsDone()).isEqualTo(1);
    }

    @Test
    void stepDoesNotAllocate() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        PatternMixture mix = orthogonal(8, 32, 0.5, 0.1);
        PopulationFlow flow = new PopulationFlow(new PopulationObjective(mix, ActivationFunction.of(Activation.LEAKY_RELU, 0.1)),
                randomRows(16, 32, 4), 0.5, 1e-300);
        for (int t = 0; t < 2_000; t++) {
            flow.step(t);
        }
        long tid = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(tid);
        for (int t = 0; t < 2_000; t++) {
            flow.step(t);
        }
        long allocated = mx.getThreadAllocatedBytes(tid) - before;
        assertThat(allocated).as("bytes allocated by 2000 steps of 16 nodes").isLessThan(1024);
    }

    @Test
    void rejectsMismatchedShapesAndBadSettings() {
        PopulationObjective objective = new PopulationObjective(orthogonal(3, 4, 1.0, 0.1), ActivationFunction.of(Activation.RELU));
        assertThatThrownBy(() -> new PopulationFlow(objective, new DMatrixRMaj(2, 5), 1.0, 1e-9))
                .hasMessageContaining("5 columns");
        assertThatThrownBy(() -> new PopulationFlow(objective, randomRows(2, 4, 1), -1.0, 1e-9))
                .hasMessageContaining("lr must").hasMessageContaining("-1.0");
        assertThatThrownBy(() -> new PopulationFlow(objective, randomRows(2, 4, 1), 1.0, 0.0))
                .hasMessageContaining("tol must");
        assertThatThrownBy(() -> new PopulationFlow(objective, new DMatrixRMaj(2, 4), 1.0, 1e-9))
                .hasMessageContaining("row 0");
    }
}
