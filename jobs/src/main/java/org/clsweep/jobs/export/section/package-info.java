/**
 * The notebook's sections, in notebook order: the overview, the runs left out, the one-layer
 * figures (distinct optima vs width, coverage vs the brute-force prediction, distinct optima vs
 * the leaky slope, basin probabilities), the two-layer figures (loc_all and loc_other_all vs β,
 * learning curves, token learning time), the per-cell table and the manifest. Each
 * {@link org.clsweep.jobs.export.section.NotebookSection} queries what it needs and returns its
 * cells, or a note saying why it was skipped. The figure sections share one skeleton,
 * {@link org.clsweep.jobs.export.section.FigureSection}: check the columns, run the query, draw
 * each series and check the predictions on it, and lay out the text and query cells.
 *
 * <p>Also here: how a section's text and query become cells, the splitting of a query's rows into
 * chart series, and the paper's predictions tested on those series (which prediction an
 * activation falls under, the points a check compares, the check's outcome).
 */
package org.clsweep.jobs.export.section;
