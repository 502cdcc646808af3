package org.clsweep.dynamics.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.clsweep.dynamics.testing.Tolerances.TOL_EXACT;

import org.clsweep.dynamics.activation.Activation;
import org.clsweep.dynamics.activation.ActivationFunction;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class FilterSelectivityTest {
    private static final ActivationFunction RELU = ActivationFunction.of(Activation.RELU);
    private static final ActivationFunction LINEAR = ActivationFunction.of(Activation.LINEAR);
    private static final double LEARNED = 0.9;

    /**
     * K = 1, M = 4, n = 3, one-hot; tokens 0 and 1 occur in patterns, every token occurs.
     * filter 0 = (2, 0, 0): one dominant token; filter 1 = (−1, −1, 0): dead under ReLU;
     * filter 2 = (3, 1, 0): best token 0 as well; filter 3 = (0, 1, 1): a tie, token 1 wins.
     * ε = max|Q|/1000 = 0.003.
     */
    private static final DMatrixRMaj W = new DMatrixRMaj(new double[][] {
            {2, 0, 0}, {-1, -1, 0}, {3, 1, 0}, {0, 1, 1}});
    private static final int[][] USAGE = {{2, 1, 0}};
    private static final boolean[][] ALL = {{true, true, true}};
    private static final double EPS = 0.003;

    private static FilterSelectivity measure(DMatrixRMaj w, int fields, int filters, int[][] usage, boolean[][] occurring,
                                             ActivationFunction h) {
        PatternRecovery pr = new PatternRecovery(fields, filters, CommonOps_DDRM.identity(w.numCols), usage,
                h.kind() == Activation.LINEAR);
        double[] scores = new double[pr.scoreCount()];
        pr.scores(w, scores);
        return FilterSelectivity.of(w, pr, scores, occurring, h, LEARNED);
    }

    @Test
    void reluCountsTheDeadFilterAndSharedBestTokens() {
        FilterSelectivity s = measure(W, 1, 4, USAGE, ALL, RELU);
        assertThat(s.deadFilters()).isEqualTo(1);
        double expected = (2 / (2 + EPS) + 3 / (Math.sqrt(10) + EPS) + 1 / (Math.sqrt(2) + EPS)) / 3;
        assertThat(s.concentration()).isCloseTo(expected, offset(TOL_EXACT));
        // s(0) = 2/2.003 ≥ 0.9 is learned, s(1) = 1/(√2 + ε) is not: filters 0 and 2 pick token 0
        assertThat(s.filtersPerToken()).isEqualTo(2.0);
    }

    @Test
    void linearActivationHasNoDeadFilterAndReadsAbsoluteResponses() {
        FilterSelectivity s = measure(W, 1, 4, USAGE, ALL, LINEAR);
        assertThat(s.deadFilters()).isZero();
        // filter 1: |r| = 1/(√2 + ε) on tokens 0 and 1, a tie that token 0 wins
        double expected = (2 / (2 + EPS) + 1 / (Math.sqrt(2) + EPS) + 3 / (Math.sqrt(10) + EPS)
                + 1 / (Math.sqrt(2) + EPS)) / 4;
        assertThat(s.concentration()).isCloseTo(expected, offset(TOL_EXACT));
        assertThat(s.filtersPerToken()).isEqualTo(3.0);
    }

    @Test
    void onlyTokensThatOccurAtTheLocationCount() {
        // filter (1, −1, 0) responds only to token 0; where token 0 never occurs it is dead
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{1, -1, 0}, {0, 0, 1}});
        boolean[][] noToken0 = {{false, true, true}};
        FilterSelectivity s = measure(w, 1, 2, new int[][] {{0, 0, 1}}, noToken0, RELU);
        assertThat(s.deadFilters()).isEqualTo(1);
        assertThat(s.concentration()).isCloseTo(1 / (1 + 1e-3), offset(TOL_EXACT));
        assertThat(s.filtersPerToken()).isEqualTo(1.0);
        assertThat(measure(w, 1, 2, new int[][] {{0, 0, 1}}, ALL, RELU).deadFilters()).isZero();
    }

    @Test
    void meansPoolFiltersAndLearnedTokensOverLocations() {
        // location 0: W above; location 1: three copies of token 2 and one of token 1, both in patterns
        DMatrixRMaj w = new DMatrixRMaj(8, 3);
        System.arraycopy(W.data, 0, w.data, 0, 12);
        double[][] loc1 = {{0, 0, 1}, {0, 0, 2}, {0, 0, 0.5}, {0, 3, 0}};
        for (int j = 0; j < 4; j++) {
            for (int a = 0; a < 3; a++) {
                w.set(4 + j, a, loc1[j][a]);
            }
        }
        int[][] usage = {{2, 1, 0}, {0, 4, 1}};
        FilterSelectivity s = measure(w, 2, 4, usage, new boolean[][] {{true, true, true}, {true, true, true}}, RELU);
        assertThat(s.deadFilters()).isEqualTo(1);
        // location 1 has ε = 0.003 too
        double loc0 = 2 / (2 + EPS) + 3 / (Math.sqrt(10) + EPS) + 1 / (Math.sqrt(2) + EPS);
        double loc1Sum = 1 / (1 + EPS) + 2 / (2 + EPS) + 0.5 / (0.5 + EPS) + 3 / (3 + EPS);
        assertThat(s.concentration()).isCloseTo((loc0 + loc1Sum) / 7, offset(TOL_EXACT));
        // learned: (0, token 0) with 2 filters, (1, token 1) with 1, (1, token 2) with 3
        assertThat(s.filtersPerToken()).isCloseTo(2.0, offset(TOL_EXACT));
    }

    @Test
    void undefinedMeansAreNaN() {
        DMatrixRMaj allDead = new DMatrixRMaj(new double[][] {{-1, 0}, {0, -2}});
        FilterSelectivity dead = measure(allDead, 1, 2, new int[][] {{1, 1}}, new boolean[][] {{true, true}}, RELU);
        assertThat(dead.deadFilters()).isEqualTo(2);
        assertThat(dead.concentration()).isNaN();
        assertThat(dead.filtersPerToken()).isNaN();
        // a filter spread evenly over two tokens scores 1/√2 < 0.9 on each: nothing learned
        DMatrixRMaj spread = new DMatrixRMaj(new double[][] {{1, 1}});
        FilterSelectivity none = measure(spread, 1, 1, new int[][] {{1, 1}}, new boolean[][] {{true, true}}, RELU);
        assertThat(none.concentration()).isCloseTo(1 / (Math.sqrt(2) + 1e-3), offset(TOL_EXACT));
        assertThat(none.filtersPerToken()).isNaN();
    }

    @Test
    void aLocationWithoutTokensIsRefused() {
        assertThatThrownBy(() -> measure(W, 1, 4, USAGE, new boolean[][] {{false, false, false}}, RELU))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("location 0");
    }
}
