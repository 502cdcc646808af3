/**
 * Patterns read from data ({@code geometry.kind = dataset}, docs/dataset.md): which points a cell
 * selects, their normalisation and checksum, and the selections of a sweep by spec. No file
 * formats here: the readers live in {@code jobs} and hand over plain arrays.
 */
package org.clsweep.data.dataset;
