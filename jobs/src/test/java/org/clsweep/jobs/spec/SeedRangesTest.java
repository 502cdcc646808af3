package org.clsweep.jobs.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SeedRangesTest {
    private static SeedRanges of(long... bounds) {
        long[] f = new long[bounds.length / 2];
        long[] l = new long[f.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = bounds[2 * i];
            l[i] = bounds[2 * i + 1];
        }
        return SeedRanges.union(f, l);
    }

    @Test
    void unionMergesOverlappingAndAdjacentRanges() {
        assertThat(of(10, 20, 1, 3, 4, 6, 15, 30, 40, 40)).hasToString("[1..6, 10..30, 40]");
        assertThat(of(10, 20, 1, 3, 4, 6, 15, 30, 40, 40).size()).isEqualTo(6 + 21 + 1);
        assertThat(of(Long.MAX_VALUE - 1, Long.MAX_VALUE, 0, Long.MAX_VALUE - 2)).hasToString("[0..9223372036854775807]");
        assertThat(of(Long.MAX_VALUE - 1, Long.MAX_VALUE, 0, Long.MAX_VALUE - 3)).hasToString("[0..9223372036854775804, 9223372036854775806..9223372036854775807]");
    }

    @Test
    void minusAndIntersectAgreeWithSetsOfSeeds() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int trial = 0; trial < 200; trial++) {
            SeedRanges a = random(rng);
            SeedRanges b = random(rng);
            TreeSet<Long> sa = expand(a);
            TreeSet<Long> sb = expand(b);
            TreeSet<Long> diff = new TreeSet<>(sa);
            diff.removeAll(sb);
            TreeSet<Long> both = new TreeSet<>(sa);
            both.retainAll(sb);
            assertThat(expand(a.minus(b))).isEqualTo(diff);
            assertThat(a.minus(b).size()).isEqualTo(diff.size());
            assertThat(expand(a.intersect(b))).isEqualTo(both);
            for (long s = -1; s <= 60; s++) {
                assertThat(a.contains(s)).isEqualTo(sa.contains(s));
            }
        }
    }

    private static SeedRanges random(SplittableRandom rng) {
        int n = rng.nextInt(6);
        long[] f = new long[n];
        long[] l = new long[n];
        for (int i = 0; i < n; i++) {
            f[i] = rng.nextInt(50);
            l[i] = f[i] + rng.nextInt(8);
        }
        return SeedRanges.union(f, l);
    }

    private static TreeSet<Long> expand(SeedRanges r) {
        TreeSet<Long> out = new TreeSet<>();
        for (int i = 0; i < r.rangeCount(); i++) {
            for (long s = r.first(i); s <= r.last(i); s++) {
                out.add(s);
            }
        }
        return out;
    }
}
