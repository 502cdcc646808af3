/**
 * The output of a sweep: table schemas derived from the parameter and metric catalogues, the
 * manifest, provenance, the committed result parts, and the output directory protocol (staging,
 * commit, which specs may extend the directory's and which are refused).
 */
package org.clsweep.jobs.output;
