/**
 * The two-layer token data of the paper: the pattern table (allowed tokens per location, global
 * patterns with wildcards), the token embedding, the generator of positive pairs, and the exact
 * pair statistics of each (location, token) under that generator.
 */
package org.clsweep.data.tokens;
