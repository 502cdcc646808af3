/**
 * Sampled data: minibatches of positive pairs drawn from the run's data stream.
 */
package org.clsweep.data.sampling;
