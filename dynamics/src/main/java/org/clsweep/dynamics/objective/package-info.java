/**
 * Contrastive objectives: InfoNCE and the quadratic (uniform-α) loss, with hand-derived gradients
 * through the optional output normalisation, built by {@link org.clsweep.dynamics.objective.ContrastiveLosses};
 * and InfoNCE's pairwise importance α outside the training step: its softmax
 * ({@link org.clsweep.dynamics.objective.InfoNceWeights}), how it spreads over the negatives
 * ({@link org.clsweep.dynamics.objective.AlphaStructure}), and the matrices C_α and B_k it induces
 * on a one-layer node ({@link org.clsweep.dynamics.objective.ContrastiveCovariance}).
 */
package org.clsweep.dynamics.objective;
