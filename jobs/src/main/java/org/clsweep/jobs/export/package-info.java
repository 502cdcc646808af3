/**
 * {@code clsweep export OUT --to DIR}: turns a sweep's Parquet outputs into an analysis notebook
 * (nbformat 4.5, {@code .ipynb}) and a self-contained HTML page of the same content.
 *
 * <p>Every table and figure comes from one SQL query, run through Spark SQL on the sweep's tables
 * registered as temporary views, and shown in the notebook in the DuckDB form a reader can run
 * ({@code read_parquet('OUT/aggregates/*.parquet')}). Figures are rendered headless with
 * JFreeChart and embedded as PNG. Each figure's text states what the paper predicts and whether
 * the data shows it, computed from the query's result.
 *
 * <p>The pieces: the notebook model ({@link org.clsweep.jobs.export.Notebook},
 * {@link org.clsweep.jobs.export.Markdown}, {@link org.clsweep.jobs.export.CellOutput}) and its two
 * writers; the data access ({@link org.clsweep.jobs.export.SweepTables},
 * {@link org.clsweep.jobs.export.SweepSchema}, {@link org.clsweep.jobs.export.SqlQuery}); the
 * chart ({@link org.clsweep.jobs.export.ErrorBarChart}); one class per notebook section; and the
 * entry point {@link org.clsweep.jobs.export.NotebookExport}.
 */
package org.clsweep.jobs.export;
