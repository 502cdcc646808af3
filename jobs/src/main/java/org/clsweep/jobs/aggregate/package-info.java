/**
 * Per-cell aggregates of a runs table: counts, mean, std and Student t 95% intervals of every
 * metric, basin probabilities and the brute-force coverage prediction.
 */
package org.clsweep.jobs.aggregate;
