/**
 * Optimum analysis: fixed-point diagnostics of final directions, clustering into distinct optima,
 * pattern matching and coverage (SCIENCE.md §2), under uniform α and, for InfoNCE runs, under the
 * run's own α.
 */
package org.clsweep.dynamics.optima;
