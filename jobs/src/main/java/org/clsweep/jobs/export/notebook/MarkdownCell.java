package org.clsweep.jobs.export.notebook;

import java.util.Objects;

/**
 * A markdown cell.
 *
 * @param text the cell's document
 */
public record MarkdownCell(Markdown text) implements NotebookCell {
    public MarkdownCell {
        Objects.requireNonNull(text, "text");
    }
}
