/**
 * Activation functions: the homogeneous ones the theory is about (linear, ReLU, leaky ReLU) and
 * the non-homogeneous controls (sigmoid, quadratic).
 */
package org.clsweep.dynamics.activation;
