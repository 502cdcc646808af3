/**
 * The Spark sweep job: run tasks as a bean Dataset laid out by estimated cost, a static
 * {@code mapPartitions} function holding only the broadcast plan, per-run failure capture, progress,
 * and the driver-side sequence that writes and commits the output tables.
 */
package org.clsweep.jobs.sweep;
