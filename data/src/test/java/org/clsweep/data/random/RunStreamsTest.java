package org.clsweep.data.random;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RunStreamsTest {

    @Test
    void sameSeedAndCellGiveTheSameStreams() {
        RunStreams a = RunStreams.of(7, 42);
        RunStreams b = RunStreams.of(7, 42);
        assertThat(a.init().nextLong()).isEqualTo(b.init().nextLong());
        assertThat(a.data().nextLong()).isEqualTo(b.data().nextLong());
        assertThat(a.eval().nextLong()).isEqualTo(b.eval().nextLong());
        assertThat(a.patterns().nextLong()).isEqualTo(b.patterns().nextLong());
    }

    @Test
    void eachCallStartsTheStreamAfresh() {
        RunStreams a = RunStreams.of(7, 42);
        assertThat(a.init().nextLong()).isEqualTo(a.init().nextLong());
    }

    @Test
    void namedStreamsSeedsAndCellsAreDistinct() {
        Set<Long> firsts = new HashSet<>();
        for (long seed = 1; seed <= 20; seed++) {
            for (long cell = 0; cell < 20; cell++) {
                RunStreams s = RunStreams.of(seed, cell);
                firsts.add(s.init().nextLong());
                firsts.add(s.data().nextLong());
                firsts.add(s.eval().nextLong());
            }
        }
        assertThat(firsts).hasSize(20 * 20 * 3);
    }

    @Test
    void patternsDependOnTheSeedOnlySoCellsShareThem() {
        assertThat(RunStreams.of(3, 1).patterns().nextLong()).isEqualTo(RunStreams.of(3, 99).patterns().nextLong());
        assertThat(RunStreams.of(3, 1).patterns().nextLong()).isNotEqualTo(RunStreams.of(4, 1).patterns().nextLong());
    }
}
