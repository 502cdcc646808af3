/**
 * One run from spec to result: data, training and analysis glued together, with the result
 * record and the metric catalogue the output tables are built from.
 */
package org.clsweep.data.experiment;
