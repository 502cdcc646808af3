package org.clsweep.dynamics.metrics;

/**
 * Pattern recovery summarised over locations (SCIENCE.md §3).
 *
 * @param locAll         mean over locations of loc_k; NaN when every location is empty
 * @param locOtherAll    mean over locations of loc_other_k; NaN when no location has both kinds of token
 * @param emptyLocations locations left out because no pattern fixes them (empty C_k)
 * @param loc            loc_k per location, NaN where C_k is empty
 * @param locOther       loc_other_k per location, NaN where C_k is empty or holds every token
 */
public record LocationSummary(double locAll, double locOtherAll, int emptyLocations, double[] loc, double[] locOther) {
}
