package org.clsweep.jobs.regress.stat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FisherExactGoldenTest {
    private static final double TOL_REL = 1e-11;

    @Test
    void matchesScipyFisherExactGreater() {
        int n = 0;
        for (String[] r : GoldenCsv.rows("fisher.csv")) {
            int ka = Integer.parseInt(r[0]);
            int na = Integer.parseInt(r[1]);
            int kb = Integer.parseInt(r[2]);
            int nb = Integer.parseInt(r[3]);
            double p = Double.parseDouble(r[4]);
            assertThat(FisherExact.greater(ka, na, kb, nb)).as("%d/%d vs %d/%d", ka, na, kb, nb)
                    .isCloseTo(p, within(TOL_REL * p));
            n++;
        }
        assertThat(n).isEqualTo(8);
    }

    @Test
    void rejectsImpossibleCounts() {
        assertThatThrownBy(() -> FisherExact.greater(3, 2, 0, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("found 3/2 and 0/2");
    }
}
