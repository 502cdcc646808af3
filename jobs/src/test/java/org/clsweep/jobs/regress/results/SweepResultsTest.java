package org.clsweep.jobs.regress.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.clsweep.jobs.regress.Cells;
import org.junit.jupiter.api.Test;

class SweepResultsTest {

    @Test
    void anAxisCanBeLeftOutWhileTheOthersTellTheCellsApart() {
        SweepResults r = Cells.sweep(
                Cells.at("mode", "population", "train.lr", "1.0", "width", "4").values("coverage", 0.5, 0.6),
                Cells.at("mode", "sgd", "train.lr", "0.05", "width", "4").values("coverage", 0.1, 0.2));
        SweepResults without = r.withoutAxes(List.of("train.lr"));
        assertThat(without.cells()).extracting(CellResults::label)
                .containsExactly("mode=population, width=4", "mode=sgd, width=4");
        assertThat(without.cells().get(1).metric("coverage").values()).containsExactly(0.1, 0.2);
        assertThat(without.source()).isEqualTo(r.source());
    }

    @Test
    void leavingOutAnAxisThatSeparatesCellsIsRefused() {
        SweepResults r = Cells.sweep(
                Cells.at("activation", "linear", "width", "4").values("coverage", 0.5, 0.6),
                Cells.at("activation", "relu", "width", "4").values("coverage", 0.1, 0.2));
        assertThat(r.withoutAxes(List.of("activation"))).isNull();
    }

    @Test
    void coordinatesMustBeDistinct() {
        assertThatThrownBy(() -> Cells.sweep(Cells.at("width", "4"), Cells.at("width", "4")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two cells share the coordinates width=4");
    }
}
