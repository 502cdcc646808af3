/**
 * Contrastive objectives: InfoNCE and the quadratic (uniform-α) loss, with hand-derived gradients.
 */
package org.clsweep.dynamics.objective;
