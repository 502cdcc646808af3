/**
 * Models: the data distributions the dynamics are taken over and the networks that are trained.
 */
package org.clsweep.dynamics.model;
