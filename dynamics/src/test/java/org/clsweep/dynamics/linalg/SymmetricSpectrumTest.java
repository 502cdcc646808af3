package org.clsweep.dynamics.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class SymmetricSpectrumTest {
    @Test
    void sortsEigenvaluesDownwardsWithUnitEigenvectors() {
        DMatrixRMaj m = new DMatrixRMaj(new double[][] {{2, 1, 0}, {1, 2, 0}, {0, 0, -5}});
        SymmetricSpectrum s = SymmetricSpectrum.of(m);
        assertThat(s.largest()).isCloseTo(3.0, within(1e-14));
        assertThat(s.secondLargest()).isCloseTo(1.0, within(1e-14));
        assertThat(s.value(2)).isCloseTo(-5.0, within(1e-14));
        double[] v = s.vector(0);
        assertThat(Math.abs(v[0])).isCloseTo(Math.sqrt(0.5), within(1e-14));
        assertThat(v[0] * v[1]).isPositive();
        double[] u = new double[3];
        assertThat(s.largestModulus(u)).as("|−5| > 3").isCloseTo(5.0, within(1e-14));
        assertThat(Math.abs(u[2])).isCloseTo(1.0, within(1e-14));
    }

    @Test
    void subnormalAndTinyEntriesDoNotBreakTheDecomposition() {
        // a converged flow leaves entries many orders below the rest, down to subnormal numbers
        DMatrixRMaj m = new DMatrixRMaj(new double[][] {
                {1e-300, 4.9e-324, 0, 1e-310},
                {4.9e-324, 2e-300, 1e-320, 0},
                {0, 1e-320, 3e-300, 0},
                {1e-310, 0, 0, 1e-305}});
        SymmetricSpectrum s = SymmetricSpectrum.of(m);
        assertThat(s.largest()).isCloseTo(3e-300, within(1e-310));
        // a real matrix on which the unflushed decomposition failed: OneLayerPopulationRunTest
        DMatrixRMaj zero = new DMatrixRMaj(2, 2);
        assertThat(SymmetricSpectrum.of(zero).largest()).isZero();
    }

    @Test
    void valuesAloneAreThoseOfTheFullDecomposition() {
        DMatrixRMaj m = new DMatrixRMaj(new double[][] {{2, 1, 0}, {1, 2, 0}, {0, 0, -5}});
        assertThat(SymmetricSpectrum.values(m)).containsExactly(new double[] {3.0, 1.0, -5.0}, within(1e-14));
        assertThat(SymmetricSpectrum.values(new DMatrixRMaj(2, 2))).containsExactly(0.0, 0.0);
        DMatrixRMaj tiny = new DMatrixRMaj(new double[][] {{1e-300, 4.9e-324}, {4.9e-324, 2e-300}});
        assertThat(SymmetricSpectrum.values(tiny)[0]).isCloseTo(2e-300, within(1e-310));
    }
}
