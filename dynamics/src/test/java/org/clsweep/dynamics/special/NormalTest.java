package org.clsweep.dynamics.special;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.clsweep.dynamics.testing.Tolerances.TOL_EXACT;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NormalTest {
    /** Documented relative accuracy of Φ against 50-digit references. */
    private static final double TOL_CDF = 1e-15;
    /** φ(x) = exp(−x²/2)/√(2π): the rounding of x² costs about x²·2⁻⁵³ relative. */
    private static final double TOL_PDF = 1e-13;

    private static List<double[]> golden() throws IOException {
        List<double[]> rows = new ArrayList<>();
        try (InputStream in = NormalTest.class.getResourceAsStream("normal-golden.csv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            r.readLine();
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split(",");
                rows.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])});
            }
        }
        assertThat(rows).hasSizeGreaterThan(30);
        return rows;
    }

    @Test
    void cdfMatchesFiftyDigitReferencesToRelativeOneEMinusFifteen() throws IOException {
        for (double[] row : golden()) {
            double x = row[0];
            double expected = row[1];
            assertThat(Math.abs(Normal.cdf(x) - expected) / expected).as("Φ(%s)", x).isLessThan(TOL_CDF);
        }
    }

    @Test
    void cdfGivenTheGaussianFactorKeepsItsDocumentedAccuracy() throws IOException {
        for (double[] row : golden()) {
            double x = row[0];
            double bound = TOL_CDF + x * x * Math.ulp(1.0) / 2;
            double value = Normal.cdf(x, Math.exp(-0.5 * x * x));
            assertThat(Math.abs(value - row[1]) / row[1]).as("Φ(%s) from exp(−x²/2)", x).isLessThan(bound);
        }
        for (double x = -9.0; x <= 9.0; x += 0.01) {
            double e = Math.exp(-0.5 * x * x);
            double lower = Normal.cdf(-Math.abs(x));
            double lowerFromE = Normal.cdf(-Math.abs(x), e);
            assertThat(Math.abs(lowerFromE - lower)).as("at %s", x).isLessThanOrEqualTo(lower * (2 * TOL_CDF + x * x * Math.ulp(1.0)));
        }
    }

    @Test
    void lowerAndUpperHalvesSumToOne() {
        for (double x = -8.0; x <= 8.0; x += 0.0625) {
            assertThat(Normal.cdf(x) + Normal.cdf(-x)).as("Φ(x) + Φ(−x) at %s", x)
                    .isCloseTo(1.0, offset(4 * Math.ulp(1.0)));
        }
    }

    @Test
    void pdfMatchesReferences() throws IOException {
        for (double[] row : golden()) {
            double x = row[0];
            if (Math.abs(x) <= 10.0) {
                assertThat(Math.abs(Normal.pdf(x) - row[2]) / row[2]).as("φ(%s)", x).isLessThan(TOL_PDF);
            }
        }
    }

    @Test
    void cdfIsMonotoneAcrossBranchBoundariesAndSaturates() {
        double[] edges = {-37.5193, -5.656854249492380, -0.67448975, 0.67448975, 5.656854249492380, 8.2924};
        for (double e : edges) {
            double below = Math.nextDown(e);
            assertThat(Normal.cdf(below)).as("Φ around %s", e).isLessThanOrEqualTo(Normal.cdf(Math.nextUp(e)));
            assertThat(Normal.cdf(e - 1e-9)).isLessThanOrEqualTo(Normal.cdf(e + 1e-9));
        }
        SplittableRandom rng = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            double x = rng.nextDouble(-40.0, 10.0);
            double y = x + rng.nextDouble(1e-3);
            assertThat(Normal.cdf(x)).as("Φ(%s) ≤ Φ(%s)", x, y).isLessThanOrEqualTo(Normal.cdf(y));
        }
        assertThat(Normal.cdf(-40.0)).isZero();
        assertThat(Normal.cdf(10.0)).isEqualTo(1.0);
        assertThat(Normal.cdf(Double.NEGATIVE_INFINITY)).isZero();
        assertThat(Normal.cdf(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
        assertThat(Normal.cdf(Double.NaN)).isNaN();
        assertThat(Normal.cdf(0.0)).isCloseTo(0.5, offset(TOL_EXACT));
    }

    @Test
    void cdfDerivativeIsThePdf() {
        // the lower half only: near 1, differences of Φ lose the digits the tail carries
        double h = 1e-5;
        for (double x = -8.0; x <= 0.0; x += 0.37) {
            double fd = (Normal.cdf(x + h) - Normal.cdf(x - h)) / (2 * h);
            assertThat(Math.abs(fd - Normal.pdf(x)) / Normal.pdf(x)).as("Φ'(%s)", x).isLessThan(1e-6);
        }
    }
}
