package org.clsweep.data.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.clsweep.dynamics.model.PatternMixture;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The sampled views against the mixture's moments (Monte-Carlo, 5-sigma bounds). */
class PatternPairSamplerTest {
    private static final double[][] PATTERNS = {{1.0, 0.0, 0.0}, {0.0, 2.0, 0.0}, {0.5, 0.5, 0.5}};
    private static final double[] PROBS = {0.5, 0.3, 0.2};
    private static final int BATCH = 200;
    private static final int BATCHES = 200;

    @Test
    void withoutNoiseBothViewsAreThePattern() {
        PatternPairSampler s = new PatternPairSampler(new PatternMixture(PATTERNS, PROBS, 0.0), 10, new SplittableRandom(1));
        DMatrixRMaj a = new DMatrixRMaj(10, 3);
        DMatrixRMaj b = new DMatrixRMaj(10, 3);
        s.next(a, b);
        for (int i = 0; i < 10; i++) {
            for (int k = 0; k < 3; k++) {
                assertThat(a.get(i, k)).isEqualTo(PATTERNS[s.label(i)][k]);
                assertThat(b.get(i, k)).isEqualTo(PATTERNS[s.label(i)][k]);
            }
        }
    }

    @Test
    void patternFrequenciesNoiseMomentsAndViewIndependence() {
        double sigma = 0.3;
        PatternPairSampler s = new PatternPairSampler(new PatternMixture(PATTERNS, PROBS, sigma), BATCH,
                new SplittableRandom(2));
        DMatrixRMaj a = new DMatrixRMaj(BATCH, 3);
        DMatrixRMaj b = new DMatrixRMaj(BATCH, 3);
        int total = BATCH * BATCHES;
        int[] counts = new int[3];
        double sum = 0.0;
        double sumSq = 0.0;
        double cross = 0.0;
        for (int t = 0; t < BATCHES; t++) {
            s.next(a, b);
            for (int i = 0; i < BATCH; i++) {
                int l = s.label(i);
                counts[l]++;
                for (int k = 0; k < 3; k++) {
                    double e1 = a.get(i, k) - PATTERNS[l][k];
                    double e2 = b.get(i, k) - PATTERNS[l][k];
                    sum += e1 + e2;
                    sumSq += e1 * e1 + e2 * e2;
                    cross += e1 * e2;
                }
            }
        }
        for (int l = 0; l < 3; l++) {
            double sd = Math.sqrt(PROBS[l] * (1 - PROBS[l]) / total);
            assertThat((double) counts[l] / total).isCloseTo(PROBS[l], within(5 * sd));
        }
        int draws = 2 * 3 * total;
        double var = sigma * sigma;
        assertThat(sum / draws).isCloseTo(0.0, within(5 * sigma / Math.sqrt(draws)));
        // Var of ε² is 2σ⁴
        assertThat(sumSq / draws).isCloseTo(var, within(5 * Math.sqrt(2.0) * var / Math.sqrt(draws)));
        assertThat(cross / (3.0 * total)).isCloseTo(0.0, within(5 * var / Math.sqrt(3.0 * total)));
    }

    @Test
    void sameSeedSameBatches() {
        PatternMixture mix = new PatternMixture(PATTERNS, PROBS, 0.1);
        PatternPairSampler s1 = new PatternPairSampler(mix, 8, new SplittableRandom(9));
        PatternPairSampler s2 = new PatternPairSampler(mix, 8, new SplittableRandom(9));
        DMatrixRMaj a1 = new DMatrixRMaj(8, 3);
        DMatrixRMaj b1 = new DMatrixRMaj(8, 3);
        DMatrixRMaj a2 = new DMatrixRMaj(8, 3);
        DMatrixRMaj b2 = new DMatrixRMaj(8, 3);
        for (int t = 0; t < 3; t++) {
            s1.next(a1, b1);
            s2.next(a2, b2);
        }
        assertThat(a1.data).containsExactly(a2.data);
        assertThat(b1.data).containsExactly(b2.data);
    }
}
