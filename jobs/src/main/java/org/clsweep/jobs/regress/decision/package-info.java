/**
 * The decision: each (cell, metric) compared with a two-sample test or exactly, p-values adjusted
 * over all comparisons, and the report record of the verdicts.
 */
package org.clsweep.jobs.regress.decision;
