/**
 * Analyses of trained networks: pattern recovery of the two-layer token experiment (loc_all,
 * loc_other_all, per-token scores), the specialisation of filters and the tokens each one selects,
 * the collapse of a weight matrix onto the data's top principal direction, and the alignment of
 * one-layer optima with the labels of labelled data.
 */
package org.clsweep.dynamics.metrics;
