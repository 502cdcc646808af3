package org.clsweep.jobs.export.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryResultTest {
    private final QueryResult table = new QueryResult(List.of("activation", "width", "mean", "share"), List.of(
            Arrays.asList("relu", 16, 5.75, List.of(0.125, 0.2)),
            Arrays.asList("linear <x>", 1, null, null)));

    @Test
    void readsValuesByColumnName() {
        assertThat(table.number(0, "mean")).isEqualTo(5.75);
        assertThat(table.number(1, "mean")).isNaN();
        assertThat(table.numbers(0, "share")).containsExactly(0.125, 0.2);
        assertThat(table.numbers(1, "share")).isEmpty();
        assertThat(table.text(0, "share")).isEqualTo("[0.125, 0.2]");
        assertThatThrownBy(() -> table.number(0, "nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no column nope");
        assertThatThrownBy(() -> table.number(0, "activation"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("column activation is not numeric");
    }

    @Test
    void plainTextIsAlignedWithoutTrailingSpaces() {
        assertThat(table.toPlainText()).isEqualTo("""
                activation  width  mean  share
                ----------  -----  ----  ------------
                relu        16     5.75  [0.125, 0.2]
                linear <x>  1""");
    }

    @Test
    void htmlEscapesCellsAndMarksNumbers() {
        assertThat(table.toHtml())
                .contains("<th>activation</th>")
                .contains("<td>linear &lt;x&gt;</td>")
                .contains("<td class=\"num\">5.75</td>");
    }

    @Test
    void multiLineTextShowsItsFirstLine() {
        assertThat(QueryResult.format("java.lang.IllegalStateException: x\n\tat a.B.c(B.java:1)\n\tat d"))
                .isEqualTo("java.lang.IllegalStateException: x … (2 more lines)");
    }

    @Test
    void headKeepsTheFirstRows() {
        assertThat(table.head(1).size()).isEqualTo(1);
        assertThat(table.head(5)).isSameAs(table);
    }

    @Test
    void rejectsRowsOfTheWrongLength() {
        assertThatThrownBy(() -> new QueryResult(List.of("a", "b"), List.of(Arrays.asList(1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row has 1 values for 2 columns");
    }
}
