package org.clsweep.jobs.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.clsweep.data.spec.RunSpec;
import org.clsweep.data.spec.SpecKey;
import org.clsweep.dynamics.activation.Activation;
import org.junit.jupiter.api.Test;

class SpecParserTest {

    static SweepSpec parse(String body, String... sets) {
        return SpecParser.parseString("sweep {\n name = t\n seeds = 2\n" + body + "\n}", "test.conf", List.of(sets));
    }

    static List<GridAxis> axes(SweepSpec s) {
        return s.grid().get(0).axes();
    }

    @Test
    void minimalSpecTakesEveryOtherValueFromTheDefaults() {
        SweepSpec s = parse("");
        assertThat(s.name()).isEqualTo("t");
        assertThat(s.seeds()).containsExactly(1L, 2L);
        assertThat(s.grid()).hasSize(1);
        assertThat(axes(s)).isEmpty();
        RunSpec r = s.base().toRunSpec();
        assertThat(r.activation()).isEqualTo(Activation.RELU);
        assertThat(r.width()).isEqualTo(8);
        assertThat(r.geometry().patterns()).isEqualTo(6);
        assertThat(r.train().tol()).isEqualTo(1e-9);
        assertThat(r.tokens().explicitPatterns()).isEmpty();
        assertThat(r.analysis().sameOptimumCosine()).isEqualTo(0.9999);
    }

