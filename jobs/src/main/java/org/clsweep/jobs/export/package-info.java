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
 * <p>This package holds the entry point {@link org.clsweep.jobs.export.NotebookExport}, which runs
 * the sections in order over one {@link org.clsweep.jobs.export.ExportContext} and writes the files,
 * and the {@code .ipynb} writer {@link org.clsweep.jobs.export.NotebookJsonWriter}. The parts:
 *
 * <pre>
 *   notebook   the notebook model (cells, outputs, markdown) and its HTML writer
 *   query      the sweep's tables, the output schema, the grid axes, SQL statements and their results
 *   chart      the error-bar chart and the numbered figures rendered from it
 *   section    the notebook's sections: what each queries, draws and checks
 * </pre>
 */
package org.clsweep.jobs.export;
