package org.clsweep.jobs.export.notebook;

import java.util.List;
import java.util.Objects;

/**
 * A code cell: Python source a reader can run (a DuckDB query), and the outputs clsweep computed
 * for the same query with Spark SQL (figures, tables). The cell is not executed by the export, so
 * it carries no execution count.
 *
 * @param source  the cell's source, lines separated by {@code \n}
 * @param outputs what the cell displays, in order
 */
public record CodeCell(String source, List<CellOutput> outputs) implements NotebookCell {
    public CodeCell {
        Objects.requireNonNull(source, "source");
        outputs = List.copyOf(outputs);
    }
}
