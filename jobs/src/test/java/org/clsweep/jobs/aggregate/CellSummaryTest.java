package org.clsweep.jobs.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.clsweep.jobs.testing.Tolerances.TOL_EXACT;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CellSummaryTest {
    @Test
    void ciHalfWidthIsTTimesStandardError() {
        // t_{0.975, 3} = scipy.stats.t.ppf(0.975, 3)
        assertThat(CellSummary.ciHalfWidth(2.0, 4)).isCloseTo(3.1824463052837078 * 2.0 / 2.0, within(TOL_EXACT));
        assertThat(CellSummary.ciHalfWidth(2.0, 1)).isNaN();
        assertThat(CellSummary.ciHalfWidth(2.0, 0)).isNaN();
    }

    @Test
    void predictedCoverageEdgeCases() {
        assertThat(CellSummary.predictedCoverage(new double[] {1, 0, 0}, 5)).isCloseTo(1.0 / 3, within(TOL_EXACT));
        assertThat(CellSummary.predictedCoverage(new double[] {0.5, 0.5}, 1)).isCloseTo(0.5, within(TOL_EXACT));
        assertThat(CellSummary.predictedCoverage(new double[] {0.5, 0.5}, 2)).isCloseTo(0.75, within(TOL_EXACT));
        assertThat(CellSummary.predictedCoverage(new double[0], 3)).isNaN();
    }

    /** The closed form is the expected coverage of n independent nodes: check by Monte-Carlo. */
    @Test
    void predictedCoverageMatchesMonteCarlo() {
        double[] p = {0.4, 0.3, 0.2, 0.1};
        int n = 3;
        int trials = 200_000;
        SplittableRandom rnd = new SplittableRandom(42);
        long covered = 0;
        for (int t = 0; t < trials; t++) {
            boolean[] hit = new boolean[p.length];
            for (int j = 0; j < n; j++) {
                hit[draw(p, rnd.nextDouble())] = true;
            }
            for (boolean h : hit) {
                covered += h ? 1 : 0;
            }
        }
        double mc = (double) covered / trials / p.length;
        // standard error of the mean coverage is below 0.001 here; allow 4 of them
        assertThat(CellSummary.predictedCoverage(p, n)).isCloseTo(mc, within(0.004));
    }

    /** The pattern whose cumulative probability first exceeds u. */
    private static int draw(double[] p, double u) {
        double c = 0.0;
        for (int l = 0; l < p.length - 1; l++) {
            c += p[l];
            if (u < c) {
                return l;
            }
        }
        return p.length - 1;
    }
}
