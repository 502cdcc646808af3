package org.clsweep.dynamics.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class TopLayerShareTest {

    @Test
    void sharesAreTheSquaredNormsOfEachFieldsColumns() {
        // K = 2, M = 2: columns 0, 1 read RF 0 (‖V_0‖² = 1 + 4 = 5), columns 2, 3 read RF 1 (9 + 1 = 10)
        DMatrixRMaj v = new DMatrixRMaj(new double[][] {{1, 2, 0, 1}, {0, 0, 3, 0}});
        assertThat(TopLayerShare.of(v, 2, 2)).containsExactly(new double[] {1.0 / 3, 2.0 / 3}, within(1e-15));
    }

    @Test
    void aTopLayerReadingOneFieldGivesItTheWholeShare() {
        DMatrixRMaj v = new DMatrixRMaj(new double[][] {{0, 0, -2}, {0, 0, 5}});
        assertThat(TopLayerShare.of(v, 3, 1)).containsExactly(0.0, 0.0, 1.0);
    }

    @Test
    void aZeroTopLayerHasNoShares() {
        assertThat(TopLayerShare.of(new DMatrixRMaj(2, 4), 2, 2)).containsOnly(Double.NaN);
    }

    @Test
    void theShapeMustMatch() {
        assertThatThrownBy(() -> TopLayerShare.of(new DMatrixRMaj(2, 4), 3, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("columns");
    }
}
