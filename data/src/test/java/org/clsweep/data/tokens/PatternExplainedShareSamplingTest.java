package org.clsweep.data.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.clsweep.data.spec.TokenSpec;
import org.clsweep.dynamics.activation.Activation;
import org.clsweep.dynamics.activation.ActivationFunction;
import org.clsweep.dynamics.metrics.PatternExplainedShare;
import org.clsweep.dynamics.model.TokenEmbedding;
import org.clsweep.dynamics.model.TokenPairBatch;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * {@link PatternExplainedShare}'s exact R²_k against the same share measured on {@value #PAIRS}
 * pairs drawn by {@link TokenPairGenerator}, grouped by the pattern that drew them (a table whose
 * location 0 carries a different token in every pattern, so that view 1 names its pattern z),
 * within 0.005 (the sampled shares differ by about 10⁻³ from the exact ones).
 */
class PatternExplainedShareSamplingTest {
    private static final int PAIRS = 200_000;
    private static final int BATCH = 10_000;
    private static final int FILTERS = 4;

    /** Location 0 tags the pattern (R² = 1), location 5 is wild everywhere (R² = 0), 1 … 4 mixed. */
    private static final TokenSpec TAGGED = new TokenSpec(5, 6, 1, 1, 1, 2, 0, 1.0,
            List.of("AAB***-BA****-C*B*A*-DC*BA*-EAC*E*"), false);

    @Test
    void theExactShareIsTheShareOfSampledPairsGroupedByPattern() {
        TokenPatterns table = TokenPatterns.of(TAGGED, new SplittableRandom(1));
        int kk = table.locations();
        int n = table.vocab();
        double[] mag = new double[n];
        Arrays.fill(mag, 1.0);
        ActivationFunction relu = ActivationFunction.of(Activation.RELU);
        SplittableRandom rng = new SplittableRandom(11);
        DMatrixRMaj w = new DMatrixRMaj(kk * FILTERS, n);
        for (int i = 0; i < w.data.length; i++) {
            w.data[i] = rng.nextDouble(-1.0, 1.0);
        }
        double[] exact = new PatternExplainedShare(table.usageTable(), table.count(), TokenEmbedding.oneHot(mag), relu,
                FILTERS).of(w);

        int g = table.count();
        int[] patternOfTag = new int[n];
        for (int z = 0; z < g; z++) {
            patternOfTag[table.token(z, 0)] = z;
        }
        // per (k, j): Σf, Σf², and Σf per pattern; per pattern: its count
        double[][] sum = new double[kk][FILTERS];
        double[][] square = new double[kk][FILTERS];
        double[][][] perPattern = new double[kk][FILTERS][g];
        long[] drawn = new long[g];
        TokenPairGenerator gen = new TokenPairGenerator(table, TAGGED.augDegree(), new SplittableRandom(5));
        TokenPairBatch b = new TokenPairBatch(BATCH, kk);
        for (int done = 0; done < PAIRS; done += BATCH) {
            gen.next(b);
            for (int i = 0; i < BATCH; i++) {
                int z = patternOfTag[b.view1()[i * kk]];
                drawn[z]++;
                for (int k = 0; k < kk; k++) {
                    int a = b.view1()[i * kk + k];
                    for (int j = 0; j < FILTERS; j++) {
                        double f = relu.value(w.get(k * FILTERS + j, a));
                        sum[k][j] += f;
                        square[k][j] += f * f;
                        perPattern[k][j][z] += f;
                    }
                }
            }
        }
        for (int k = 0; k < kk; k++) {
            double shares = 0.0;
            int live = 0;
            for (int j = 0; j < FILTERS; j++) {
                double mean = sum[k][j] / PAIRS;
                double variance = square[k][j] / PAIRS - mean * mean;
                if (!(variance > 1e-12 * square[k][j] / PAIRS)) {
                    continue;
                }
                double between = 0.0;
                for (int z = 0; z < g; z++) {
                    double m = perPattern[k][j][z] / drawn[z];
                    between += drawn[z] * (m - mean) * (m - mean) / PAIRS;
                }
                shares += between / variance;
                live++;
            }
            assertThat(live).as("live filters at %d", k).isPositive();
            assertThat(exact[k]).as("location %d", k).isCloseTo(shares / live, offset(0.005));
        }
        assertThat(exact[0]).isEqualTo(1.0, offset(1e-12));
        assertThat(exact[5]).isEqualTo(0.0, offset(1e-12));
        assertThat(exact[1]).isStrictlyBetween(0.05, 0.95);
    }
}
