/**
 * Dense linear algebra shared by the model and the analyses: a robust symmetric
 * eigen-decomposition, the top of a Gram spectrum and a fixed-order dot product.
 */
package org.clsweep.dynamics.linalg;
