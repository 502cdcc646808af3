package org.clsweep.jobs.export;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.clsweep.jobs.export.chart.ErrorBarChart;
import org.clsweep.jobs.export.chart.Figure;
import org.clsweep.jobs.export.query.QueryResult;
import org.clsweep.jobs.export.query.SparkQueries;
import org.clsweep.jobs.export.query.SqlQuery;
import org.clsweep.jobs.export.query.SweepParameters;
import org.clsweep.jobs.export.query.SweepSchema;
import org.clsweep.jobs.export.query.SweepTables;
import org.clsweep.jobs.export.query.TableKind;

/**
 * What the notebook sections share while one export runs: the sweep's tables and schema, the
 * query runner, the grid axes, and the figures rendered so far (numbered in order). One per
 * export; not shared between threads.
 */
public final class ExportContext {
    /** Size of every figure, pixels. */
    static final int FIGURE_WIDTH = 880;
    static final int FIGURE_HEIGHT = 520;

    private final String sweep;
    private final SweepTables tables;
    private final SweepSchema schema;
    private final SparkQueries queries;
    private final SweepParameters parameters;
    private final Configuration hadoop;
    private final Map<TableKind, List<String>> columns = new EnumMap<>(TableKind.class);
    private final List<Figure> figures = new ArrayList<>();

    ExportContext(String sweep, SweepTables tables, SweepSchema schema, SparkQueries queries, Configuration hadoop) {
        this.sweep = sweep;
        this.hadoop = hadoop;
        this.tables = tables;
        this.schema = schema;
        this.queries = queries;
        this.parameters = SweepParameters.read(queries, schema);
    }

    public String sweep() {
        return sweep;
    }

    public SweepTables tables() {
        return tables;
    }

    public SweepSchema schema() {
        return schema;
    }

    public SweepParameters parameters() {
        return parameters;
    }

    /** The Hadoop configuration of the session, to read the files a sweep names (its datasets). */
    public Configuration hadoopConfiguration() {
        return hadoop;
    }

    /** Runs {@code query} with Spark SQL. */
    public QueryResult run(SqlQuery query, String purpose) {
        return queries.run(query, purpose);
    }

    /** The statement as a DuckDB user runs it, on the Parquet files. */
    public String duckDb(SqlQuery query) {
        return query.render(tables.duckDbSources());
    }

    /** Whether {@code table} is present and has every one of {@code names}. */
    public boolean hasColumns(TableKind table, String... names) {
        if (!tables.has(table)) {
            return false;
        }
        List<String> have = columns.computeIfAbsent(table,
                t -> queries.columns(new SqlQuery("SELECT * FROM " + t.placeholder())));
        for (String n : names) {
            if (!have.contains(n)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Why {@code table} cannot serve a section: absent, or lacking some of {@code names}; empty
     * when it can.
     */
    public Optional<String> missing(TableKind table, String... names) {
        if (!tables.has(table)) {
            return Optional.of("the sweep has no " + table.directory() + " table (no Parquet files in `"
                    + tables.location() + "/" + table.directory() + "`)"
                    + (table == TableKind.AGGREGATES ? "; `clsweep aggregate OUT` computes it" : ""));
        }
        List<String> absent = new ArrayList<>();
        for (String n : names) {
            if (!hasColumns(table, n)) {
                absent.add("`" + n + "`");
            }
        }
        return absent.isEmpty() ? Optional.empty()
                : Optional.of("the " + table.directory() + " table has no column " + String.join(", ", absent));
    }

    /** Numbers and keeps a rendered figure. */
    public Figure addFigure(String slug, String caption, ErrorBarChart chart) {
        Figure f = new Figure(figures.size() + 1, slug, caption, chart.png(FIGURE_WIDTH, FIGURE_HEIGHT));
        figures.add(f);
        return f;
    }

    /** Numbers and keeps a figure drawn as a PNG of its own (not a chart), e.g. a {@code TileGrid}. */
    public Figure addFigure(String slug, String caption, byte[] png) {
        Figure f = new Figure(figures.size() + 1, slug, caption, png.clone());
        figures.add(f);
        return f;
    }

    /** The figures rendered so far, in order. */
    List<Figure> figures() {
        return Collections.unmodifiableList(figures);
    }
}
