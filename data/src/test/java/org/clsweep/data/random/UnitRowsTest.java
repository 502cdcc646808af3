package org.clsweep.data.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Unit rows, isotropic: the mean of each coordinate is 0 and of its square 1/d (Monte-Carlo). */
class UnitRowsTest {
    @Test
    void rowsAreUnitAndIsotropic() {
        int n = 20000;
        int d = 4;
        DMatrixRMaj w = new DMatrixRMaj(n, d);
        UnitRows.fill(w, new SplittableRandom(3));
        double[] mean = new double[d];
        double[] meanSq = new double[d];
        for (int r = 0; r < n; r++) {
            double ss = 0.0;
            for (int c = 0; c < d; c++) {
                ss += w.get(r, c) * w.get(r, c);
                mean[c] += w.get(r, c) / n;
                meanSq[c] += w.get(r, c) * w.get(r, c) / n;
            }
            assertThat(ss).isCloseTo(1.0, within(1e-12));
        }
        for (int c = 0; c < d; c++) {
            // per coordinate: Var(w_c) = 1/d, Var(w_c²) = 3/(d(d+2)) − 1/d² = 0.0625 for d = 4
            assertThat(mean[c]).isCloseTo(0.0, within(5 * Math.sqrt(1.0 / d / n)));
            assertThat(meanSq[c]).isCloseTo(1.0 / d, within(5 * Math.sqrt(0.0625 / n)));
        }
    }
}
