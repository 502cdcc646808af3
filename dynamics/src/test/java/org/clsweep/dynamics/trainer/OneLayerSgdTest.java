package org.clsweep.dynamics.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clsweep.dynamics.testing.Tolerances.TOL_EXACT;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.clsweep.dynamics.activation.Activation;
import org.clsweep.dynamics.activation.ActivationFunction;
import org.clsweep.dynamics.model.OneLayerNetwork;
import org.clsweep.dynamics.model.ViewPairSource;
import org.clsweep.dynamics.objective.ContrastiveLoss;
import org.clsweep.dynamics.objective.ContrastiveLosses;
import org.clsweep.dynamics.objective.LossType;
import org.clsweep.dynamics.optim.MomentumSgd;
import org.clsweep.dynamics.testing.FiniteDifferences;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The SGD stepped model: one step by hand, row renormalisation, divergence, and no allocation per step. */
class OneLayerSgdTest {
    /** Two views x = μ_l + σε with μ_l = ±e_l (l < d), as a self-contained source for these tests. */
    static final class SignedBasisPairs implements ViewPairSource {
        private final SplittableRandom rng;
        private final double noise;

        SignedBasisPairs(long seed, double noise) {
            this.rng = new SplittableRandom(seed);
            this.noise = noise;
        }

        @Override
        public void next(DMatrixRMaj view1, DMatrixRMaj view2) {
            int d = view1.numCols;
            for (int i = 0; i < view1.numRows; i++) {
                int l = rng.nextInt(d);
                for (int k = 0; k < d; k++) {
                    double mu = k == l ? 1.0 : 0.0;
                    view1.set(i, k, mu + noise * rng.nextGaussian());
                    view2.set(i, k, mu + noise * rng.nextGaussian());
                }
            }
        }
    }

    private static OneLayerSgd model(DMatrixRMaj w, LossType type, boolean normalizeOutput, boolean normalizeRows,
                                     double lr, int batch) {
        ActivationFunction relu = ActivationFunction.of(Activation.RELU);
        OneLayerNetwork net = new OneLayerNetwork(relu, w.numRows, w.numCols, batch);
        ContrastiveLoss loss = ContrastiveLosses.create(type, 0.1, normalizeOutput, batch, w.numRows);
        MomentumSgd opt = new MomentumSgd(lr, 0.9, 0.005, w.numRows, w.numCols);
        return new OneLayerSgd(w, net, new SignedBasisPairs(7, 0.1), loss, opt, normalizeRows);
    }

    @Test
    void oneStepIsTheGradientStepOnTheSameBatchThenRenormalised() {
        int n = 3;
        int d = 4;
        int batch = 5;
        DMatrixRMaj w0 = FiniteDifferences.gaussian(n, d, 1.0, new SplittableRandom(1));
        OneLayerSgd.normalizeRows(w0);
        DMatrixRMaj w = w0.copy();
        OneLayerSgd sgd = model(w, LossType.INFONCE, true, true, 0.05, batch);
        double loss = sgd.step(0);

        // replay: same batch, same loss, gradient by the network, then the update rule by hand
        DMatrixRMaj x1 = new DMatrixRMaj(batch, d);
        DMatrixRMaj x2 = new DMatrixRMaj(batch, d);
        new SignedBasisPairs(7, 0.1).next(x1, x2);
        OneLayerNetwork net = new OneLayerNetwork(ActivationFunction.of(Activation.RELU), n, d, batch);
        DMatrixRMaj g = new DMatrixRMaj(n, d);
        double expectedLoss = net.lossAndGradient(w0, x1, x2,
                ContrastiveLosses.create(LossType.INFONCE, 0.1, true, batch, n), g);
        assertThat(loss).isCloseTo(expectedLoss, Offset.offset(TOL_EXACT));
        DMatrixRMaj expected = new DMatrixRMaj(n, d);
        for (int k = 0; k < n * d; k++) {
            expected.data[k] = w0.data[k] - 0.05 * (g.data[k] + 0.005 * w0.data[k]);
        }
        OneLayerSgd.normalizeRows(expected);
        for (int k = 0; k < n * d; k++) {
            assertThat(w.data[k]).isCloseTo(expected.data[k], Offset.offset(TOL_EXACT));
        }
    }

