package org.clsweep.jobs.regress.stat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.numbers.gamma.LogGamma;
import org.junit.jupiter.api.Test;

/** Acceptance test of the log-gamma function of Apache Commons Numbers, ln Γ(x) for x &gt; 0. */
class LibraryLogGammaGoldenTest {
    private static final double TOL_REL = 1e-13;

    @Test
    void matchesLogFactorialsAtIntegers() {
        double logFactorial = 0.0;
        for (int n = 1; n <= 170; n++) {
            assertThat(LogGamma.value(n)).as("ln Γ(%d)", n)
                    .isCloseTo(logFactorial, within(TOL_REL * Math.max(1.0, logFactorial)));
            logFactorial += Math.log(n);
        }
    }

    @Test
    void matchesClosedFormsAtHalfIntegers() {
        // Γ(1/2) = √π, Γ(n + 1/2) = (2n)! √π / (4^n n!)
        assertThat(LogGamma.value(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(TOL_REL));
        assertThat(LogGamma.value(5.5)).isCloseTo(Math.log(945.0 / 32.0 * Math.sqrt(Math.PI)), within(TOL_REL));
    }

    @Test
    void smallArgumentsUseTheReflectionFormula() {
        // Python math.lgamma(1e-3) and math.lgamma(0.25)
        assertThat(LogGamma.value(1e-3)).isCloseTo(6.907178885383854, within(TOL_REL * 7));
        assertThat(LogGamma.value(0.25)).isCloseTo(1.2880225246980774, within(TOL_REL * 2));
    }

    @Test
    void largeArguments() {
        // Python math.lgamma(100.5) and math.lgamma(1e6)
        assertThat(LogGamma.value(100.5)).isCloseTo(361.4355404677776, within(TOL_REL * 362));
        assertThat(LogGamma.value(1e6)).isCloseTo(12815504.569147612, within(TOL_REL * 1.3e7));
    }

    @Test
    void isUndefinedForNonPositiveArguments() {
        assertThat(LogGamma.value(0.0)).isNaN();
    }
}
