package org.clsweep.dynamics.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.clsweep.dynamics.testing.Tolerances.TOL_ROUNDOFF;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class GramSpectrumTest {
    @Test
    void bothSidesGiveTheSpectrumOfTheFullGramMatrix() {
        SplittableRandom rng = new SplittableRandom(11);
        // r < d (through XXᵀ), r = d and r > d (through XᵀX itself)
        for (int[] shape : new int[][] {{3, 9}, {1, 5}, {6, 6}, {12, 4}}) {
            DMatrixRMaj x = new DMatrixRMaj(shape[0], shape[1]);
            for (int i = 0; i < x.data.length; i++) {
                x.data[i] = rng.nextGaussian();
            }
            DMatrixRMaj gram = new DMatrixRMaj(shape[1], shape[1]);
            CommonOps_DDRM.multTransA(x, x, gram);
            SymmetricSpectrum full = SymmetricSpectrum.of(gram);
            GramSpectrum top = GramSpectrum.of(x, true);
            String as = shape[0] + "×" + shape[1];
            assertThat(top.first()).as(as).isCloseTo(full.largest(), within(TOL_ROUNDOFF * full.largest()));
            assertThat(top.second()).as(as).isCloseTo(full.value(1), within(TOL_ROUNDOFF * full.largest()));
            // the same eigenvector up to sign
            double dot = 0.0;
            for (int i = 0; i < shape[1]; i++) {
                dot += top.vector()[i] * full.vector(0)[i];
            }
            assertThat(Math.abs(dot)).as(as).isCloseTo(1.0, within(TOL_ROUNDOFF));
            GramSpectrum values = GramSpectrum.of(x, false);
            assertThat(values.vector()).isNull();
            assertThat(values.first()).as(as).isCloseTo(top.first(), within(TOL_ROUNDOFF * top.first()));
            assertThat(values.second()).as(as).isCloseTo(top.second(), within(TOL_ROUNDOFF * top.first()));
        }
    }

    @Test
    void oneRowHasASecondEigenvalueOfZeroAndOneColumnNone() {
        GramSpectrum row = GramSpectrum.of(new DMatrixRMaj(new double[][] {{3, 4}}), true);
        assertThat(row.first()).isCloseTo(25.0, within(1e-12));
        assertThat(row.second()).isZero();
        assertThat(row.vector()).containsExactly(new double[] {0.6, 0.8}, within(1e-12));
        GramSpectrum column = GramSpectrum.of(new DMatrixRMaj(new double[][] {{1}, {2}}), true);
        assertThat(column.first()).isCloseTo(5.0, within(1e-12));
        assertThat(column.second()).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void aZeroFactorHasEigenvalueZeroAndAUnitVector() {
        GramSpectrum zero = GramSpectrum.of(new DMatrixRMaj(2, 3), true);
        assertThat(zero.first()).isZero();
        assertThat(zero.second()).isZero();
        assertThat(zero.vector()).containsExactly(1.0, 0.0, 0.0);
    }
}
