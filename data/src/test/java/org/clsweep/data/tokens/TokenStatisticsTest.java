package org.clsweep.data.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.clsweep.data.testing.Tolerances.TOL_EXACT;

import java.util.List;
import java.util.SplittableRandom;
import org.clsweep.data.spec.TokenSpec;
import org.junit.jupiter.api.Test;

/**
 * The statistics of a table small enough to compute by hand, and the identities that hold for any
 * table. The Monte-Carlo check against the generator is {@link TokenStatisticsSamplingTest}.
 */
class TokenStatisticsTest {
    /**
     * n = 3, K = 4, G = 3, aug_degree = 1. Wildcards per pattern: 1, 2, 1, so q = 1, 1/2, 1.
     * Location 2 is wild in "AB*A" (q = 1) and "A**A" (q = 1/2) and fixed to C by "*BCB"; location
     * 3 is fixed by every pattern, so C never occurs there.
     */
    private static final TokenSpec HAND = new TokenSpec(3, 4, 1, 1, 1, 1, 0, 1.0, List.of("AB*A-A**A-*BCB"), false);

    private static TokenStatistics[][] hand() {
        return TokenStatistics.of(TokenPatterns.explicit(HAND), HAND.augDegree());
    }

    private static void assertStatistics(TokenStatistics s, int u, double frequency, double invariance,
                                         double pairCovariance, double discriminativeness) {
        assertThat(s.patternsUsing()).as("u").isEqualTo(u);
        assertThat(s.frequency()).as("frequency").isCloseTo(frequency, offset(TOL_EXACT));
        assertThat(s.invariance()).as("invariance").isCloseTo(invariance, offset(TOL_EXACT));
        assertThat(s.pairCovariance()).as("pair covariance").isCloseTo(pairCovariance, offset(TOL_EXACT));
        assertThat(s.discriminativeness()).as("discriminativeness").isCloseTo(discriminativeness, offset(TOL_EXACT));
    }

    @Test
    void aTokenThatIsBothPatternAndWildcardFill() {
        // C at location 2: m_z = 1/3, 1/3, 1. frequency = (1 + 2/3)/3; joint = (1 + (1/3)(1/3)
        // + (1/3)(1/2 + 1/6))/3 = 4/9; Var_z m_z = ((2/9)² + (2/9)² + (4/9)²)/3 = 8/81
        TokenStatistics c = hand()[2][2];
        assertThat(c.role()).isEqualTo(TokenRole.PATTERN);
        assertStatistics(c, 1, 5.0 / 9, 4.0 / 5, 4.0 / 9 - 25.0 / 81, 8.0 / 81);
        // B at location 1: fixed by two patterns, wild with q = 1/2 in "A**A"
        assertStatistics(hand()[1][1], 2, 7.0 / 9, 20.0 / 21, 11.0 / 81, 8.0 / 81);
        // A at location 0: fixed by two patterns, wild with q = 1 in "*BCB": the two coincide
        assertStatistics(hand()[0][0], 2, 7.0 / 9, 19.0 / 21, 8.0 / 81, 8.0 / 81);
    }

    @Test
    void backgroundTokensGainPairCovarianceOnlyWhereAWildcardIsKept() {
        TokenStatistics[][] s = hand();
        // A at location 2: m_z = 1/3, 1/3, 0; joint = ((1/3)(1/3) + (1/3)(2/3))/3 = 1/9
        assertThat(s[2][0].role()).isEqualTo(TokenRole.BACKGROUND);
        assertStatistics(s[2][0], 0, 2.0 / 9, 1.0 / 2, 5.0 / 81, 2.0 / 81);
        // A at location 1: only "A**A" (q = 1/2) leaves it wild; joint = (1/3)(1/2 + 1/6)/3 = 2/27
        assertStatistics(s[1][0], 0, 1.0 / 9, 2.0 / 3, 5.0 / 81, 2.0 / 81);
        // B at location 0: only "*BCB" (q = 1) leaves it wild; joint = (1/3)(1/3)/3 = 1/27
        assertStatistics(s[0][1], 0, 1.0 / 9, 1.0 / 3, 2.0 / 81, 2.0 / 81);
    }

    @Test
    void aLocationEveryPatternFixes() {
        TokenStatistics[][] s = hand();
        assertStatistics(s[3][0], 2, 2.0 / 3, 1.0, 2.0 / 9, 2.0 / 9);
        assertStatistics(s[3][1], 1, 1.0 / 3, 1.0, 2.0 / 9, 2.0 / 9);
        // C never occurs at location 3: background, no invariance, no variance
        assertThat(s[3][2].role()).isEqualTo(TokenRole.BACKGROUND);
        assertThat(s[3][2].frequency()).isZero();
        assertThat(s[3][2].invariance()).isNaN();
        assertThat(s[3][2].pairCovariance()).isZero();
        assertThat(s[3][2].discriminativeness()).isZero();
    }

    @Test
    void anyTableHasFrequenciesSummingToOneAndPairCovarianceAboveDiscriminativeness() {
        TokenSpec spec = new TokenSpec(20, 10, 5, 40, 5, 3, 0, 1.0, List.of(), false);
        TokenPatterns table = TokenPatterns.random(spec, new SplittableRandom(11));
        TokenStatistics[][] s = TokenStatistics.of(table, spec.augDegree());
        for (int k = 0; k < 10; k++) {
            double total = 0.0;
            for (int a = 0; a < 20; a++) {
                total += s[k][a].frequency();
                assertThat(s[k][a].patternsUsing()).isEqualTo(table.usage(k, a));
                assertThat(s[k][a].discriminativeness()).isGreaterThanOrEqualTo(0.0);
                // q = 3/5 < 1, and some of the 40 patterns leave each location wild
                assertThat(s[k][a].pairCovariance()).isGreaterThan(s[k][a].discriminativeness());
                // invariance · frequency − frequency² is the pair covariance
                assertThat(s[k][a].invariance() * s[k][a].frequency() - s[k][a].frequency() * s[k][a].frequency())
                        .isCloseTo(s[k][a].pairCovariance(), offset(TOL_EXACT));
            }
            assertThat(total).isCloseTo(1.0, offset(TOL_EXACT));
        }
    }

    @Test
    void anAugDegreeAboveAPatternsWildcardsIsRefused() {
        assertThatThrownBy(() -> TokenStatistics.of(TokenPatterns.explicit(HAND), 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pattern 0 has 1 wildcards, fewer than aug_degree = 2");
    }
}
