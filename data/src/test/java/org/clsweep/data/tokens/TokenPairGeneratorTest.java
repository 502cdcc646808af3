package org.clsweep.data.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.clsweep.data.spec.TokenSpec;
import org.clsweep.dynamics.model.TokenPairBatch;
import org.junit.jupiter.api.Test;

class TokenPairGeneratorTest {
    private static final int K = 10;

    private static TokenPatterns table(int vocab) {
        return TokenPatterns.random(new TokenSpec(vocab, K, 5, 6, 4, 3, 0, 1.0, List.of(), false), new SplittableRandom(5));
    }

    /** The patterns consistent with view 1 of sample i (view 1 carries all their fixed tokens). */
    private static boolean consistent(TokenPatterns t, int g, int[] v, int off) {
        for (int k = 0; k < K; k++) {
            int a = t.token(g, k);
            if (a >= 0 && v[off + k] != a) {
                return false;
            }
        }
        return true;
    }

    @Test
    void viewTwoDiffersFromViewOneOnlyInAugDegreeWildcardSlots() {
        // a large vocabulary makes a redraw repeat the old token rarely (1/1000), so the number of
        // changed slots is aug_degree almost always, and never more
        TokenPatterns t = table(1000);
        TokenPairGenerator gen = new TokenPairGenerator(t, 3, new SplittableRandom(6));
        TokenPairBatch b = new TokenPairBatch(500, K);
        gen.next(b);
        int exactlyAug = 0;
        for (int i = 0; i < 500; i++) {
            int off = i * K;
            boolean explained = false;
            for (int g = 0; g < t.count(); g++) {
                if (!consistent(t, g, b.view1(), off)) {
                    continue;
                }
                boolean ok = true;
                for (int k = 0; k < K; k++) {
                    if (t.token(g, k) >= 0 && b.view2()[off + k] != t.token(g, k)) {
                        ok = false;
                    }
                }
                explained |= ok;
            }
            assertThat(explained).as("sample %d follows a pattern in both views", i).isTrue();
            int changed = 0;
            for (int k = 0; k < K; k++) {
                if (b.view1()[off + k] != b.view2()[off + k]) {
                    changed++;
                }
            }
            assertThat(changed).isLessThanOrEqualTo(3);
            if (changed == 3) {
                exactlyAug++;
            }
        }
        assertThat(exactlyAug).isGreaterThanOrEqualTo(490);
    }

    @Test
    void wildcardsAreFilledFromTheWholeVocabulary() {
        TokenPatterns t = table(20);
        TokenPairGenerator gen = new TokenPairGenerator(t, 3, new SplittableRandom(7));
        TokenPairBatch b = new TokenPairBatch(2000, K);
        gen.next(b);
        int[][] seen = new int[K][20];
        for (int i = 0; i < 2000; i++) {
            for (int k = 0; k < K; k++) {
                seen[k][b.view1()[i * K + k]]++;
            }
        }
        for (int k = 0; k < K; k++) {
            for (int a = 0; a < 20; a++) {
                assertThat(seen[k][a]).as("token %d at location %d", a, k).isGreaterThan(0);
            }
        }
    }

    @Test
    void patternsArePickedUniformly() {
        // explicit patterns with disjoint fixed tokens make the pattern of a sample identifiable
        TokenSpec s = new TokenSpec(26, 4, 1, 1, 1, 2, 0, 1.0, List.of("AB**", "**CD", "E**F"), false);
        TokenPatterns t = TokenPatterns.of(s, new SplittableRandom(1));
        TokenPairBatch b = new TokenPairBatch(3000, 4);
        new TokenPairGenerator(t, 2, new SplittableRandom(8)).next(b);
        int[] count = new int[3];
        for (int i = 0; i < 3000; i++) {
            int[] v = b.view1();
            int[] w = b.view2();
            if (v[i * 4] == 0 && v[i * 4 + 1] == 1 && w[i * 4] == 0 && w[i * 4 + 1] == 1) {
                count[0]++;
            }
            if (v[i * 4 + 2] == 2 && v[i * 4 + 3] == 3 && w[i * 4 + 2] == 2 && w[i * 4 + 3] == 3) {
                count[1]++;
            }
            if (v[i * 4] == 4 && v[i * 4 + 3] == 5 && w[i * 4] == 4 && w[i * 4 + 3] == 5) {
                count[2]++;
            }
        }
        for (int c : count) {
            assertThat(c).isBetween(1000 - 130, 1000 + 130 + 20); // ±5σ, plus chance matches (≈ 1/676 each)
        }
    }

    @Test
    void theSameSeedGivesTheSameBatches() {
        TokenPatterns t = table(20);
        TokenPairBatch a = new TokenPairBatch(64, K);
        TokenPairBatch b = new TokenPairBatch(64, K);
        TokenPairBatch c = new TokenPairBatch(64, K);
        TokenPairGenerator ga = new TokenPairGenerator(t, 3, new SplittableRandom(11));
        TokenPairGenerator gb = new TokenPairGenerator(t, 3, new SplittableRandom(11));
        TokenPairGenerator gc = new TokenPairGenerator(t, 3, new SplittableRandom(12));
        for (int step = 0; step < 3; step++) {
            ga.next(a);
            gb.next(b);
            gc.next(c);
            assertThat(a.view1()).isEqualTo(b.view1());
            assertThat(a.view2()).isEqualTo(b.view2());
            assertThat(a.view1()).isNotEqualTo(c.view1());
        }
    }
}
