/**
 * Benchmarks of the Spark sweep: {@link org.clsweep.jobs.bench.ScalingBenchmark} runs one sweep on
 * {@code local[1]} and {@code local[2]} and as plain in-process loops without Spark, and reports
 * throughput, speed-up, Spark's overhead and how evenly the partitions kept the cores busy. Mains
 * that print figures, run by the commands in BENCHMARKS.md; never part of the test suite.
 */
package org.clsweep.jobs.bench;
