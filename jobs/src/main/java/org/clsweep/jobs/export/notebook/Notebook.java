package org.clsweep.jobs.export.notebook;

import java.util.List;
import java.util.Objects;

/**
 * An exported analysis notebook: a title and cells in reading order. Written as nbformat 4.5
 * JSON by {@link org.clsweep.jobs.export.NotebookJsonWriter} and as one HTML page by
 * {@link NotebookHtmlWriter}.
 *
 * @param title the page title (the HTML {@code <title>}; the first cell carries the visible heading)
 * @param cells the cells, in order
 */
public record Notebook(String title, List<NotebookCell> cells) {
    public Notebook {
        Objects.requireNonNull(title, "title");
        cells = List.copyOf(cells);
    }
}
