/** Dense linear algebra shared by the analyses: a robust symmetric eigen-decomposition. */
package org.clsweep.dynamics.linalg;
