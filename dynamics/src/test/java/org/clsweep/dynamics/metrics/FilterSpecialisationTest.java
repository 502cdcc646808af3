package org.clsweep.dynamics.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.clsweep.dynamics.testing.Tolerances.TOL_ROUNDOFF;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
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

    @Test
    void topDirectionCosineIsTheMeanOverFieldsWithoutATie() {
        // RF 0: two filters along (cos θ, sin θ, 0), C_0 = diag(3, 2, 1) with top eigenvector e_0;
        // RF 1: filters along e_1 and C_1 = diag(2, 1, 0), cosine 0;
        // RF 2: C_2 = diag(1, 1, 0.5), a tie at the top: left out
        double theta = 0.4;
        double c = Math.cos(theta);
        double s = Math.sin(theta);
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {
                {c, s, 0}, {-2 * c, -2 * s, 0}, {0, 1, 0}, {0, -3, 0}, {1, 0, 0}, {0, 0, 1}});
        DMatrixRMaj[] cov = {CommonOps_DDRM.diag(3, 2, 1), CommonOps_DDRM.diag(2, 1, 0), CommonOps_DDRM.diag(1, 1, 0.5)};
        assertThat(FilterSpecialisation.meanTopDirectionCosine(w, 3, 2, cov)).isCloseTo(c / 2, offset(TOL_ROUNDOFF));
        // each RF alone: RF 0 gives cos θ, RF 2 its tie
        DMatrixRMaj rf0 = new DMatrixRMaj(2, 3);
        System.arraycopy(w.data, 0, rf0.data, 0, 6);
        assertThat(FilterSpecialisation.meanTopDirectionCosine(rf0, 1, 2, new DMatrixRMaj[] {cov[0]}))
                .isCloseTo(c, offset(TOL_ROUNDOFF));
        DMatrixRMaj rf2 = new DMatrixRMaj(2, 3);
        System.arraycopy(w.data, 12, rf2.data, 0, 6);
        assertThat(FilterSpecialisation.meanTopDirectionCosine(rf2, 1, 2, new DMatrixRMaj[] {cov[2]})).isNaN();
    }
}
