/**
 * A real standalone Spark cluster on the loopback interface, for integration tests: a master and
 * a worker started as child JVMs from the Spark jars of the build, and {@code spark-submit}
 * against them. {@link org.clsweep.jobs.cluster.StandaloneSparkCluster} is the entry point; it
 * stops every process it started when closed, and in a shutdown hook if the test JVM exits first.
 */
package org.clsweep.jobs.cluster;
