/**
 * Reading {@code geometry.kind = dataset} selections through the Hadoop FileSystem API (any
 * Hadoop path): IDX files as Debian's {@code dataset-fashion-mnist} ships them and Parquet columns,
 * into the plain {@code LabelledPoints} of the data module; binding the sweep's cells to their
 * data on the driver and checking it against an output's manifest (docs/dataset.md).
 */
package org.clsweep.jobs.dataset;
