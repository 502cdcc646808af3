/**
 * JSON text as clsweep reads and writes it: one set of string escapes for every document, and the
 * indented layouts of the manifest, the regression report and the exported notebook.
 */
package org.clsweep.jobs.json;
