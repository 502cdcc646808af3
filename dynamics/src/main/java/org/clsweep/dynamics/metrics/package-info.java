/**
 * Analyses of trained networks: pattern recovery of the two-layer token experiment (loc_all,
 * loc_other_all, per-token scores) and the specialisation of filters.
 */
package org.clsweep.dynamics.metrics;
