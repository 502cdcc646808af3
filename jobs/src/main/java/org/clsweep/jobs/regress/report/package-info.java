/**
 * The regression report written out: Markdown for people, JSON for machines, and the comparisons as
 * a Parquet table.
 */
package org.clsweep.jobs.regress.report;
