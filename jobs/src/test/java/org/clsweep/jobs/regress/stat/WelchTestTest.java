package org.clsweep.jobs.regress.stat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WelchTestTest {
    private static final double TOL_REL = 1e-10;

    @Test
    void matchesScipyTtestInd() {
        int n = 0;
        for (String[] r : GoldenCsv.rows("welch.csv")) {
            SampleSummary a = SampleSummary.of(GoldenCsv.doubles(r[0]));
            SampleSummary b = SampleSummary.of(GoldenCsv.doubles(r[1]));
            WelchTest.Result w = WelchTest.test(a, b);
            double t = Double.parseDouble(r[2]);
            double df = Double.parseDouble(r[3]);
            double p = Double.parseDouble(r[4]);
            assertThat(w.t()).isCloseTo(t, within(TOL_REL * Math.abs(t)));
            assertThat(w.df()).isCloseTo(df, within(TOL_REL * df));
            assertThat(w.p()).isCloseTo(p, within(TOL_REL * p));
            assertThat(w.difference()).isCloseTo(b.mean() - a.mean(), within(1e-15));
            n++;
        }
        assertThat(n).isEqualTo(7);
    }

    @Test
    void oneConstantSideLeavesTheOthersDegreesOfFreedom() {
        SampleSummary constant = SampleSummary.of(new double[] {2, 2, 2, 2});
        SampleSummary varying = SampleSummary.of(new double[] {1, 2, 3, 4, 5});
        WelchTest.Result w = WelchTest.test(constant, varying);
        assertThat(w.df()).isCloseTo(4.0, within(1e-12));
        assertThat(w.t()).isCloseTo(1.0 / Math.sqrt(2.5 / 5), within(1e-12));
    }

    @Test
    void isUndefinedForConstantOrSingleValueSamples() {
        SampleSummary constant = SampleSummary.of(new double[] {2, 2, 2});
        SampleSummary single = SampleSummary.of(new double[] {3});
        SampleSummary varying = SampleSummary.of(new double[] {1, 2, 3});
        assertThat(WelchTest.applicable(constant, constant)).isFalse();
        assertThat(WelchTest.applicable(single, varying)).isFalse();
        assertThatThrownBy(() -> WelchTest.test(constant, constant)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive standard error");
    }
}
