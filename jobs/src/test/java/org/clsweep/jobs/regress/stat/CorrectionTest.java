package org.clsweep.jobs.regress.stat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CorrectionTest {
    private static final double TOL_EXACT = 1e-15;

    @Test
    void holmByHand() {
        double[] p = {0.01, 0.04, 0.03, 0.005};
        double[] adj = new double[4];
        Correction.HOLM.adjust(p, adj);
        // sorted 0.005, 0.01, 0.03, 0.04 times 4, 3, 2, 1, running max
        assertThat(adj[3]).isCloseTo(0.02, within(TOL_EXACT));
        assertThat(adj[0]).isCloseTo(0.03, within(TOL_EXACT));
        assertThat(adj[2]).isCloseTo(0.06, within(TOL_EXACT));
        assertThat(adj[1]).isCloseTo(0.06, within(TOL_EXACT));
    }

    @Test
    void benjaminiHochbergByHand() {
        double[] p = {0.01, 0.04, 0.03, 0.005};
        double[] adj = new double[4];
        Correction.BENJAMINI_HOCHBERG.adjust(p, adj);
        // sorted 0.005, 0.01, 0.03, 0.04 times 4/1, 4/2, 4/3, 4/4 = 0.02, 0.02, 0.04, 0.04, running min from the top
        assertThat(adj).containsExactly(new double[] {0.02, 0.04, 0.04, 0.02}, within(TOL_EXACT));
    }

    @Test
    void adjustedValuesAreCappedAtOne() {
        double[] adj = new double[3];
        Correction.HOLM.adjust(new double[] {0.5, 0.9, 0.6}, adj);
        assertThat(adj).containsOnly(1.0);
    }

    @Test
    void bothBoundTheFamilyWiseErrorUnderTheGlobalNull() {
        // m = 40 independent true nulls: P(any adjusted p <= alpha) <= alpha for both
        SplittableRandom rnd = new SplittableRandom(11);
        int m = 40;
        int nights = 20_000;
        double alpha = 0.05;
        double[] p = new double[m];
        double[] adj = new double[m];
        for (Correction c : Correction.values()) {
            int alarms = 0;
            for (int night = 0; night < nights; night++) {
                for (int i = 0; i < m; i++) {
                    p[i] = rnd.nextDouble();
                }
                c.adjust(p, adj);
                double min = 1;
                for (int i = 0; i < m; i++) {
                    min = Math.min(min, adj[i]);
                }
                alarms += min <= alpha ? 1 : 0;
            }
            double rate = (double) alarms / nights;
            double sigma = Math.sqrt(alpha * (1 - alpha) / nights);
            assertThat(rate).as(c.name()).isLessThanOrEqualTo(alpha + 3 * sigma);
            // the bound is nearly tight for independent nulls (1 - (1 - alpha/m)^m ≈ 0.0488): not vacuous
            assertThat(rate).as(c.name()).isGreaterThan(0.04);
        }
    }

    @Test
    void specNames() {
        assertThat(Correction.fromSpecName("holm")).isEqualTo(Correction.HOLM);
        assertThat(Correction.fromSpecName("BH")).isEqualTo(Correction.BENJAMINI_HOCHBERG);
        assertThat(Correction.fromSpecName("bonferroni")).isNull();
    }

    @Test
    void rejectsValuesOutsideZeroOne() {
        assertThatThrownBy(() -> Correction.HOLM.adjust(new double[] {0.1, 1.2}, new double[2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("p-value 1 must be in [0, 1], found 1.2");
    }
}
