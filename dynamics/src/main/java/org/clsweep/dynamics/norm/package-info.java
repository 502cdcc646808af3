/**
 * Normalisation layers: BatchNorm without affine parameters, with switches that stop the
 * gradient through the batch statistics.
 */
package org.clsweep.dynamics.norm;
