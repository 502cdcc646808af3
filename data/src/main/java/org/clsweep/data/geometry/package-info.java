/**
 * Pattern geometries of the one-layer data (SCIENCE.md §2 and §4): directions, magnitudes and
 * probabilities of the patterns μ_l, assembled into a {@code PatternMixture}.
 */
package org.clsweep.data.geometry;
