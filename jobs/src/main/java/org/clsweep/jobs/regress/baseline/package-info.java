/**
 * The baseline a nightly run is compared with: opening and checking a baseline directory against the
 * current spec, storing a new one, the seed offset of fresh seeds, and the grid axes that identify a cell on both sides.
 */
package org.clsweep.jobs.regress.baseline;
