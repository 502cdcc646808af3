package org.clsweep.jobs.export.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.clsweep.jobs.output.FileSystems;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Where a sweep's tables are and how each engine names them. A table is present when
 * {@code OUT/<table>/*.parquet} matches at least one file — the same glob the notebook's DuckDB
 * queries read. Present tables are cached and registered as Spark temporary views named after
 * their directory ({@code runs}, {@code aggregates}, …), so the Spark form of every query reads
 * like the one a PySpark user would write; {@link #close()} drops them.
 *
 * <p>OUT is kept as the caller wrote it (relative or absolute, any Hadoop file system): it is the
 * path the notebook's DuckDB queries show.
 *
 * @see SqlQuery
 */
public final class SweepTables implements AutoCloseable {
    public static final String MANIFEST = "manifest.json";

    private final SparkSession spark;
    private final String location;
    private final Map<TableKind, Dataset<Row>> present;

    private SweepTables(SparkSession spark, String location, Map<TableKind, Dataset<Row>> present) {
        this.spark = spark;
        this.location = location;
        this.present = Collections.unmodifiableMap(present);
    }

    /**
     * Finds the tables under {@code out} and registers the present ones as temporary views of
     * {@code spark}.
     *
     * @param out the sweep's output directory, as given by the user
     * @throws IllegalArgumentException when {@code out} has no runs table
     */
    public static SweepTables open(SparkSession spark, String out) {
        String location = out.endsWith("/") && out.length() > 1 ? out.substring(0, out.length() - 1) : out;
        Map<TableKind, Dataset<Row>> present = new EnumMap<>(TableKind.class);
        if (!hasParquet(spark, location + "/" + TableKind.RUNS.directory())) {
            throw new IllegalArgumentException("OUT = " + out + " is not a sweep output: no Parquet files in "
                    + location + "/runs");
        }
        for (TableKind t : TableKind.values()) {
            if (hasParquet(spark, location + "/" + t.directory())) {
                Dataset<Row> df = spark.read().parquet(location + "/" + t.directory()).cache();
                df.createOrReplaceTempView(t.directory());
                present.put(t, df);
            }
        }
        return new SweepTables(spark, location, present);
    }

    /** The output directory as given. */
    public String location() {
        return location;
    }

    public boolean has(TableKind table) {
        return present.containsKey(table);
    }

    /** Spark: each present table by its view name. */
    public Map<TableKind, String> sparkSources() {
        Map<TableKind, String> m = new EnumMap<>(TableKind.class);
        for (TableKind t : present.keySet()) {
            m.put(t, t.directory());
        }
        return m;
    }

    /** DuckDB: each table as {@code read_parquet('OUT/<table>/*.parquet')}. */
    public Map<TableKind, String> duckDbSources() {
        Map<TableKind, String> m = new EnumMap<>(TableKind.class);
        for (TableKind t : TableKind.values()) {
            m.put(t, "read_parquet('" + duckDbGlob(t).replace("'", "''") + "')");
        }
        return m;
    }

    /** The glob of a table's Parquet files, e.g. {@code OUT/runs/*.parquet}. */
    public String duckDbGlob(TableKind table) {
        return location + "/" + table.directory() + "/*.parquet";
    }

    /** Drops the temporary views and the cached tables. */
    @Override
    public void close() {
        for (Map.Entry<TableKind, Dataset<Row>> e : present.entrySet()) {
            spark.catalog().dropTempView(e.getKey().directory());
            e.getValue().unpersist();
        }
    }

    /** The text of {@code OUT/manifest.json}, when there is one. */
    public Optional<String> manifest() {
        Path p = new Path(location + "/" + MANIFEST);
        try {
            FileSystem fs = FileSystems.of(p, spark.sparkContext().hadoopConfiguration());
            if (!fs.exists(p)) {
                return Optional.empty();
            }
            try (FSDataInputStream in = fs.open(p)) {
                return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }

    private static boolean hasParquet(SparkSession spark, String dir) {
        Path glob = new Path(dir + "/*.parquet");
        try {
            FileSystem fs = FileSystems.of(glob, spark.sparkContext().hadoopConfiguration());
            FileStatus[] files = fs.globStatus(glob);
            return files != null && files.length > 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
