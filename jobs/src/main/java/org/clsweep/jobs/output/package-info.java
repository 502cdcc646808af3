/**
 * The output of a sweep: table schemas derived from the parameter and metric catalogues, the
 * manifest, provenance, and the output directory protocol (staging, commit, refusal of foreign
 * directories).
 */
package org.clsweep.jobs.output;
