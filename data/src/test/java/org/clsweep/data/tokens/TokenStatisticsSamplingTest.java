package org.clsweep.data.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.clsweep.data.testing.Tolerances.TOL_EXACT;

import java.util.List;
import java.util.SplittableRandom;
import org.clsweep.data.spec.TokenSpec;
import org.clsweep.dynamics.model.TokenPairBatch;
import org.junit.jupiter.api.Test;

/**
 * {@link TokenStatistics} against {@value #PAIRS} pairs drawn by {@link TokenPairGenerator}: every
 * empirical statistic of every (location, token) lies within {@value #SIGMAS} standard errors of
 * its closed form (about 10⁻⁶ for one comparison, under 10⁻³ for the 800-odd comparisons of a
 * test). The standard errors are the large-sample ones, computed from the closed forms.
 */
class TokenStatisticsSamplingTest {
    private static final int PAIRS = 200_000;
    private static final int BATCH = 10_000;
    private static final double SIGMAS = 5.0;

    /**
     * aug_degree = 2 below the wildcards of three patterns (3, 4, 3; q = 2/3, 1/2, 2/3) and equal to
     * those of two (q = 1). Location 0 carries a different token in every pattern, so view 1 names
     * its pattern z; location 5 is wild in every pattern.
     */
    private static final TokenSpec TAGGED = new TokenSpec(5, 6, 1, 1, 1, 2, 0, 1.0,
            List.of("AAB***-BA****-C*B*A*-DC*BA*-EAC*E*"), false);

    /** The reference configuration: aug_degree = K − L = 5 redraws every wildcard. */
    private static final TokenSpec REDRAW_ALL = new TokenSpec(20, 10, 5, 40, 5, 5, 0, 1.0, List.of(), false);

    /** Counts of view-1 and view-2 occurrences per (k, a), and per pattern when the table is tagged. */
    private static final class Counts {
        final long[][] first;
        final long[][] second;
        final long[][] both;
        final long[] perPattern;
        final long[][][] firstPerPattern;

        Counts(TokenPatterns table, int augDegree, long seed, boolean tagged) {
            int kk = table.locations();
            int n = table.vocab();
            first = new long[kk][n];
            second = new long[kk][n];
            both = new long[kk][n];
            perPattern = new long[table.count()];
            firstPerPattern = new long[table.count()][kk][n];
            int[] patternOfTag = new int[n];
            for (int z = 0; tagged && z < table.count(); z++) {
                patternOfTag[table.token(z, 0)] = z;
            }
            TokenPairGenerator gen = new TokenPairGenerator(table, augDegree, new SplittableRandom(seed));
            TokenPairBatch b = new TokenPairBatch(BATCH, kk);
            for (int drawn = 0; drawn < PAIRS; drawn += BATCH) {
                gen.next(b);
                for (int i = 0; i < BATCH; i++) {
                    int off = i * kk;
                    int z = tagged ? patternOfTag[b.view1()[off]] : 0;
                    perPattern[z]++;
                    for (int k = 0; k < kk; k++) {
                        int a1 = b.view1()[off + k];
                        int a2 = b.view2()[off + k];
                        first[k][a1]++;
                        second[k][a2]++;
                        firstPerPattern[z][k][a1]++;
                        if (a1 == a2) {
                            both[k][a1]++;
                        }
                    }
                }
            }
        }
    }

    private static void assertWithin(String what, int k, int a, double empirical, double exact, double se) {
        assertThat(empirical).as("%s of token %d at location %d (se %.2e)", what, a, k, se)
                .isCloseTo(exact, offset(SIGMAS * se + TOL_EXACT));
    }

    /** Frequency, invariance and pair covariance of every (k, a) against the counts. */
    private static void assertPairStatistics(TokenStatistics[][] s, Counts c) {
        for (int k = 0; k < s.length; k++) {
            for (int a = 0; a < s[k].length; a++) {
                double f = s[k][a].frequency();
                double j = s[k][a].pairCovariance() + f * f;
                assertWithin("frequency", k, a, (double) c.first[k][a] / PAIRS, f, Math.sqrt(f * (1 - f) / PAIRS));
                if (f == 0.0) {
                    assertThat(c.first[k][a]).isZero();
                } else {
                    double inv = s[k][a].invariance();
                    assertWithin("invariance", k, a, (double) c.both[k][a] / c.first[k][a], inv,
                            Math.sqrt(inv * (1 - inv) / (PAIRS * f)));
                }
                // Cov(I1, I2) from the sample; its variance is Var[(I1 − f)(I2 − f)]/N to first order
                double cov = (double) c.both[k][a] / PAIRS
                        - ((double) c.first[k][a] / PAIRS) * ((double) c.second[k][a] / PAIRS);
                double p11 = j;
                double p10 = f - j;
                double p00 = 1 - 2 * f + j;
                double fourth = p11 * Math.pow(1 - f, 4) + 2 * p10 * (1 - f) * (1 - f) * f * f + p00 * Math.pow(f, 4);
                double c2 = s[k][a].pairCovariance() * s[k][a].pairCovariance();
                assertWithin("pair covariance", k, a, cov, s[k][a].pairCovariance(), Math.sqrt((fourth - c2) / PAIRS));
            }
        }
    }

