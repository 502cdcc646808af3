/**
 * The data side of the export: where a sweep's Parquet tables are and how Spark and DuckDB name
 * them ({@link org.clsweep.jobs.export.query.SweepTables}), the column names of the output schema
 * ({@link org.clsweep.jobs.export.query.SweepSchema}), the grid axes read from the runs table
 * ({@link org.clsweep.jobs.export.query.SweepParameters}), the SQL statements with their table
 * placeholders ({@link org.clsweep.jobs.export.query.SqlQuery}), and running them through Spark
 * SQL into engine-neutral results ({@link org.clsweep.jobs.export.query.SparkQueries}).
 */
package org.clsweep.jobs.export.query;
