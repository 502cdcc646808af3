/**
 * Sweep specs: the HOCON format of a sweep ({@code sweep { name, seeds, parameters…, grid }}), its
 * shipped defaults, {@code --set} overrides, and the checks that reject a malformed spec with a
 * message naming the key, and the typed {@link org.clsweep.jobs.spec.SpecDiff} of two specs. The
 * only package that uses Typesafe Config; everything downstream takes
 * {@link org.clsweep.jobs.spec.SweepSpec}, and the keys themselves live in the catalogue
 * {@link org.clsweep.data.spec.SpecKey}.
 */
package org.clsweep.jobs.spec;
