package org.clsweep.data.experiment;

/**
 * One learning-curve record of a two-layer run, taken every {@code train.trace_every} iterations.
 *
 * @param iteration    the iteration (0 = before the first step)
 * @param loss         the loss of the iteration's batch
 * @param locAll       loc_all at this iteration
 * @param locOtherAll  loc_other_all at this iteration
 * @param tokenScores  s_k(a) for every location k and token a, location-major (K·n values)
 */
public record TracePoint(int iteration, double loss, double locAll, double locOtherAll, double[] tokenScores) {
}
