package org.clsweep.jobs.export.notebook;

/**
 * One cell of an exported notebook: prose ({@link MarkdownCell}) or a query with the outputs
 * clsweep computed for it ({@link CodeCell}).
 */
public sealed interface NotebookCell permits MarkdownCell, CodeCell {
}
