/**
 * Optimum analysis: fixed-point diagnostics of final directions, clustering into distinct optima,
 * pattern matching and coverage (SCIENCE.md §2).
 */
package org.clsweep.dynamics.optima;
