/**
 * Sweep specs: the HOCON format of a sweep ({@code sweep { name, seeds, parameters…, grid }}), its
 * shipped defaults, {@code --set} overrides, and the checks that reject a malformed spec with a
 * message naming the key. {@link org.clsweep.jobs.spec.SpecParser} is the only class that reads
 * configuration text; everything downstream takes {@link org.clsweep.jobs.spec.SweepSpec}.
 */
package org.clsweep.jobs.spec;
