package org.clsweep.jobs.export.query;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StructField;

/**
 * Runs {@link SqlQuery}s through Spark SQL on a sweep's registered views and collects the result
 * as a {@link QueryResult} on the driver (export queries return one row per cell or less). Each
 * query runs under the job group {@code export-<sweep>} with the query's purpose as description.
 */
public final class SparkQueries {
    private final SparkSession spark;
    private final SweepTables tables;
    private final String jobGroup;

    /**
     * @param spark  the session the tables were registered in
     * @param tables the sweep's tables
     * @param sweep  the sweep's name, for the job group
     */
    public SparkQueries(SparkSession spark, SweepTables tables, String sweep) {
        this.spark = spark;
        this.tables = tables;
        this.jobGroup = "export-" + sweep;
    }

    /** The column names of {@code query}'s result, from Spark's analysis alone (no job runs). */
    public List<String> columns(SqlQuery query) {
        return List.of(spark.sql(query.render(tables.sparkSources())).columns());
    }

    /**
     * @param query   the statement; every table it reads must be present
     * @param purpose what the result is for, shown in the Spark UI
     */
    public QueryResult run(SqlQuery query, String purpose) {
        spark.sparkContext().setJobGroup(jobGroup, purpose, false);
        try {
            Dataset<Row> df = spark.sql(query.render(tables.sparkSources()));
            StructField[] fields = df.schema().fields();
            List<String> columns = new ArrayList<>(fields.length);
            for (StructField f : fields) {
                columns.add(f.name());
            }
            List<List<Object>> rows = new ArrayList<>();
            for (Row r : df.collectAsList()) {
                List<Object> values = new ArrayList<>(fields.length);
                for (int i = 0; i < fields.length; i++) {
                    boolean array = fields[i].dataType() instanceof ArrayType;
                    values.add(r.isNullAt(i) ? null : array ? new ArrayList<>(r.getList(i)) : r.get(i));
                }
                rows.add(values);
            }
            return new QueryResult(columns, rows);
        } finally {
            spark.sparkContext().clearJobGroup();
        }
    }
}
