package org.clsweep.jobs.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpecDiffTest {

    private static SweepSpec spec(String hocon) {
        return SpecParser.parseString(hocon, "test.conf", List.of());
    }

    @Test
    void namesEveryKeyThatDiffers() {
        SweepSpec a = spec("sweep { name = nightly, seeds = 2, width = 4, geometry { noise = 0.1, dim = 16 }, "
                + "grid { activation = [linear, relu] } }");
        SweepSpec b = spec("sweep { name = quickstart, seeds = 2, width = 4, geometry { noise = 0.2, dim = 16 }, "
                + "grid { activation = [relu] }, leaky_slope = 0.5 }");
        assertThat(SpecDiff.between(a, b)).extracting(SpecDiff.Difference::toString).containsExactly(
                "geometry.noise: 0.1 → 0.2",
                "grid.activation: [\"linear\",\"relu\"] → [\"relu\"]",
                "leaky_slope: 0.05 → 0.5",
                "name: \"nightly\" → \"quickstart\"");
    }

    @Test
    void numbersCompareByValueAsAJsonManifestWritesThem() {
        SweepSpec a = spec("sweep { name = n, seeds = 1, train { lr = 1.0, tol = 1e-9 }, grid { geometry.noise = [0.10, 2.0] } }");
        SweepSpec b = spec("sweep { name = n, seeds = 1, train { lr = 1, tol = 0.000000001 }, grid { geometry.noise = [0.1, 2] } }");
        assertThat(SpecDiff.between(a, b)).isEmpty();
        assertThat(SpecDiff.between(a, spec("sweep { name = n, seeds = 1, train { lr = 1.5, tol = 1e-9 }, "
                + "grid { geometry.noise = [0.1, 2] } }")))
                .extracting(SpecDiff.Difference::toString).containsExactly("train.lr: 1 → 1.5");
    }

    @Test
    void seedsAreADifferenceLikeAnyOther() {
        assertThat(SpecDiff.between(spec("sweep { name = n, seeds = 2 }"), spec("sweep { name = n, seeds = [1, 3] }")))
                .extracting(SpecDiff.Difference::toString).containsExactly("seeds: [1,2] → [1,3]");
        assertThat(SpecDiff.between(spec("sweep { name = n, seeds = 1000000 }"),
                spec("sweep { name = n, seeds = [7, { from = 10, to = 2000000 }] }")))
                .extracting(SpecDiff.Difference::toString).containsExactly("seeds: 1000000 → [7,10..2000000]");
    }

    @Test
    void anAxisOnOneSideOnlyIsAbsentOnTheOther() {
        SweepSpec a = spec("sweep { name = n, seeds = 1, grid { } }");
        SweepSpec b = spec("sweep { name = n, seeds = 1, grid { width = [1, 2] } }");
        assertThat(SpecDiff.between(a, b)).extracting(SpecDiff.Difference::toString)
                .containsExactly("grid.width: (absent) → [1,2]");
    }

    @Test
    void blocksCompareOneByOneAndTheirNumberAsAWhole() {
        String two = "sweep { name = n, seeds = 1, grid = [{ width = [1] }, { width = [%s] }] }";
        assertThat(SpecDiff.between(spec(String.format(two, "2")), spec(String.format(two, "3"))))
                .extracting(SpecDiff.Difference::toString).containsExactly("grid[1].width: [2] → [3]");
        assertThat(SpecDiff.between(spec(String.format(two, "2")), spec("sweep { name = n, seeds = 1, grid { } }")))
                .extracting(SpecDiff.Difference::toString).containsExactly("grid: 2 → 1");
    }
}
