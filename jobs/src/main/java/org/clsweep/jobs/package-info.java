/** The clsweep command line entry point ({@link org.clsweep.jobs.Main}); see the sub-packages. */
package org.clsweep.jobs;
