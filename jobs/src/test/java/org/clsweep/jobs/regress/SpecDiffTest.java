package org.clsweep.jobs.regress;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import org.junit.jupiter.api.Test;

class SpecDiffTest {

    private static ConfigObject sweep(String hocon) {
        return ConfigFactory.parseString(hocon).getObject("sweep");
    }

    @Test
    void seedsAndTheRegressBlockDoNotCount() {
        ConfigObject a = sweep("sweep { name = n, seeds = [1, 2], width = 4, regress { alpha = 0.01 } }");
        ConfigObject b = sweep("sweep { name = n, seeds = [1001, 1002], width = 4, regress { alpha = 0.05 } }");
        assertThat(SpecDiff.between(a, b)).isEmpty();
    }

    @Test
    void namesEveryKeyThatDiffers() {
        ConfigObject a = sweep("sweep { name = nightly, width = 4, geometry { noise = 0.1, dim = 16 }, "
                + "grid { activation = [linear, relu] } }");
        ConfigObject b = sweep("sweep { name = quickstart, width = 4, geometry { noise = 0.2, dim = 16 }, "
                + "grid { activation = [relu] }, leaky_slope = 0.5 }");
        assertThat(SpecDiff.between(a, b)).extracting(SpecDiff.Difference::toString).containsExactly(
                "geometry.noise: 0.1 → 0.2",
                "grid.activation: [\"linear\",\"relu\"] → [\"relu\"]",
                "leaky_slope: (absent) → 0.5",
                "name: \"nightly\" → \"quickstart\"");
    }

    @Test
    void numbersCompareByValueAsAJsonManifestWritesThem() {
        ConfigObject a = sweep("sweep { lr = 1.0, tol = 1e-9, grid { noise = [0.10, 2.0] } }");
        ConfigObject b = sweep("sweep { lr = 1, tol = 0.000000001, grid { noise = [0.1, 2] } }");
        assertThat(SpecDiff.between(a, b)).isEmpty();
        assertThat(SpecDiff.between(a, sweep("sweep { lr = 1.5, tol = 1e-9, grid { noise = [0.1, 2] } }")))
                .extracting(SpecDiff.Difference::toString).containsExactly("lr: 1 → 1.5");
    }

    @Test
    void anEmptyGridIsALeaf() {
        ConfigObject a = sweep("sweep { grid { } }");
        ConfigObject b = sweep("sweep { grid { width = [1, 2] } }");
        assertThat(SpecDiff.between(a, b)).extracting(SpecDiff.Difference::key).containsExactly("grid", "grid.width");
    }
}
