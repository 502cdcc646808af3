package org.clsweep.jobs.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StudentTTest {
    /** Table values are given to 6 decimals; the expansion beyond ν = 30 is good to 2e-4. */
    private static final double TOL_TABLE = 1e-6;
    private static final double TOL_EXPANSION = 2e-4;

    @Test
    void tableValues() {
        assertThat(StudentT.quantile975(1)).isCloseTo(12.706205, within(TOL_TABLE));
        assertThat(StudentT.quantile975(3)).isCloseTo(3.182446, within(TOL_TABLE));
        assertThat(StudentT.quantile975(30)).isCloseTo(2.042272, within(TOL_TABLE));
    }

    @Test
    void expansionBeyondTheTable() {
        // reference values: R qt(0.975, df)
        assertThat(StudentT.quantile975(31)).isCloseTo(2.039513, within(TOL_EXPANSION));
        assertThat(StudentT.quantile975(60)).isCloseTo(2.000298, within(TOL_EXPANSION));
        assertThat(StudentT.quantile975(120)).isCloseTo(1.979930, within(TOL_EXPANSION));
        assertThat(StudentT.quantile975(100000)).isCloseTo(1.959964, within(TOL_EXPANSION));
    }

    @Test
    void oneSampleHasNoInterval() {
        assertThat(StudentT.quantile975(0)).isNaN();
        assertThat(StudentT.halfWidth(1.0, 1)).isNaN();
        assertThat(StudentT.halfWidth(2.0, 4)).isCloseTo(3.182446 * 2.0 / 2.0, within(TOL_TABLE));
    }
}
