package org.clsweep.jobs.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.clsweep.data.spec.SpecKey;
import org.clsweep.jobs.spec.SpecParser;
import org.clsweep.jobs.spec.SweepSpec;
import org.junit.jupiter.api.Test;

class GridTest {

    private static SweepSpec parse(String body, String... sets) {
        return SpecParser.parseString("sweep {\n name = g\n seeds = 3\n" + body + "\n}", "grid.conf", List.of(sets));
    }

    @Test
    void noAxesIsOneCellOfTheBaseValues() {
        List<Cell> cells = Grid.expand(parse("width = 5"));
        assertThat(cells).hasSize(1);
        assertThat(cells.get(0).spec().width()).isEqualTo(5);
        assertThat(cells.get(0).point()).isEmpty();
        assertThat(cells.get(0).label()).isEqualTo("(no grid axes)");
    }

    @Test
    void cartesianProductInParameterOrderLastAxisFastest() {
        List<Cell> cells = Grid.expand(parse("grid { width = [1, 4, 16], activation = [linear, relu],"
                + " \"geometry.noise\" = [0.05, 0.2] }"));
        assertThat(cells).hasSize(12);
        assertThat(cells).extracting(Cell::index).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(cells).extracting(Cell::label).startsWith(
                "activation=linear, width=1, geometry.noise=0.05",
                "activation=linear, width=1, geometry.noise=0.2",
                "activation=linear, width=4, geometry.noise=0.05");
        assertThat(cells.get(11).label()).isEqualTo("activation=relu, width=16, geometry.noise=0.2");
        assertThat(cells.get(11).spec().geometry().noise()).isEqualTo(0.2);
        assertThat(cells.get(11).spec().width()).isEqualTo(16);
        assertThat(Grid.axes(parse("grid { width = [1], activation = [relu] }")))
                .containsExactly(SpecKey.ACTIVATION, SpecKey.WIDTH);
    }

    @Test
    void axisValuesKeepTheirListedOrder() {
        assertThat(Grid.expand(parse("grid { width = [16, 1, 4] }"))).extracting(c -> c.spec().width())
                .containsExactly(16, 1, 4);
    }

    @Test
    void blocksExpandInOrder() {
        List<Cell> cells = Grid.expand(parse("grid = [ { activation = [linear, relu] },"
                + " { activation = [leaky_relu], leaky_slope = [0.05, 0.2, 0.5] } ]", "grid.width=[1,2]"));
        assertThat(cells).hasSize(4 + 6);
        assertThat(cells).extracting(Cell::block).containsExactly(0, 0, 0, 0, 1, 1, 1, 1, 1, 1);
        assertThat(cells.get(4).label()).isEqualTo("activation=leaky_relu, leaky_slope=0.05, width=1");
        assertThat(cells.get(9).spec().leakySlope()).isEqualTo(0.5);
    }

    @Test
    void cellIdsAreStableDistinctAndIndependentOfHowTheGridIsWritten() {
        List<Cell> a = Grid.expand(parse("grid { width = [1, 4], activation = [linear, relu] }"));
        List<Cell> again = Grid.expand(parse("grid { width = [1, 4], activation = [linear, relu] }"));
        List<Cell> reordered = Grid.expand(parse("grid = [ { activation = [relu], width = [4, 1] },"
                + " { activation = [linear], width = [1, 4] } ]"));
        assertThat(a).extracting(Cell::cellId).containsExactlyElementsOf(again.stream().map(Cell::cellId).toList());
        assertThat(a).extracting(Cell::cellId).containsExactlyInAnyOrderElementsOf(
                reordered.stream().map(Cell::cellId).toList());
        Set<String> ids = new HashSet<>();
        a.forEach(c -> ids.add(c.cellId()));
        assertThat(ids).hasSize(4).allSatisfy(id -> assertThat(id).matches("[0-9a-f]{16}"));
    }

    @Test
    void aBaseValueChangesTheIdsOfEveryCell() {
        String before = Grid.expand(parse("grid { width = [1] }")).get(0).cellId();
        String after = Grid.expand(parse("grid { width = [1] }", "train.lr=0.5")).get(0).cellId();
        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void cellCountMatchesTheSpec() {
        SweepSpec s = parse("grid { width = [1, 2, 3], geometry { noise = [0.1, 0.2] } }");
        assertThat(Grid.expand(s)).hasSize((int) s.cellCount()).hasSize(6);
    }
}
