/**
 * Grid expansion: a sweep's grid blocks become an ordered list of validated cells, each a
 * {@link org.clsweep.data.spec.RunSpec} with a stable cell id.
 */
package org.clsweep.jobs.grid;
