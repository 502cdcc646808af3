package org.clsweep.jobs.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.clsweep.jobs.spec.SpecDiff;
import org.clsweep.jobs.spec.SpecParser;
import org.clsweep.jobs.spec.SweepSpec;
import org.junit.jupiter.api.Test;

/** Which spec changes extend a sweep in place and which conflict with it, and how they are named. */
class SpecChangeTest {
    private static final String BASE = "sweep { name = s, seeds = [1, 2], train { lr = 0.5 },"
            + " grid { activation = [linear, relu], width = [1, 4] } }";

    private static SweepSpec spec(String... sets) {
        return SpecParser.parseString(BASE, "s.conf", List.of(sets));
    }

    private static SpecChange change(String... sets) {
        return SpecChange.between(spec(), spec(sets));
    }

    @Test
    void sameSpec() {
        assertThat(change().kind()).isEqualTo(SpecChange.Kind.SAME);
        assertThat(change("seeds=[1, 2]").kind()).isEqualTo(SpecChange.Kind.SAME);
    }

    @Test
    void addedSeedsExtend() {
        SpecChange c = change("seeds=[1, 2, 3, 4]");
        assertThat(c.kind()).isEqualTo(SpecChange.Kind.EXTENSION);
        assertThat(c.addedRuns()).isEqualTo(8);
        assertThat(c.keys()).containsExactly("seeds (+3, 4)");
        assertThat(change("seeds=4").kind()).isEqualTo(SpecChange.Kind.EXTENSION);
    }

    @Test
    void addedGridValuesAndBlocksExtend() {
        SpecChange c = change("grid.width=[1, 4, 16]");
        assertThat(c.kind()).isEqualTo(SpecChange.Kind.EXTENSION);
        assertThat(c.addedRuns()).isEqualTo(4);
        assertThat(c.keys()).containsExactly("grid.width (+16)");
        SpecChange both = change("grid.width=[1, 4, 16]", "seeds=3");
        assertThat(both.addedRuns()).isEqualTo(6 * 3 - 4 * 2);
        assertThat(both.keys()).containsExactly("grid.width (+16)", "seeds (+3)");
        SpecChange block = change("grid=[{activation = [linear, relu], width = [1, 4]}, {activation = [leaky_relu],"
                + " leaky_slope = [0.1, 0.2], width = [4]}]");
        assertThat(block.kind()).isEqualTo(SpecChange.Kind.EXTENSION);
        assertThat(block.addedRuns()).isEqualTo(4);
        assertThat(block.keys()).containsExactly("grid (1 block → 2 blocks)");
    }

    @Test
    void aNewAxisThroughTheBaseValueExtends() {
        // width 8 is the base value: a width axis holding 8 keeps the old cells and adds the others
        SweepSpec held = SpecParser.parseString("sweep { name = s, seeds = 2, width = 8 }", "s.conf", List.of());
        SweepSpec wanted = SpecParser.parseString("sweep { name = s, seeds = 2, width = 8, grid { width = [8, 16] } }",
                "s.conf", List.of());
        SpecChange c = SpecChange.between(held, wanted);
        assertThat(c.kind()).isEqualTo(SpecChange.Kind.EXTENSION);
        assertThat(c.addedRuns()).isEqualTo(2);
    }

    @Test
    void aBaseValueEveryBlockOverridesChangesNoRun() {
        SpecChange c = change("train.lr=0.25", "grid.train.lr=[0.5]");
        assertThat(c.kind()).isEqualTo(SpecChange.Kind.EXTENSION);
        assertThat(c.addedRuns()).isZero();
        assertThat(c.keys()).containsExactly("grid.train.lr (absent → [0.5])", "train.lr (0.5 → 0.25)");
    }

    @Test
    void changedBaseValueConflicts() {
        SpecChange c = change("train.lr=0.25");
        assertThat(c.kind()).isEqualTo(SpecChange.Kind.CONFLICT);
        assertThat(c.dropped()).isEqualTo(8);
        assertThat(c.keys()).containsExactly("train.lr (0.5 → 0.25)");
    }

    @Test
    void droppedSeedsOrValuesConflict() {
        SpecChange seeds = change("seeds=[2, 3]");
        assertThat(seeds.kind()).isEqualTo(SpecChange.Kind.CONFLICT);
        assertThat(seeds.dropped()).isEqualTo(4);
        assertThat(seeds.keys()).containsExactly("seeds (+3; -1)");
        SpecChange width = change("grid.width=[1]");
        assertThat(width.kind()).isEqualTo(SpecChange.Kind.CONFLICT);
        assertThat(width.keys()).containsExactly("grid.width (-4)");
    }

    @Test
    void anotherNameConflicts() {
        SpecChange c = change("name=t");
        assertThat(c.kind()).isEqualTo(SpecChange.Kind.CONFLICT);
        assertThat(c.keys()).containsExactly("name (\"s\" → \"t\")");
    }

    @Test
    void differingKeysNamesChangedAndAddedKeys() {
        assertThat(SpecDiff.between(spec(), spec("train.lr=0.4", "grid.width=[1,3]")))
                .extracting(SpecDiff.Difference::key).containsExactly("grid.width", "train.lr");
        assertThat(SpecDiff.between(spec(), spec())).isEmpty();
    }
}
