/**
 * Special functions the closed forms need, implemented to full double precision: the standard
 * normal density and distribution function.
 */
package org.clsweep.dynamics.special;
