package org.clsweep.dynamics.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.clsweep.dynamics.testing.Tolerances.TOL_ROUNDOFF;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class FilterSpecialisationTest {
    @Test
    void orthogonalEqualFiltersAreFullySpecialised() {
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{2, 0, 0}, {0, 2, 0}, {0, 0, 2}});
        assertThat(FilterSpecialisation.meanAbsCosine(w, 1, 3)).isCloseTo(0.0, offset(TOL_ROUNDOFF));
        assertThat(FilterSpecialisation.meanEffectiveRank(w, 1, 3)).isCloseTo(3.0, offset(TOL_ROUNDOFF));
    }

    @Test
    void parallelFiltersHaveRankOneAndCosineOne() {
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{1, 2, 0}, {-2, -4, 0}, {0.5, 1, 0}});
        assertThat(FilterSpecialisation.meanAbsCosine(w, 1, 3)).isCloseTo(1.0, offset(TOL_ROUNDOFF));
        assertThat(FilterSpecialisation.meanEffectiveRank(w, 1, 3)).isCloseTo(1.0, offset(1e-6));
    }

    @Test
    void valuesAreMeansOverReceptiveFields() {
        // RF 0: two orthogonal filters (cos 0, erank 2); RF 1: filters at 60° with equal norms
        double s = Math.sqrt(3) / 2;
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{1, 0}, {0, 1}, {1, 0}, {0.5, s}});
        assertThat(FilterSpecialisation.meanAbsCosine(w, 2, 2)).isCloseTo(0.25, offset(TOL_ROUNDOFF));
        // singular values of the second block: sqrt(1 ± 1/2)
        double s1 = Math.sqrt(1.5);
        double s2 = Math.sqrt(0.5);
        double p1 = s1 / (s1 + s2);
        double p2 = s2 / (s1 + s2);
        double erank1 = Math.exp(-p1 * Math.log(p1) - p2 * Math.log(p2));
        assertThat(FilterSpecialisation.meanEffectiveRank(w, 2, 2)).isCloseTo((2.0 + erank1) / 2, offset(TOL_ROUNDOFF));
    }

    @Test
    void zeroFiltersAreSkippedAndZeroMatricesHaveRankZero() {
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{0, 0}, {0, 0}});
        assertThat(FilterSpecialisation.meanAbsCosine(w, 1, 2)).isNaN();
        assertThat(FilterSpecialisation.meanEffectiveRank(w, 1, 2)).isEqualTo(0.0);
    }
}
