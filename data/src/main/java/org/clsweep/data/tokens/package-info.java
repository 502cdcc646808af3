/**
 * The two-layer token data of the paper: the pattern table (allowed tokens per location, global
 * patterns with wildcards), the token embedding, and the generator of positive pairs.
 */
package org.clsweep.data.tokens;
