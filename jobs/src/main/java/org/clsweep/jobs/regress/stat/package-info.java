/**
 * The statistics of the regression check: Welch's two-sample t-test and Fisher's exact test for a
 * rise in a failure count, on the check's samples and counts (both computed by Apache Commons
 * Statistics), and the multiple-testing adjustments that keep the false-alarm budget over all
 * comparisons of a night.
 *
 * @see org.clsweep.jobs.regress.RegressionCheck
 */
package org.clsweep.jobs.regress.stat;

import org.clsweep.jobs.regress.decision.RegressionCheck;
