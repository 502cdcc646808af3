package org.clsweep.data.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.clsweep.data.random.UnitVectors;
import org.clsweep.data.sampling.PatternPairSampler;
import org.clsweep.dynamics.activation.Activation;
import org.clsweep.dynamics.activation.ActivationFunction;
import org.clsweep.dynamics.model.OneLayerNetwork;
import org.clsweep.dynamics.model.PatternMixture;
import org.clsweep.dynamics.objective.ContrastiveLoss;
import org.clsweep.dynamics.objective.ContrastiveLosses;
import org.clsweep.dynamics.objective.LossType;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The quadratic loss on raw outputs is the population objective up to −2/τ (docs/onelayer-sgd.md):
 * the Monte-Carlo mean of the minibatch gradient matches, entry by entry within 5 standard
 * errors,
 * <pre>
 *   E[∂L/∂w_k] = −(2/τ)·( A(w_k) + ḡ ḡᵀ / N )·w_k,    A(w) = Σ_l π_l g_l g_lᵀ − ḡḡᵀ
 * </pre>
 * with the closed forms of g_l = E[h'(wᵀx)x | l] that need no special functions: linear (g_l = μ_l,
 * any σ) and the ReLU family at σ = 0 (g_l = (1[wᵀμ_l &gt; 0] + c·1[wᵀμ_l ≤ 0])·μ_l).
 * A small batch makes the O(1/N) term large enough that the test also rejects it if left out.
 */
class QuadraticSgdExpectationTest {
    private static final int WIDTH = 3;
    private static final int DIM = 5;
    private static final int PATTERNS = 4;
    private static final int BATCH = 4;
    private static final int DRAWS = 100_000;
    private static final double TAU = 0.5;
    private static final double SIGMAS = 5.0;

    @ParameterizedTest(name = "{0} slope={1} noise={2}")
    @CsvSource({"LINEAR, 0.0, 0.3", "RELU, 0.0, 0.0", "LEAKY_RELU, 0.3, 0.0"})
    void meanMinibatchGradientIsTheScaledPopulationGradient(Activation kind, double slope, double noise) {
        SplittableRandom rng = new SplittableRandom(100 + kind.ordinal());
        double[][] mu = new double[PATTERNS][DIM];
        for (int l = 0; l < PATTERNS; l++) {
            for (int k = 0; k < DIM; k++) {
                mu[l][k] = rng.nextGaussian();
            }
        }
        double[] probs = {0.4, 0.3, 0.2, 0.1};
        PatternMixture mixture = new PatternMixture(mu, probs, noise);
        DMatrixRMaj w = UnitVectors.rows(WIDTH, DIM, rng);
        ActivationFunction h = ActivationFunction.of(kind, slope);

        OneLayerNetwork net = new OneLayerNetwork(h, WIDTH, DIM, BATCH);
        ContrastiveLoss loss = ContrastiveLosses.create(LossType.QUADRATIC, TAU, false, BATCH, WIDTH);
        PatternPairSampler sampler = new PatternPairSampler(mixture, BATCH, rng.split());
        DMatrixRMaj x1 = new DMatrixRMaj(BATCH, DIM);
        DMatrixRMaj x2 = new DMatrixRMaj(BATCH, DIM);
        DMatrixRMaj grad = new DMatrixRMaj(WIDTH, DIM);
        double[] sum = new double[WIDTH * DIM];
        double[] sumSq = new double[WIDTH * DIM];
        for (int t = 0; t < DRAWS; t++) {
            sampler.next(x1, x2);
            net.lossAndGradient(w, x1, x2, loss, grad);
            for (int e = 0; e < sum.length; e++) {
                sum[e] += grad.data[e];
                sumSq[e] += grad.data[e] * grad.data[e];
            }
        }

        int missesWithoutFiniteBatchTerm = 0;
        for (int node = 0; node < WIDTH; node++) {
            double[] wk = new double[DIM];
            for (int k = 0; k < DIM; k++) {
                wk[k] = w.get(node, k);
            }
            double[][] g = new double[PATTERNS][];
            double[] gBar = new double[DIM];
            for (int l = 0; l < PATTERNS; l++) {
                double gate = dot(wk, mu[l]) > 0.0 ? 1.0 : h.negativeSlope();
                g[l] = new double[DIM];
                for (int k = 0; k < DIM; k++) {
                    g[l][k] = gate * mu[l][k];
                    gBar[k] += probs[l] * g[l][k];
                }
            }
            // A(w)w = Σ π_l g_l (g_l·w) − ḡ (ḡ·w)
            double[] aw = new double[DIM];
            for (int l = 0; l < PATTERNS; l++) {
                double gw = dot(g[l], wk);
                for (int k = 0; k < DIM; k++) {
                    aw[k] += probs[l] * g[l][k] * gw;
                }
            }
            double barW = dot(gBar, wk);
            for (int k = 0; k < DIM; k++) {
                aw[k] -= gBar[k] * barW;
            }
            for (int k = 0; k < DIM; k++) {
                int e = node * DIM + k;
                double mean = sum[e] / DRAWS;
                double se = Math.sqrt(Math.max(sumSq[e] / DRAWS - mean * mean, 0.0) / DRAWS);
                double population = -(2.0 / TAU) * aw[k];
                double finiteBatch = -(2.0 / TAU) * gBar[k] * barW / BATCH;
                assertThat(Math.abs(mean - (population + finiteBatch)))
                        .as("node %d, coordinate %d: mean %s ± %s", node, k, mean, se)
                        .isLessThan(SIGMAS * se);
                if (Math.abs(mean - population) > SIGMAS * se) {
                    missesWithoutFiniteBatchTerm++;
                }
            }
        }
        // the test can tell the O(1/N) term apart: without it, some coordinates are off
        assertThat(missesWithoutFiniteBatchTerm).isGreaterThan(0);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }
}
