package org.clsweep.jobs.export.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clsweep.data.spec.SpecKey;

/**
 * One exact SQL statement behind a table or figure, written once with table placeholders
 * ({@code {runs}}, {@code {aggregates}}, {@code {trace}}, {@code {optima}}) and rendered for the
 * engine that runs it: Spark SQL on temporary views, or DuckDB on the Parquet files. Templates use
 * only SQL both engines read the same way: no array indexing or unnesting (Spark counts from 0,
 * DuckDB from 1; arrays are expanded in Java), no reliance on NULL ordering, explicit
 * {@code CAST}s, {@code STDDEV_SAMP} rather than engine-specific aliases.
 *
 * @param template the statement with placeholders
 */
public record SqlQuery(String template) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    public SqlQuery {
        Objects.requireNonNull(template, "template");
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            boolean known = false;
            for (TableKind t : TableKind.values()) {
                known |= t.directory().equals(m.group(1));
            }
            if (!known) {
                throw new IllegalArgumentException("unknown table placeholder " + m.group() + " in: " + template);
            }
        }
    }

    /** {@code SELECT a,\n       b, …}: a select list, one column or expression per line. */
    public static String select(List<String> columns) {
        return "SELECT " + String.join(",\n       ", new LinkedHashSet<>(columns));
    }

    /** {@code column = 'value'}, the value quoted as an SQL string literal. */
    public static String is(String column, String value) {
        return column + " = '" + value.replace("'", "''") + "'";
    }

    /** {@code a, b, …}: the columns as a comma-separated list (GROUP BY, ORDER BY). */
    public static String list(List<String> columns) {
        return String.join(", ", new LinkedHashSet<>(columns));
    }

    /**
     * One model's cells of the aggregates table:
     * {@code SELECT columns FROM {aggregates} WHERE model = 'model' [AND condition]… ORDER BY order}.
     *
     * @param columns    the select list. Not modified.
     * @param model      the spec name of the model, e.g. {@code onelayer}
     * @param conditions further conditions, joined with AND. Not modified.
     * @param order      the ORDER BY columns. Not modified.
     */
    public static SqlQuery aggregatesOf(List<String> columns, String model, List<String> conditions,
                                        List<String> order) {
        StringBuilder where = new StringBuilder(is(SpecKey.MODEL.column(), model));
        for (String c : conditions) {
            where.append(" AND ").append(c);
        }
        return new SqlQuery(select(columns) + "\nFROM {aggregates}\nWHERE " + where + "\nORDER BY " + list(order));
    }

    /**
     * One model's cells of the aggregates table as series along {@code x}:
     * {@code SELECT keys, x, columns … ORDER BY keys, x} (see {@link #aggregatesOf}).
     *
     * @param keys       the columns that tell series apart. Not modified.
     * @param x          the column along a series
     * @param columns    the other selected columns. Not modified.
     * @param model      the spec name of the model
     * @param conditions further conditions, joined with AND. Not modified.
     */
    public static SqlQuery seriesOf(List<String> keys, String x, List<String> columns, String model,
                                    List<String> conditions) {
        List<String> select = new ArrayList<>(keys);
        select.add(x);
        select.addAll(columns);
        List<String> order = new ArrayList<>(keys);
        order.add(x);
        return aggregatesOf(select, model, conditions, order);
    }

    /**
     * Rows of {@code table} joined to their run and grouped, over the OK runs of one model:
     *
     * <pre>
     *   SELECT select
     *   FROM {table} alias
     *   JOIN {runs} r ON alias.cell_id = r.cell_id AND alias.seed = r.seed
     *   WHERE r.model = 'model' AND r.status = 'OK'
     *   GROUP BY group
     *   ORDER BY group
     * </pre>
     *
     * @param select the select list. Not modified.
     * @param table  a table with several rows per run (trace points, tokens)
     * @param alias  the table's alias in {@code select} and {@code group}
     * @param model  the spec name of the model
     * @param group  the GROUP BY and ORDER BY columns. Not modified.
     */
    public static SqlQuery groupedOverOkRuns(List<String> select, TableKind table, String alias, String model,
                                             List<String> group) {
        return groupedOverOkRuns(select, table, alias, model, List.of(), group);
    }

    /**
     * As {@link #groupedOverOkRuns(List, TableKind, String, String, List)}, with further
     * conditions on the rows, joined to the WHERE clause with AND.
     *
     * @param conditions the further conditions. Not modified.
     */
    public static SqlQuery groupedOverOkRuns(List<String> select, TableKind table, String alias, String model,
                                             List<String> conditions, List<String> group) {
        StringBuilder where = new StringBuilder(is("r." + SpecKey.MODEL.column(), model) + " AND r.status = 'OK'");
        for (String c : conditions) {
            where.append(" AND ").append(c);
        }
        return new SqlQuery(select(select) + "\nFROM " + table.placeholder() + " " + alias + "\nJOIN {runs} r ON "
                + alias + ".cell_id = r.cell_id AND " + alias + ".seed = r.seed\nWHERE " + where + "\nGROUP BY "
                + list(group) + "\nORDER BY " + list(group));
    }

    /**
     * The columns of the runs table, aliased {@code r}, that group a series' rows per width: the
     * series keys, the leaky slope (which the checks read for the activation's regime) unless it
     * is a key, and the width.
     *
     * @param keys the series keys. Not modified.
     */
    public static List<String> runSeriesColumns(List<String> keys) {
        List<String> group = new ArrayList<>();
        for (String k : keys) {
            group.add("r." + k);
        }
        String slope = SpecKey.LEAKY_SLOPE.column();
        if (!keys.contains(slope)) {
            group.add("r." + slope);
        }
        group.add("r." + SpecKey.WIDTH.column());
        return group;
    }

    /** The tables the statement reads. */
    public boolean reads(TableKind table) {
        return template.contains(table.placeholder());
    }

    /**
     * The statement with every placeholder replaced.
     *
     * @param sources how each table is referenced in the target engine. Not modified.
     */
    public String render(Map<TableKind, String> sources) {
        String sql = template;
        for (TableKind t : TableKind.values()) {
            if (reads(t)) {
                String s = sources.get(t);
                if (s == null) {
                    throw new IllegalArgumentException("no source for table " + t.directory() + " in: " + template);
                }
                sql = sql.replace(t.placeholder(), s);
            }
        }
        return sql;
    }
}
