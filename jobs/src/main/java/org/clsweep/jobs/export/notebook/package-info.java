/**
 * The exported notebook as a document: a {@link org.clsweep.jobs.export.notebook.Notebook} of
 * markdown and code cells, the outputs of a code cell by MIME type
 * ({@link org.clsweep.jobs.export.notebook.CellOutput}), the small markdown dialect the cells are
 * written in ({@link org.clsweep.jobs.export.notebook.Markdown}), and the writer of the notebook as
 * one self-contained HTML page ({@link org.clsweep.jobs.export.notebook.NotebookHtmlWriter}). It
 * knows nothing of sweeps, queries or charts.
 */
package org.clsweep.jobs.export.notebook;
