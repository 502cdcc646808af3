package org.clsweep.data.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.clsweep.data.testing.Tolerances.TOL_EXACT;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.clsweep.data.spec.SpecException;
import org.clsweep.data.spec.TokenSpec;
import org.clsweep.dynamics.model.TokenEmbedding;
import org.junit.jupiter.api.Test;

class TokenPatternsTest {
    static TokenSpec spec(int vocab, int locations, int perLocation, int patterns, int len, int aug) {
        return new TokenSpec(vocab, locations, perLocation, patterns, len, aug, 0, 1.0, List.of(), false);
    }

    @Test
    void everyLocationAllowsPDistinctTokensOfTheVocabulary() {
        TokenPatterns t = TokenPatterns.random(spec(20, 10, 5, 40, 5, 5), new SplittableRandom(1));
        for (int k = 0; k < 10; k++) {
            int[] allowed = t.allowed(k);
            assertThat(allowed).hasSize(5).doesNotHaveDuplicates();
            for (int a : allowed) {
                assertThat(a).isBetween(0, 19);
            }
        }
    }

    @Test
    void everyPatternFixesLDistinctLocationsWithAnAllowedToken() {
        TokenPatterns t = TokenPatterns.random(spec(20, 10, 5, 40, 5, 5), new SplittableRandom(2));
        assertThat(t.count()).isEqualTo(40);
        int[][] usage = t.usageTable();
        int[][] recount = new int[10][20];
        for (int g = 0; g < 40; g++) {
            int fixed = 0;
            for (int k = 0; k < 10; k++) {
                int a = t.token(g, k);
                if (a >= 0) {
                    fixed++;
                    assertThat(t.allowed(k)).contains(a);
                    recount[k][a]++;
                } else {
                    assertThat(a).isEqualTo(-1);
                }
            }
            assertThat(fixed).isEqualTo(5);
        }
        assertThat(usage).isDeepEqualTo(recount);
    }

    @Test
    void patternLocationsAndTokensAreSpreadUniformly() {
        // 4000 patterns of length 3 over 6 locations: each location is fixed with probability 1/2,
        // each allowed token with probability 1/P given the location.
        TokenPatterns t = TokenPatterns.random(spec(12, 6, 3, 4000, 3, 0), new SplittableRandom(3));
        for (int k = 0; k < 6; k++) {
            int fixed = 0;
            for (int a : t.allowed(k)) {
                fixed += t.usage(k, a);
            }
            assertThat(fixed).isBetween(2000 - 150, 2000 + 150); // ±4.7σ
            for (int a : t.allowed(k)) {
                assertThat(t.usage(k, a)).isBetween(fixed / 3 - 120, fixed / 3 + 120);
            }
        }
    }

    @Test
    void theSameStreamGivesTheSameTable() {
        TokenSpec s = spec(20, 10, 5, 40, 5, 5);
        assertThat(TokenPatterns.random(s, new SplittableRandom(9)).toString())
                .isEqualTo(TokenPatterns.random(s, new SplittableRandom(9)).toString())
                .isNotEqualTo(TokenPatterns.random(s, new SplittableRandom(10)).toString());
    }

    @Test
    void explicitPatternsUseTheReferenceFormat() {
        TokenSpec s = new TokenSpec(8, 5, 2, 1, 1, 2, 0, 1.0, List.of("AB***-*BC**", " **CDE "), false);
        TokenPatterns t = TokenPatterns.of(s, new SplittableRandom(1));
        assertThat(t.count()).isEqualTo(3);
        assertThat(t.toString()).isEqualTo("AB***-*BC**-**CDE");
        assertThat(t.token(0, 0)).isEqualTo(0);
        assertThat(t.token(0, 2)).isEqualTo(-1);
        assertThat(t.token(2, 4)).isEqualTo(4);
        assertThat(t.usage(1, 1)).isEqualTo(2);
        assertThat(t.allowed(2)).containsExactly(2);
        assertThat(t.allowed(1)).containsExactly(1);
    }

    @Test
    void badExplicitPatternsAreRejectedNamingTheKey() {
        assertThatThrownBy(() -> new TokenSpec(8, 5, 2, 1, 1, 0, 0, 1.0, List.of("AB**"), false))
                .isInstanceOf(SpecException.class).hasMessageContaining("tokens.explicit_patterns")
                .hasMessageContaining("'AB**' has 4 symbols");
        assertThatThrownBy(() -> new TokenSpec(3, 5, 2, 1, 1, 0, 0, 1.0, List.of("AD***"), false))
                .isInstanceOf(SpecException.class).hasMessageContaining("tokens.vocab = 3");
        assertThatThrownBy(() -> new TokenSpec(8, 5, 2, 1, 1, 0, 0, 1.0, List.of("Ab***"), false))
                .isInstanceOf(SpecException.class).hasMessageContaining("symbol 'b'");
        assertThatThrownBy(() -> new TokenSpec(8, 5, 2, 1, 1, 0, 0, 1.0, List.of("*****"), false))
                .isInstanceOf(SpecException.class).hasMessageContaining("fixes no location");
        assertThatThrownBy(() -> new TokenSpec(8, 5, 2, 1, 1, 3, 0, 1.0, List.of("ABC**"), false))
                .isInstanceOf(SpecException.class).hasMessageContaining("fewer than tokens.aug_degree = 3");
        assertThatThrownBy(() -> new TokenSpec(8, 5, 2, 1, 1, 0, 0, 1.0, List.of("AB***-"), false))
                .isInstanceOf(SpecException.class).hasMessageContaining("has 0 symbols");
    }

    @Test
    void magnitudesSplitTheVocabularyInHalves() {
        TokenEmbedding e = TokenEmbeddings.of(new TokenSpec(5, 3, 2, 2, 1, 0, 0, 2.0, List.of(), false), new SplittableRandom(1));
        assertThat(e.isOneHot()).isTrue();
        assertThat(new double[] {e.magnitude(0), e.magnitude(1), e.magnitude(2), e.magnitude(3), e.magnitude(4)})
                .containsExactly(0.5, 0.5, 2.0, 2.0, 2.0);
    }

    @Test
    void randomEmbeddingsAreUnitVectorsFromTheStream() {
        TokenSpec s = new TokenSpec(20, 3, 2, 2, 1, 0, 6, 1.0, List.of(), false);
        TokenEmbedding e = TokenEmbeddings.of(s, new SplittableRandom(4));
        TokenEmbedding again = TokenEmbeddings.of(s, new SplittableRandom(4));
        assertThat(e.isOneHot()).isFalse();
        assertThat(e.dim()).isEqualTo(6);
        Set<Double> firstComponents = new HashSet<>();
        for (int a = 0; a < 20; a++) {
            double norm = 0.0;
            for (int i = 0; i < 6; i++) {
                norm += e.direction(i, a) * e.direction(i, a);
                assertThat(e.direction(i, a)).isEqualTo(again.direction(i, a));
            }
            assertThat(norm).isCloseTo(1.0, offset(TOL_EXACT));
            firstComponents.add(e.direction(0, a));
        }
        assertThat(firstComponents).hasSize(20);
    }
}
