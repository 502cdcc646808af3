package org.clsweep.dynamics.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clsweep.dynamics.testing.Tolerances.TOL_EXACT;

import org.assertj.core.data.Offset;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Residual, Rayleigh quotient, top eigenvalues, spectral norm and top-eigenvector cosine on matrices with known spectra. */
class FixedPointCheckTest {
    private static final Offset<Double> EXACT = Offset.offset(TOL_EXACT);
    private static final DMatrixRMaj DIAGONAL = new DMatrixRMaj(3, 3, true, 3, 0, 0, 0, 2, 0, 0, 0, 1);

    @Test
    void anEigenvectorIsAFixedPoint() {
        FixedPointCheck c = FixedPointCheck.of(DIAGONAL, new DMatrixRMaj(2, 3, true, 0, 0, 1, 5, 0, 0), 1);
        assertThat(c.residual()).isCloseTo(0.0, EXACT);
        assertThat(c.rayleigh()).isCloseTo(3.0, EXACT);
        assertThat(c.lambda1()).isCloseTo(3.0, EXACT);
        assertThat(c.lambda2()).isCloseTo(2.0, EXACT);
        assertThat(c.spectralNorm()).isCloseTo(3.0, EXACT);
        assertThat(c.topCosine()).isCloseTo(1.0, EXACT);
        assertThat(c.relativeResidual()).isCloseTo(0.0, EXACT);
    }

    @Test
    void aMixedDirectionHasTheResidualOfItsProjection() {
        // u = (e1 + e2)/√2: Au = (3, 2, 0)/√2, uᵀAu = 2.5, (I − uuᵀ)Au = (0.5, −0.5, 0)/√2
        FixedPointCheck c = FixedPointCheck.of(DIAGONAL, new DMatrixRMaj(1, 3, true, 1, 1, 0), 0);
        assertThat(c.rayleigh()).isCloseTo(2.5, EXACT);
        assertThat(c.residual()).isCloseTo(0.5, EXACT);
        assertThat(c.topCosine()).isCloseTo(Math.sqrt(0.5), EXACT);
        assertThat(c.relativeResidual()).isCloseTo(0.5 / 3.0, EXACT);
    }

    @Test
    void theRelativeResidualIsScaledByTheLargestEigenvalueInModulus() {
        // A = diag(1, −4), u = (1, 1)/√2: Au = (1, −4)/√2, uᵀAu = −1.5, (I − uuᵀ)Au = (2.5, −2.5)/√2
        DMatrixRMaj a = new DMatrixRMaj(2, 2, true, 1, 0, 0, -4);
        FixedPointCheck c = FixedPointCheck.of(a, new DMatrixRMaj(1, 2, true, 1, 1), 0);
        assertThat(c.lambda1()).isCloseTo(1.0, EXACT);
        assertThat(c.spectralNorm()).isCloseTo(4.0, EXACT);
        assertThat(c.residual()).isCloseTo(2.5, EXACT);
        assertThat(c.relativeResidual()).isCloseTo(2.5 / 4.0, EXACT);
        DMatrixRMaj scaled = a.copy();
        for (int e = 0; e < 4; e++) {
            scaled.data[e] *= 1e-3;
        }
        assertThat(FixedPointCheck.of(scaled, new DMatrixRMaj(1, 2, true, 1, 1), 0).relativeResidual())
                .isCloseTo(c.relativeResidual(), EXACT);
        assertThat(FixedPointCheck.of(new DMatrixRMaj(2, 2), new DMatrixRMaj(1, 2, true, 1, 1), 0).relativeResidual())
                .as("A = 0").isNaN();
    }

    @Test
    void eigenvaluesAreThoseOfTheSymmetricPartTheResidualThatOfTheMatrix() {
        // sym([[1, 2], [0, 1]]) = [[1, 1], [1, 1]]: eigenvalues 2 and 0, and u = (1, 1)/√2 is its
        // top eigenvector; but Au = (3, 1)/√2, so (I − uuᵀ)Au = (1, −1)/√2
        FixedPointCheck c = FixedPointCheck.of(new DMatrixRMaj(2, 2, true, 1, 2, 0, 1),
                new DMatrixRMaj(1, 2, true, 1, 1), 0);
        assertThat(c.lambda1()).isCloseTo(2.0, EXACT);
        assertThat(c.lambda2()).isCloseTo(0.0, EXACT);
        assertThat(c.residual()).isCloseTo(1.0, EXACT);
    }
}
