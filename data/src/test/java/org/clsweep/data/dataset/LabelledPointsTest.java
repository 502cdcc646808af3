package org.clsweep.data.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.clsweep.data.spec.PointNormalization;
import org.clsweep.data.spec.SpecException;
import org.clsweep.data.testing.Tolerances;
import org.clsweep.dynamics.model.PatternMixture;
import org.junit.jupiter.api.Test;

/** Normalisation, checksum and mixture of a selection, against values worked out by hand. */
class LabelledPointsTest {
    private static final double[][] RAW = {{3, 4, 0}, {0, 0, 255}, {51, 0, 0}};
    private static final int[] LABELS = {1, 1, 4};
    private static final int[] ROWS = {7, 9, 2};

    @Test
    void noneScalesUnitAndCenterNormalise() {
        double[][] none = LabelledPoints.of(RAW, LABELS, ROWS, 255.0, PointNormalization.NONE, "f").points();
        assertThat(none[1]).containsExactly(0.0, 0.0, 1.0);
        assertThat(none[2][0]).isCloseTo(0.2, within(Tolerances.TOL_EXACT));

        double[][] unit = LabelledPoints.of(RAW, LABELS, ROWS, 255.0, PointNormalization.UNIT, "f").points();
        assertThat(unit[0]).containsExactly(new double[] {0.6, 0.8, 0.0}, within(Tolerances.TOL_EXACT));
        assertThat(unit[2]).containsExactly(new double[] {1.0, 0.0, 0.0}, within(Tolerances.TOL_EXACT));

        // scaled: (3,4,0)/255, (0,0,1), (0.2,0,0); mean m; each (x − m)/‖x − m‖
        double[][] center = LabelledPoints.of(RAW, LABELS, ROWS, 255.0, PointNormalization.CENTER, "f").points();
        double[][] s = {{3 / 255.0, 4 / 255.0, 0}, {0, 0, 1}, {0.2, 0, 0}};
        for (int l = 0; l < 3; l++) {
            double[] c = new double[3];
            double norm = 0;
            for (int i = 0; i < 3; i++) {
                c[i] = s[l][i] - (s[0][i] + s[1][i] + s[2][i]) / 3;
                norm += c[i] * c[i];
            }
            for (int i = 0; i < 3; i++) {
                assertThat(center[l][i]).isCloseTo(c[i] / Math.sqrt(norm), within(Tolerances.TOL_EXACT));
            }
        }
    }

    @Test
    void aZeroPointCannotBeNormalisedAndTheErrorNamesTheRow() {
        double[][] raw = {{1, 2}, {0, 0}};
        assertThatThrownBy(() -> LabelledPoints.of(raw, new int[] {3, 5}, new int[] {0, 40}, 1.0,
                PointNormalization.UNIT, "data.parquet"))
                .isInstanceOfSatisfying(SpecException.class, e -> assertThat(e.key()).isEqualTo("geometry.normalize"))
                .hasMessage("data.parquet: row 40 (label 5) is all zeros, so geometry.normalize = unit cannot scale "
                        + "it to norm 1");
        double[][] same = {{1, 2}, {1, 2}};
        assertThatThrownBy(() -> LabelledPoints.of(same, null, new int[] {0, 1}, 1.0, PointNormalization.CENTER, "f"))
                .hasMessageContaining("row 0 is the selection's mean");
        assertThat(LabelledPoints.of(raw, null, new int[] {0, 1}, 1.0, PointNormalization.NONE, "f").size())
                .isEqualTo(2);
    }

    @Test
    void theChecksumIsTheDocumentedSha256OfTheRawSelectionWhateverTheNormalisation() throws Exception {
        ByteBuffer b = ByteBuffer.allocate(8 + 9 * 8 + 3 * 4).putInt(3).putInt(3);
        for (double[] x : RAW) {
            for (double v : x) {
                b.putDouble(v);
            }
        }
        for (int y : LABELS) {
            b.putInt(y);
        }
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.array()));
        for (PointNormalization n : PointNormalization.values()) {
            assertThat(LabelledPoints.of(RAW, LABELS, ROWS, 255.0, n, "f").checksum()).isEqualTo(expected);
        }
        assertThat(LabelledPoints.of(RAW, null, ROWS, 1.0, PointNormalization.NONE, "f").checksum())
                .isNotEqualTo(expected);
    }

    @Test
    void theMixtureHasTheNormalisedPointsUniformProbabilitiesAndTheNoise() {
        LabelledPoints p = LabelledPoints.of(RAW, LABELS, ROWS, 255.0, PointNormalization.UNIT, "f");
        PatternMixture m = p.mixture(0.25);
        assertThat(m.patternCount()).isEqualTo(3);
        assertThat(m.dim()).isEqualTo(3);
        assertThat(m.noise()).isEqualTo(0.25);
        for (int l = 0; l < 3; l++) {
            assertThat(m.prob(l)).isEqualTo(1.0 / 3);
            assertThat(m.patternCopy(l)).containsExactly(p.points()[l]);
        }
        assertThat(p.labels()).containsExactly(LABELS);
        assertThat(p.rows()).containsExactly(ROWS);
    }
}
