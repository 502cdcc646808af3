/**
 * Per-cell samples of a sweep read back from its tables: the runs of each cell by metric, with the
 * cell coordinates on the grid axes.
 */
package org.clsweep.jobs.regress.results;
