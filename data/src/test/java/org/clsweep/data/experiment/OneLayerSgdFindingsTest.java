package org.clsweep.data.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.clsweep.data.random.UnitVectors;
import org.clsweep.data.sampling.PatternPairSampler;
import org.clsweep.dynamics.activation.Activation;
import org.clsweep.dynamics.activation.ActivationFunction;
import org.clsweep.dynamics.model.OneLayerNetwork;
import org.clsweep.dynamics.model.PatternMixture;
import org.clsweep.dynamics.objective.ContrastiveLosses;
import org.clsweep.dynamics.objective.LossType;
import org.clsweep.dynamics.optim.MomentumSgd;
import org.clsweep.dynamics.trainer.Action;
import org.clsweep.dynamics.trainer.OneLayerSgd;
import org.clsweep.dynamics.trainer.StopRule;
import org.clsweep.dynamics.trainer.TrainingLoop;
import org.clsweep.dynamics.trainer.TrainingOutcome;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.junit.jupiter.api.Test;

/**
 * What sampled training converges to on orthogonal patterns μ_l = m_l·e_l (the findings of
 * docs/onelayer-sgd.md), on small fast cases: τ = 0.1, lr 0.02, momentum 0.9, wd 0.005, batch 128,
 * σ = 0.1, rows renormalised.
 */
class OneLayerSgdFindingsTest {
    private static final int PATTERNS = 4;
    private static final int DIM = 8;
    private static final int BATCH = 128;
    private static final int STEPS = 2000;

    private static PatternMixture orthogonal(double magEnd) {
        double[][] mu = new double[PATTERNS][DIM];
        double[] probs = new double[PATTERNS];
        for (int l = 0; l < PATTERNS; l++) {
            mu[l][l] = 1.0 + (magEnd - 1.0) * l / (PATTERNS - 1);
            probs[l] = 1.0 / PATTERNS;
        }
        return new PatternMixture(mu, probs, 0.1);
    }

    private static DMatrixRMaj train(Activation kind, LossType type, boolean normalizeOutput, int width,
                                     PatternMixture mixture, long seed) {
        DMatrixRMaj w = UnitVectors.rows(width, DIM, new SplittableRandom(seed));
        OneLayerSgd sgd = new OneLayerSgd(w, new OneLayerNetwork(ActivationFunction.of(kind), width, DIM, BATCH),
                new PatternPairSampler(mixture, BATCH, new SplittableRandom(seed + 1000)),
                ContrastiveLosses.create(type, 0.1, normalizeOutput, BATCH, width),
                new MomentumSgd(0.02, 0.9, 0.005, width, DIM), true);
        TrainingOutcome out = TrainingLoop.run(sgd, STEPS, StopRule.standard());
        assertThat(out.end()).isEqualTo(Action.CONTINUE);
        return w;
    }

    /** Participation ratio (Σσ²)² / Σσ⁴ of W's singular values: 1 for rank one, r for r equal ones. */
    private static double participationRank(DMatrixRMaj w) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(w.numRows, w.numCols, false, false, true);
        assertThat(svd.decompose(w.copy())).isTrue();
        double s2 = 0.0;
        double s4 = 0.0;
        for (double s : svd.getSingularValues()) {
            s2 += s * s;
            s4 += s * s * s * s;
        }
        return s2 * s2 / s4;
    }

    @Test
    void linearQuadraticCollapsesEveryNodeOntoOneDirection() {
        DMatrixRMaj w = train(Activation.LINEAR, LossType.QUADRATIC, false, 8, orthogonal(2.0), 1);
        assertThat(participationRank(w)).isLessThan(1.001);
    }

    @Test
    void linearInfoNceWithOutputNormalisationSpreadsThePatternsOverTheNodes() {
        int width = 4;
        DMatrixRMaj w = train(Activation.LINEAR, LossType.INFONCE, true, width, orthogonal(2.0), 1);
        // W uses (almost) all of its min(n, L) = 4 dimensions instead of one ...
        assertThat(participationRank(w)).isGreaterThan(2.5);
        // ... inside the pattern span, with no node aligned to a single pattern,
        for (int k = 0; k < width; k++) {
            double inSpan = 0.0;
            for (int l = 0; l < PATTERNS; l++) {
                inSpan += w.get(k, l) * w.get(k, l);
                assertThat(Math.abs(w.get(k, l))).isLessThan(0.95);
            }
            assertThat(Math.sqrt(inSpan)).isGreaterThan(0.95);
        }
        // ... and the patterns' representations W μ_l point in clearly different directions.
        for (int l = 0; l < PATTERNS; l++) {
            for (int m = l + 1; m < PATTERNS; m++) {
                double dot = 0.0;
                double nl = 0.0;
                double nm = 0.0;
                for (int k = 0; k < width; k++) {
                    dot += w.get(k, l) * w.get(k, m);
                    nl += w.get(k, l) * w.get(k, l);
                    nm += w.get(k, m) * w.get(k, m);
                }
                assertThat(dot / Math.sqrt(nl * nm)).isLessThan(0.5);
            }
        }
    }

    @Test
    void reluInfoNceHasAPatternSelectiveNodeForEveryPattern() {
        int width = 8;
        DMatrixRMaj w = train(Activation.RELU, LossType.INFONCE, true, width, orthogonal(1.0), 1);
        boolean[] selective = new boolean[PATTERNS];
        for (int k = 0; k < width; k++) {
            int active = 0;
            int which = -1;
            for (int l = 0; l < PATTERNS; l++) {
                if (w.get(k, l) > 0.0) {
                    active++;
                    which = l;
                }
            }
            if (active == 1) {
                selective[which] = true;
            }
        }
        assertThat(selective).containsOnly(true);
    }
}
