package org.clsweep.jobs.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumberTextTest {

    @Test
    void formatsDoublesToFourSignificantDigits() {
        assertThat(NumberText.of(0.123456)).isEqualTo("0.1235");
        assertThat(NumberText.of(1.0)).isEqualTo("1");
        assertThat(NumberText.of(12345.6)).isEqualTo("12350");
        assertThat(NumberText.of(-2.5e-7)).isEqualTo("-2.500e-07");
        assertThat(NumberText.of(0.0)).isEqualTo("0");
        assertThat(NumberText.of(Double.NaN)).isEqualTo("NaN");
    }

    @Test
    void plainFromOneTenThousandthToBelowAMillion() {
        assertThat(NumberText.of(1e-4)).isEqualTo("0.0001");
        assertThat(NumberText.of(9.99e-5)).isEqualTo("9.990e-05");
        assertThat(NumberText.of(999_950.0 - 1)).isEqualTo("999900");
        assertThat(NumberText.of(1_234_567.5)).isEqualTo("1.235e+06");
        assertThat(NumberText.of(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
    }

    @Test
    void byteCountsInDecimalUnits() {
        assertThat(NumberText.bytes(950)).isEqualTo("950 B");
        assertThat(NumberText.bytes(12_345)).isEqualTo("12 kB");
        assertThat(NumberText.bytes(3_449_000)).isEqualTo("3.4 MB");
        assertThat(NumberText.bytes(999_700)).isEqualTo("1.0 MB");
        assertThat(NumberText.bytes(2.5e12)).isEqualTo("2.5 TB");
    }
}
