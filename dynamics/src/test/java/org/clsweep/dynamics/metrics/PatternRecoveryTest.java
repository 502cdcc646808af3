package org.clsweep.dynamics.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.clsweep.dynamics.testing.Tolerances.TOL_EXACT;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class PatternRecoveryTest {
    @Test
    void scoresFollowTheFormulaOnAHandExample() {
        // K = 1, M = 2, n = 3, one-hot; filter 0 = (3, 4, 0), filter 1 = (0, −1, 0)
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{3, 4, 0}, {0, -1, 0}});
        PatternRecovery pr = new PatternRecovery(1, 2, CommonOps_DDRM.identity(3), new int[][] {{2, 0, 1}}, false);
        double[] s = new double[3];
        pr.scores(w, s);
        double eps = 4.0 / 1000;
        // token 0: max(3/(5+eps), 0) ; token 1: max(4/(5+eps), −1/(1+eps)) ; token 2: 0
        assertThat(s[0]).isCloseTo(3 / (5 + eps), offset(TOL_EXACT));
        assertThat(s[1]).isCloseTo(4 / (5 + eps), offset(TOL_EXACT));
        assertThat(s[2]).isCloseTo(0.0, offset(TOL_EXACT));
        LocationSummary sum = pr.summarise(s);
        assertThat(sum.locAll()).isCloseTo((s[0] + s[2]) / 2, offset(TOL_EXACT));
        assertThat(sum.locOtherAll()).isCloseTo(s[1], offset(TOL_EXACT));
        assertThat(sum.emptyLocations()).isZero();
    }

    @Test
    void ratiosAreTheNormalisedResponsesThatScoresMaximise() {
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{3, 4, 0}, {0, -1, 0}});
        PatternRecovery pr = new PatternRecovery(1, 2, CommonOps_DDRM.identity(3), new int[][] {{2, 0, 1}}, false);
        double[] r = new double[6];
        pr.ratios(w, 0, r);
        double eps = 4.0 / 1000;
        assertThat(r).containsExactly(new double[] {3 / (5 + eps), 4 / (5 + eps), 0, 0, -1 / (1 + eps), 0},
                offset(TOL_EXACT));
        assertThat(pr.inPattern(0, 0)).isTrue();
        assertThat(pr.inPattern(0, 1)).isFalse();
    }

    @Test
    void linearActivationScoresTheAbsoluteValue() {
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{-2, 0}, {0, 0.5}});
        PatternRecovery pr = new PatternRecovery(1, 2, CommonOps_DDRM.identity(2), new int[][] {{1, 0}}, true);
        double[] s = new double[2];
        pr.scores(w, s);
        assertThat(s[0]).isCloseTo(2 / (2 + 2e-3), offset(TOL_EXACT));
        PatternRecovery signed = new PatternRecovery(1, 2, CommonOps_DDRM.identity(2), new int[][] {{1, 0}}, false);
        signed.scores(w, s);
        assertThat(s[0]).isCloseTo(0.0, offset(TOL_EXACT));
    }

    @Test
    void perfectlyAlignedFiltersScoreNearlyOne() {
        // K = 2, M = 2, n = 4: location 0 learned tokens 1 and 3, location 1 learned token 0
        DMatrixRMaj w = new DMatrixRMaj(4, 4);
        w.set(0, 1, 2.0);
        w.set(1, 3, 0.7);
        w.set(2, 0, 1.5);
        w.set(3, 0, 1.0);
        int[][] usage = {{0, 3, 0, 1}, {5, 0, 0, 0}};
        PatternRecovery pr = new PatternRecovery(2, 2, CommonOps_DDRM.identity(4), usage, false);
        double[] s = new double[8];
        pr.scores(w, s);
        LocationSummary sum = pr.summarise(s);
        assertThat(sum.loc()[0]).isGreaterThan(0.99);
        assertThat(sum.loc()[1]).isGreaterThan(0.99);
        assertThat(sum.locOther()).containsExactly(0.0, 0.0);
        assertThat(sum.locAll()).isGreaterThan(0.99);
    }

    @Test
    void locationsThatNoPatternFixesAreLeftOutAndCounted() {
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{1, 0}, {0, 1}});
        PatternRecovery pr = new PatternRecovery(2, 1, CommonOps_DDRM.identity(2), new int[][] {{1, 0}, {0, 0}}, false);
        double[] s = new double[4];
        pr.scores(w, s);
        LocationSummary sum = pr.summarise(s);
        assertThat(sum.emptyLocations()).isEqualTo(1);
        assertThat(sum.locAll()).isCloseTo(s[0], offset(TOL_EXACT));
        assertThat(sum.locOtherAll()).isCloseTo(s[1], offset(TOL_EXACT));
        assertThat(sum.loc()[1]).isNaN();
    }

    @Test
    void embeddedTokensAreScoredOnTheirDirections() {
        // U has orthonormal columns in R^3 for 2 tokens; a filter equal to u_1 scores 1 on token 1
        double c = Math.sqrt(0.5);
        DMatrixRMaj u = new DMatrixRMaj(new double[][] {{c, 0}, {c, 0}, {0, 1}});
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{0, 0, 3}});
        PatternRecovery pr = new PatternRecovery(1, 1, u, new int[][] {{0, 1}}, false);
        double[] s = new double[2];
        pr.scores(w, s);
        assertThat(s[1]).isCloseTo(3 / (3 + 3e-3), offset(TOL_EXACT));
        assertThat(s[0]).isCloseTo(0.0, offset(TOL_EXACT));
    }
}
