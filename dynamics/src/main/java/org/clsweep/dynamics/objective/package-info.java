/**
 * Contrastive objectives: InfoNCE and the quadratic (uniform-α) loss, with hand-derived gradients
 * through the optional output normalisation, built by {@link org.clsweep.dynamics.objective.ContrastiveLosses}.
 */
package org.clsweep.dynamics.objective;