    @Test
    void seedsAreAListOrACount() {
        assertThat(parse("seeds = [7, 3, 11]").seeds()).containsExactly(7L, 3L, 11L);
        assertThat(parse("seeds = 4").seeds()).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void fileValuesOverrideDefaultsAndAreTyped() {
        SweepSpec s = parse("activation = LEAKY_RELU\nleaky_slope = 0\ngeometry { noise = 1, kind = random }");
        assertThat(s.base().get(SpecKey.ACTIVATION)).isEqualTo("leaky_relu");
        assertThat(s.base().get(SpecKey.LEAKY_SLOPE)).isEqualTo(0.0);
        assertThat(s.base().get(SpecKey.GEOMETRY_NOISE)).isEqualTo(1.0);
        assertThat(s.base().get(SpecKey.GEOMETRY_KIND)).isEqualTo("random");
    }

    @Test
    void quotedAndNestedGridKeysNameTheSameAxis() {
        SweepSpec quoted = parse("grid { \"geometry.noise\" = [0.05, 0.2], width = [1, 4] }");
        SweepSpec nested = parse("grid { geometry { noise = [0.05, 0.2] }, width = [1, 4] }");
        assertThat(quoted).isEqualTo(nested);
        assertThat(quoted.hash()).isEqualTo(nested.hash());
        assertThat(axes(quoted)).extracting(GridAxis::parameter)
                .containsExactly(SpecKey.WIDTH, SpecKey.GEOMETRY_NOISE);
        assertThat(axes(quoted).get(1).values()).containsExactly(0.05, 0.2);
    }

    @Test
    void quotedDottedKeysOutsideTheGridAreNestedToo() {
        assertThat(parse("\"geometry.noise\" = 0.3").base().get(SpecKey.GEOMETRY_NOISE)).isEqualTo(0.3);
    }

    @Test
    void setOverridesFileAndDefaultsLaterSetWins() {
        SweepSpec s = parse("width = 2", "width=4", "train.lr=0.5", "width = 16", "geometry { dim = 32 }");
        assertThat(s.base().get(SpecKey.WIDTH)).isEqualTo(16);
        assertThat(s.base().get(SpecKey.TRAIN_LR)).isEqualTo(0.5);
        assertThat(s.base().get(SpecKey.GEOMETRY_DIM)).isEqualTo(32);
    }

    @Test
    void setAcceptsKeysWithTheSweepPrefix() {
        assertThat(parse("", "sweep.width=3").base().get(SpecKey.WIDTH)).isEqualTo(3);
    }

    @Test
    void setGridAxisAddsOrReplacesAnAxisInEitherSpelling() {
        SweepSpec s = parse("grid { \"geometry.noise\" = [0.05, 0.2], width = [1, 4] }",
                "grid.width=[1,2]", "grid.geometry.noise=[0.3]", "grid.activation=[linear, relu]");
        assertThat(axes(s)).containsExactly(
                new GridAxis(SpecKey.ACTIVATION, List.of("linear", "relu")),
                new GridAxis(SpecKey.WIDTH, List.of(1, 2)),
                new GridAxis(SpecKey.GEOMETRY_NOISE, List.of(0.3)));
    }

    @Test
    void setOfAParameterPinsItAndRemovesItsAxis() {
        SweepSpec s = parse("grid { width = [1, 4], \"geometry.noise\" = [0.1, 0.2] }", "width=4", "geometry.noise=0.3");
        assertThat(axes(s)).isEmpty();
        assertThat(s.base().get(SpecKey.WIDTH)).isEqualTo(4);
        assertThat(s.base().get(SpecKey.GEOMETRY_NOISE)).isEqualTo(0.3);
    }

    @Test
    void setEmptyGridRemovesEveryAxis() {
        assertThat(axes(parse("grid { width = [1, 4] }", "grid={}"))).isEmpty();
    }

    @Test
    void gridMayBeAListOfBlocksAndSetAppliesToEachBlock() {
        SweepSpec s = parse("grid = [ { activation = [linear, relu] },"
                + " { activation = [leaky_relu], leaky_slope = [0.05, 0.5] } ]", "grid.width=[1,2]");
        assertThat(s.grid()).hasSize(2);
        assertThat(s.grid().get(0).axes()).containsExactly(
                new GridAxis(SpecKey.ACTIVATION, List.of("linear", "relu")),
                new GridAxis(SpecKey.WIDTH, List.of(1, 2)));
        assertThat(s.grid().get(1).axes()).containsExactly(
                new GridAxis(SpecKey.ACTIVATION, List.of("leaky_relu")),
                new GridAxis(SpecKey.LEAKY_SLOPE, List.of(0.05, 0.5)),
                new GridAxis(SpecKey.WIDTH, List.of(1, 2)));
        assertThat(s.cellCount()).isEqualTo(4 + 4);
    }

    @Test
    void canonicalRenderingParsesBackToTheSameSpecAndHash() {
        SweepSpec s = parse("grid = [ { activation = [linear, relu], \"geometry.noise\" = [0.1] },"
                + " { width = [3] } ]\ntokens { explicit_patterns = [\"AB********\", \"**CD******\"] }");
        SweepSpec back = SpecParser.parseString(s.render(), "rendered", List.of());
        assertThat(back).isEqualTo(s);
        assertThat(back.hash()).isEqualTo(s.hash()).hasSize(64);
    }

    @Test
    void hashDependsOnValuesNotOnHowTheFileIsWritten() {
        SweepSpec a = parse("width = 4\ntrain { lr = 0.5 }\ngrid { width = [1, 2] }");
        SweepSpec b = parse("grid { width = [1, 2] }\n\"train.lr\" = 0.50\nwidth = 4");
        assertThat(a.hash()).isEqualTo(b.hash());
        assertThat(parse("width = 5\ntrain { lr = 0.5 }\ngrid { width = [1, 2] }").hash()).isNotEqualTo(a.hash());
        assertThat(parse("width = 4\ntrain { lr = 0.5 }\ngrid { width = [2, 1] }").hash()).isNotEqualTo(a.hash());
    }

    @Test
    void everyParameterHasAColumnAndDefaults() {
        for (SpecKey p : SpecKey.values()) {
            assertThat(p.column()).doesNotContain(".");
            assertThat(parse("").base().get(p)).as(p.key()).isNotNull();
            assertThat(SpecKey.byKey(p.key())).contains(p);
        }
    }
}
