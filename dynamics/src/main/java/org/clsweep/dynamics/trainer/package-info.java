/**
 * The training loop, written once: a stepped model, stop rules and step observers plug into it.
 */
package org.clsweep.dynamics.trainer;
