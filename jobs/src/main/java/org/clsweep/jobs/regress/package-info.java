/**
 * The nightly regression check: compare a sweep's per-cell metrics with a baseline sweep and
 * decide, per (cell, metric), whether the science moved. The engine ({@link
 * org.clsweep.jobs.regress.RegressionCheck}) is plain Java and knows no Spark; the readers and
 * writers around it are thin Spark adapters.
 *
 * @see org.clsweep.jobs.regress.stat
 */
package org.clsweep.jobs.regress;
