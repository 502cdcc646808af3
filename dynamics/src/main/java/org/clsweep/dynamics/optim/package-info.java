/**
 * Optimisers: SGD with momentum and coupled weight decay on EJML parameter matrices.
 */
package org.clsweep.dynamics.optim;
