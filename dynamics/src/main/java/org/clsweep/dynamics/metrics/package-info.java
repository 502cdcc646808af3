/**
 * Analyses of trained networks: pattern recovery of the two-layer token experiment (loc_all,
 * loc_other_all, per-token scores), the specialisation of filters and the tokens each one selects,
 * and the collapse of a weight matrix onto the data's top principal direction.
 */
package org.clsweep.dynamics.metrics;
