/**
 * What the regression check compares and how: the {@code regress} block of a spec ({@link org.clsweep.jobs.regress.settings.RegressSpec}),
 * read from the plain values the spec parser hands over, and the cell filters of exact metrics.
 */
package org.clsweep.jobs.regress.settings;