    @Test
    void rowsStayUnitWithRenormalisation() {
        DMatrixRMaj w = FiniteDifferences.gaussian(6, 4, 1.0, new SplittableRandom(2));
        OneLayerSgd sgd = model(w, LossType.QUADRATIC, false, true, 0.5, 16);
        TrainingOutcome out = TrainingLoop.run(sgd, 50, StopRule.standard());
        assertThat(out.end()).isEqualTo(Action.CONTINUE);
        for (int r = 0; r < 6; r++) {
            double ss = 0.0;
            for (int c = 0; c < 4; c++) {
                ss += w.get(r, c) * w.get(r, c);
            }
            assertThat(Math.sqrt(ss)).isCloseTo(1.0, Offset.offset(TOL_EXACT));
        }
    }

    @Test
    void normalisationHandlesHugeFiniteRowsAndFlagsNonFiniteOnes() {
        DMatrixRMaj w = new DMatrixRMaj(3, 2, true, 3e300, 4e300, 0.0, 0.0, Double.POSITIVE_INFINITY, 1.0);
        assertThat(OneLayerSgd.normalizeRows(w)).isFalse();
        assertThat(w.get(0, 0)).isCloseTo(0.6, Offset.offset(TOL_EXACT));
        assertThat(w.get(0, 1)).isCloseTo(0.8, Offset.offset(TOL_EXACT));
        assertThat(w.get(1, 0)).isEqualTo(0.0);
    }

    @Test
    void hugeLearningRateOnRawOutputsDiverges() {
        // InfoNCE on raw outputs without row renormalisation is unbounded below in ‖W‖: a large
        // step grows W geometrically until the loss is no longer finite.
        DMatrixRMaj w = FiniteDifferences.gaussian(4, 4, 1.0, new SplittableRandom(3));
        OneLayerSgd sgd = model(w, LossType.INFONCE, false, false, 1e4, 16);
        TrainingOutcome out = TrainingLoop.run(sgd, 1000, StopRule.standard());
        assertThat(out.end()).isEqualTo(Action.DIVERGED);
        assertThat(out.stepsDone()).isLessThan(1000);
        assertThat(out.lastLoss()).isNaN();
    }

    @Test
    void aStepDoesNotAllocate() {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        DMatrixRMaj w = FiniteDifferences.gaussian(16, 8, 1.0, new SplittableRandom(4));
        OneLayerSgd sgd = model(w, LossType.INFONCE, true, true, 0.01, 32);
        for (int t = 0; t < 200; t++) {
            sgd.step(t);
        }
        long tid = Thread.currentThread().getId();
        long before = bean.getThreadAllocatedBytes(tid);
        for (int t = 200; t < 400; t++) {
            sgd.step(t);
        }
        long allocated = bean.getThreadAllocatedBytes(tid) - before;
        // 200 steps; a single allocated batch-sized matrix would be > 2 kB. The probe itself may take a few bytes.
        assertThat(allocated).isLessThan(1024);
    }

    @Test
    void tailLossMeanAveragesTheLastWindow() {
        TailLossMean tail = new TailLossMean(3);
        assertThat(tail.mean()).isNaN();
        SteppedModel counting = t -> t + 1.0;
        TrainingLoop.run(counting, 2, StopRule.standard(), tail);
        assertThat(tail.mean()).isEqualTo(1.5);
        TrainingLoop.run(counting, 10, StopRule.standard(), tail);
        assertThat(tail.mean()).isEqualTo(9.0);
    }
}
