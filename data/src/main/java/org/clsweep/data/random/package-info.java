/** Seeded random streams, split by name and derived from (seed, cell). No static state. */
package org.clsweep.data.random;
