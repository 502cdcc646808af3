/**
 * The statistics of the regression check, in plain Java: the log-gamma function, the regularized
 * incomplete beta function, Student's t distribution, Welch's two-sample t-test, Fisher's exact
 * test for a rise in a failure count, and the multiple-testing adjustments that keep the
 * false-alarm budget over all comparisons of a night.
 *
 * @see org.clsweep.jobs.regress.RegressionCheck
 */
package org.clsweep.jobs.regress.stat;
