package org.clsweep.jobs.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.clsweep.data.spec.SpecException;
import org.junit.jupiter.api.Test;

class SeedsTest {
    private static SweepSpec spec(String seeds) {
        return SpecParser.parseString("sweep { name = s, seeds = " + seeds + " }", "seeds-test", List.of());
    }

    @Test
    void theHashDoesNotDependOnHowTheSeedsAreWritten() {
        String hash = spec("[1, 2, 3, 4, 5]").hash();
        assertThat(spec("5").hash()).isEqualTo(hash);
        assertThat(spec("{ from = 1, to = 5 }").hash()).isEqualTo(hash);
        assertThat(spec("[1, 2, { from = 3, to = 5 }]").hash()).isEqualTo(hash);
        assertThat(spec("[2, 1, 3, 4, 5]").hash()).as("order is part of the spec").isNotEqualTo(hash);
    }

    @Test
    void theHashIsTheSha256OfTheSpecWithEverySeedWrittenOut() throws Exception {
        for (String seeds : List.of("1", "5", "[2, 1, 3, 4, 5]", "[-7, 0, { from = 3, to = 30000 }, 9000000000]",
                "250000")) {
            SweepSpec s = spec(seeds);
            byte[] h = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.hashedJson().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(s.hash()).as(seeds).isEqualTo(java.util.HexFormat.of().formatHex(h));
        }
    }

    @Test
    void theManifestFormIsCompactAndParsesBackToTheSameSpec() {
        SweepSpec million = spec("1000000");
        assertThat(million.canonicalJson()).contains("\"seeds\":1000000").hasSizeLessThan(4096);
        SweepSpec mixed = spec("[9, 7, { from = 100, to = 199 }, 200, 5000000]");
        assertThat(mixed.seeds().compact()).hasToString("[9, 7, {from=100, to=200}, 5000000]");
        SweepSpec back = SpecParser.parseString(mixed.canonicalJson(), "manifest", List.of());
        assertThat(back.seeds()).isEqualTo(mixed.seeds());
        assertThat(back.hash()).isEqualTo(mixed.hash());
    }

    @Test
    void aListIsHeldAsRunsOfConsecutiveSeeds() {
        Seeds s = spec("[{ from = 10, to = 1000009 }, 3, 4]").seeds();
        assertThat(s.count()).isEqualTo(1_000_002);
        assertThat(s.runCount()).isEqualTo(2);
        assertThat(s.get(0)).isEqualTo(10L);
        assertThat(s.get(999_999)).isEqualTo(1_000_009L);
        assertThat(s.get(1_000_000)).isEqualTo(3L);
        assertThat(s.get(1_000_001)).isEqualTo(4L);
        assertThat(s.contains(4L)).isTrue();
        assertThat(s.contains(5L)).isFalse();
        assertThat(s.sorted()).hasToString("[3..4, 10..1000009]");
        List<Long> walked = new ArrayList<>(spec("[5, 1, 2]").seeds());
        assertThat(walked).containsExactly(5L, 1L, 2L);
    }

    @Test
    void badSeedsAreRefusedNamingTheProblem() {
        assertThatThrownBy(() -> spec("[1, { from = 0, to = 3 }]")).isInstanceOf(SpecException.class)
                .hasMessageContaining("seeds lists 1 twice");
        assertThatThrownBy(() -> spec("{ from = 5, to = 4 }")).isInstanceOf(SpecException.class)
                .hasMessageContaining("empty range 5..4");
        assertThatThrownBy(() -> spec("{ from = 1, until = 4 }")).isInstanceOf(SpecException.class)
                .hasMessageContaining("must be a range { from = a, to = b }");
        assertThatThrownBy(() -> spec("[1, \"x\"]")).isInstanceOf(SpecException.class)
                .hasMessageContaining("seeds[1] must be an integer or a range");
        assertThatThrownBy(() -> spec("200000000")).isInstanceOf(SpecException.class)
                .hasMessageContaining("seeds as a count must be in [1, 100000000]");
        assertThatThrownBy(() -> spec("{ from = 1, to = 100000001 }")).isInstanceOf(SpecException.class)
                .hasMessageContaining("at most 100000000");
    }

    @Test
    void shiftingMovesEveryRun() {
        Seeds s = spec("[{ from = 1, to = 10 }, 20]").seeds().shifted(100);
        assertThat(s.sorted()).hasToString("[101..110, 120]");
    }
}
