package org.clsweep.dynamics.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clsweep.dynamics.testing.FiniteDifferences.STEP;
import static org.clsweep.dynamics.testing.Tolerances.TOL_EXACT;
import static org.clsweep.dynamics.testing.Tolerances.TOL_FD;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.clsweep.dynamics.testing.FiniteDifferences;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both losses, with and without output normalisation: value against a naive formula written
 * straight from SCIENCE.md §1, gradient against central finite differences.
 */
class ContrastiveLossTest {
    private static final int N = 7;
    private static final int M = 5;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(LossType.INFONCE, true, 0.1),
                Arguments.of(LossType.INFONCE, true, 0.5),
                Arguments.of(LossType.INFONCE, false, 0.5),
                Arguments.of(LossType.INFONCE, false, 2.0),
                Arguments.of(LossType.QUADRATIC, true, 0.1),
                Arguments.of(LossType.QUADRATIC, true, 0.5),
                Arguments.of(LossType.QUADRATIC, false, 0.5),
                Arguments.of(LossType.QUADRATIC, false, 2.0));
    }

    @ParameterizedTest(name = "{0} normalize={1} tau={2}")
    @MethodSource("cases")
    void gradientMatchesCentralDifferences(LossType type, boolean normalize, double tau) {
        SplittableRandom rng = new SplittableRandom(11 + type.ordinal() * 7 + (normalize ? 1 : 0));
        DMatrixRMaj z1 = FiniteDifferences.gaussian(N, M, 1.0, rng);
        DMatrixRMaj z2 = FiniteDifferences.gaussian(N, M, 1.0, rng);
        ContrastiveLoss loss = ContrastiveLosses.create(type, tau, normalize, N, M);
        DMatrixRMaj g1 = new DMatrixRMaj(N, M);
        DMatrixRMaj g2 = new DMatrixRMaj(N, M);
        loss.evaluate(z1, z2, g1, g2);

        DMatrixRMaj s1 = new DMatrixRMaj(N, M);
        DMatrixRMaj s2 = new DMatrixRMaj(N, M);
        DMatrixRMaj fd1 = FiniteDifferences.gradient(z -> loss.evaluate(z, z2, s1, s2), z1, STEP);
        DMatrixRMaj fd2 = FiniteDifferences.gradient(z -> loss.evaluate(z1, z, s1, s2), z2, STEP);

        assertThat(FiniteDifferences.relativeError(fd1, g1)).isLessThan(TOL_FD);
        assertThat(FiniteDifferences.relativeError(fd2, g2)).isLessThan(TOL_FD);
    }

    @ParameterizedTest(name = "{0} normalize={1} tau={2}")
    @MethodSource("cases")
    void valueMatchesNaiveFormula(LossType type, boolean normalize, double tau) {
        SplittableRandom rng = new SplittableRandom(29 + type.ordinal());
        DMatrixRMaj z1 = FiniteDifferences.gaussian(N, M, 1.0, rng);
        DMatrixRMaj z2 = FiniteDifferences.gaussian(N, M, 1.0, rng);
        ContrastiveLoss loss = ContrastiveLosses.create(type, tau, normalize, N, M);
        double value = loss.evaluate(z1, z2, new DMatrixRMaj(N, M), new DMatrixRMaj(N, M));

        double expected = naiveLoss(type, tau, normalize ? naiveNormalize(z1) : z1, normalize ? naiveNormalize(z2) : z2);
        assertThat(value).isCloseTo(expected, org.assertj.core.data.Offset.offset(TOL_EXACT * Math.max(1.0, Math.abs(expected))));
    }

    @Test
    void logSumExpIsStableForLargeSimilarities() {
        // Raw outputs of size ~100 and τ = 0.01: S/τ ~ 1e6, exp overflows unless the row max is subtracted.
        SplittableRandom rng = new SplittableRandom(5);
        DMatrixRMaj z1 = FiniteDifferences.gaussian(N, M, 100.0, rng);
        DMatrixRMaj z2 = FiniteDifferences.gaussian(N, M, 100.0, rng);
        ContrastiveLoss loss = ContrastiveLosses.create(LossType.INFONCE, 0.01, false, N, M);
        DMatrixRMaj g1 = new DMatrixRMaj(N, M);
        DMatrixRMaj g2 = new DMatrixRMaj(N, M);
        double value = loss.evaluate(z1, z2, g1, g2);

        assertThat(value).isFinite().isGreaterThanOrEqualTo(0.0);
        for (int k = 0; k < N * M; k++) {
            assertThat(g1.data[k]).isFinite();
            assertThat(g2.data[k]).isFinite();
        }
        // Shift invariance of the stable form: L = (1/N) Σ_i [max_j S_ij − S_ii]/τ + (1/N) Σ_i log Σ_j e^{(S_ij − max)/τ}.
        assertThat(value).isCloseTo(stableNaive(z1, z2, 0.01), org.assertj.core.data.Offset.offset(1e-9 * value));
    }

    @Test
    void alphaIsTheOffDiagonalSoftmaxWeight() {
        SplittableRandom rng = new SplittableRandom(17);
        DMatrixRMaj z1 = FiniteDifferences.gaussian(N, M, 1.0, rng);
        DMatrixRMaj z2 = FiniteDifferences.gaussian(N, M, 1.0, rng);
        double tau = 0.3;
        ContrastiveLoss loss = ContrastiveLosses.create(LossType.INFONCE, tau, true, N, M);
        assertThat(loss.alphaMean()).isNaN();
        loss.evaluate(z1, z2, new DMatrixRMaj(N, M), new DMatrixRMaj(N, M));

        double[][] s = similarities(naiveNormalize(z1), naiveNormalize(z2));
        double sum = 0.0;
        double max = 0.0;
        for (int i = 0; i < N; i++) {
            double den = 0.0;
            for (int j = 0; j < N; j++) {
                den += Math.exp(s[i][j] / tau);
            }
            for (int j = 0; j < N; j++) {
                if (j != i) {
                    double p = Math.exp(s[i][j] / tau) / den;
                    sum += p;
                    max = Math.max(max, p);
                }
            }
        }
        assertThat(loss.alphaMean()).isCloseTo(sum / (N * (N - 1)), org.assertj.core.data.Offset.offset(TOL_EXACT));
        assertThat(loss.alphaMax()).isCloseTo(max, org.assertj.core.data.Offset.offset(TOL_EXACT));
    }

    @Test
    void alphaTendsToUniformAtHighTemperature() {
        SplittableRandom rng = new SplittableRandom(3);
        ContrastiveLoss loss = ContrastiveLosses.create(LossType.INFONCE, 1e6, true, N, M);
        loss.evaluate(FiniteDifferences.gaussian(N, M, 1.0, rng), FiniteDifferences.gaussian(N, M, 1.0, rng),
                new DMatrixRMaj(N, M), new DMatrixRMaj(N, M));
        assertThat(loss.alphaMean()).isCloseTo(1.0 / N, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(loss.alphaMax()).isCloseTo(1.0 / N, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void quadraticLossHasNoAlphaDiagnostic() {
        ContrastiveLoss loss = ContrastiveLosses.create(LossType.QUADRATIC, 0.1, false, N, M);
        SplittableRandom rng = new SplittableRandom(3);
        loss.evaluate(FiniteDifferences.gaussian(N, M, 1.0, rng), FiniteDifferences.gaussian(N, M, 1.0, rng),
                new DMatrixRMaj(N, M), new DMatrixRMaj(N, M));
        assertThat(loss.alphaMean()).isNaN();
        assertThat(loss.alphaMax()).isNaN();
    }

    @Test
    void zeroOutputRowStaysFiniteUnderNormalisation() {
        // A ReLU layer can output an all-zero row; the norm floor keeps it at zero instead of NaN.
        SplittableRandom rng = new SplittableRandom(23);
        DMatrixRMaj z1 = FiniteDifferences.gaussian(N, M, 1.0, rng);
        DMatrixRMaj z2 = FiniteDifferences.gaussian(N, M, 1.0, rng);
        for (int k = 0; k < M; k++) {
            z1.set(2, k, 0.0);
        }
        ContrastiveLoss loss = ContrastiveLosses.create(LossType.INFONCE, 0.1, true, N, M);
        DMatrixRMaj g1 = new DMatrixRMaj(N, M);
        double value = loss.evaluate(z1, z2, g1, new DMatrixRMaj(N, M));
        assertThat(value).isFinite();
    }

    @Test
    void rejectsWrongShapes() {
        ContrastiveLoss loss = ContrastiveLosses.create(LossType.INFONCE, 0.1, true, N, M);
        assertThatThrownBy(() -> loss.evaluate(new DMatrixRMaj(N, M + 1), new DMatrixRMaj(N, M),
                new DMatrixRMaj(N, M), new DMatrixRMaj(N, M)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("z1 must be 7×5, found 7×6");
        assertThatThrownBy(() -> ContrastiveLosses.create(LossType.QUADRATIC, 0.0, true, N, M))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("temperature must be > 0");
    }

    // ---- naive reference, written straight from SCIENCE.md §1 ----

    private static DMatrixRMaj naiveNormalize(DMatrixRMaj z) {
        DMatrixRMaj out = new DMatrixRMaj(z.numRows, z.numCols);
        for (int i = 0; i < z.numRows; i++) {
            double ss = 0.0;
            for (int k = 0; k < z.numCols; k++) {
                ss += z.get(i, k) * z.get(i, k);
            }
            for (int k = 0; k < z.numCols; k++) {
                out.set(i, k, z.get(i, k) / Math.sqrt(ss));
            }
        }
        return out;
    }

    private static double[][] similarities(DMatrixRMaj z1, DMatrixRMaj z2) {
        int n = z1.numRows;
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                DMatrixRMaj other = i == j ? z2 : z1;
                double dot = 0.0;
                for (int k = 0; k < z1.numCols; k++) {
                    dot += z1.get(i, k) * other.get(j, k);
                }
                s[i][j] = dot;
            }
        }
        return s;
    }

    private static double naiveLoss(LossType type, double tau, DMatrixRMaj z1, DMatrixRMaj z2) {
        double[][] s = similarities(z1, z2);
        int n = s.length;
        if (type == LossType.INFONCE) {
            double total = 0.0;
            for (int i = 0; i < n; i++) {
                double sum = 0.0;
                for (int j = 0; j < n; j++) {
                    sum += Math.exp(s[i][j] / tau);
                }
                total += -s[i][i] / tau + Math.log(sum);
            }
            return total / n;
        }
        double meanDiag = 0.0;
        double meanAll = 0.0;
        for (int i = 0; i < n; i++) {
            meanDiag += s[i][i] / tau / n;
            for (int j = 0; j < n; j++) {
                meanAll += s[i][j] / tau / (n * n);
            }
        }
        return -(1.0 + 1.0 / n) * meanDiag + meanAll;
    }

    private static double stableNaive(DMatrixRMaj z1, DMatrixRMaj z2, double tau) {
        double[][] s = similarities(z1, z2);
        int n = s.length;
        double total = 0.0;
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                max = Math.max(max, s[i][j]);
            }
            double sum = 0.0;
            for (int j = 0; j < n; j++) {
                sum += Math.exp((s[i][j] - max) / tau);
            }
            total += (max - s[i][i]) / tau + Math.log(sum);
        }
        return total / n;
    }
}