    /** m_z = P(x1_k = a | z), read off the table: 1 or 0 where z fixes k, 1/n where it is wild. */
    private static double conditional(TokenPatterns table, int z, int k, int a) {
        int t = table.token(z, k);
        return t < 0 ? 1.0 / table.vocab() : t == a ? 1.0 : 0.0;
    }

    @Test
    void belowEveryWildcardTheGeneratorMatchesTheClosedForms() {
        TokenPatterns table = TokenPatterns.explicit(TAGGED);
        TokenStatistics[][] s = TokenStatistics.of(table, TAGGED.augDegree());
        Counts c = new Counts(table, TAGGED.augDegree(), 21, true);
        assertPairStatistics(s, c);

        // Var_z of P̂(x1_k = a | z), less its sampling bias (1/G)(1 − 1/G) Σ_z v̂_z
        int g = table.count();
        for (int k = 0; k < table.locations(); k++) {
            for (int a = 0; a < table.vocab(); a++) {
                double[] p = new double[g];
                double mean = 0.0;
                for (int z = 0; z < g; z++) {
                    p[z] = (double) c.firstPerPattern[z][k][a] / c.perPattern[z];
                    mean += p[z] / g;
                }
                double spread = 0.0;
                double bias = 0.0;
                double firstOrder = 0.0;
                double secondOrder = 0.0;
                double exactMean = s[k][a].frequency();
                for (int z = 0; z < g; z++) {
                    spread += (p[z] - mean) * (p[z] - mean) / g;
                    bias += (1 - 1.0 / g) / g * p[z] * (1 - p[z]) / (c.perPattern[z] - 1);
                    double m = conditional(table, z, k, a);
                    double v = m * (1 - m) / c.perPattern[z];
                    firstOrder += 4.0 / (g * g) * (m - exactMean) * (m - exactMean) * v;
                    secondOrder += 2.0 / (g * g) * v * v;
                }
                assertWithin("discriminativeness", k, a, spread - bias, s[k][a].discriminativeness(),
                        Math.sqrt(firstOrder + secondOrder));
            }
        }

        // location 5 is wild everywhere: its tokens do not depend on z, yet the kept wildcards
        // give them pair covariance (1/G) Σ_z (1 − q_z)(1/n)(1 − 1/n) = (1/5)(7/6)(4/25)
        for (int a = 0; a < table.vocab(); a++) {
            assertThat(s[5][a].role()).isEqualTo(TokenRole.BACKGROUND);
            assertThat(s[5][a].discriminativeness()).isCloseTo(0.0, offset(TOL_EXACT));
            assertThat(s[5][a].pairCovariance()).isCloseTo(7.0 / 6 * 4 / 125, offset(TOL_EXACT));
        }
    }

    @Test
    void whenEveryWildcardIsRedrawnPairCovarianceIsDiscriminativeness() {
        TokenPatterns table = TokenPatterns.of(REDRAW_ALL, new SplittableRandom(3));
        TokenStatistics[][] s = TokenStatistics.of(table, REDRAW_ALL.augDegree());
        assertPairStatistics(s, new Counts(table, REDRAW_ALL.augDegree(), 22, false));
        int background = 0;
        for (int k = 0; k < table.locations(); k++) {
            for (int a = 0; a < table.vocab(); a++) {
                assertThat(s[k][a].pairCovariance()).as("token %d at location %d", a, k)
                        .isCloseTo(s[k][a].discriminativeness(), offset(TOL_EXACT));
                if (s[k][a].role() == TokenRole.BACKGROUND) {
                    background++;
                    assertThat(s[k][a].discriminativeness()).isGreaterThan(0.0);
                }
            }
        }
        assertThat(background).isGreaterThan(100);
    }
}
