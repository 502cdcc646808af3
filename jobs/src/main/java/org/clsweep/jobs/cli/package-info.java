/**
 * The command line: {@code run}, {@code validate}, {@code aggregate}, {@code export} and
 * {@code regress}, their options and exit codes ({@link org.clsweep.jobs.cli.ExitCodes}). Commands
 * check everything they can before Spark starts and report a bad spec or output directory with exit
 * code 2.
 */
package org.clsweep.jobs.cli;
