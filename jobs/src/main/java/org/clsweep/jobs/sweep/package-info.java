/**
 * The Spark sweep job: runs laid out in bins by estimated cost, one Spark job per bin whose
 * static {@code mapPartitions} function holds only the broadcast plan, per-run failure capture,
 * result parts committed by rename, resume from the committed parts, compaction into the output
 * tables, progress, and test-only fault injection.
 */
package org.clsweep.jobs.sweep;
