/**
 * The nightly regression check: compare a sweep's per-cell metrics with a baseline sweep and
 * decide, per (cell, metric), whether the science moved. {@link RegressDriver} runs it; the
 * sub-packages hold its settings, the baseline, the results read back, the decision (plain Java,
 * no Spark), the reports and the statistics.
 *
 * @see org.clsweep.jobs.regress.stat
 */
package org.clsweep.jobs.regress;
