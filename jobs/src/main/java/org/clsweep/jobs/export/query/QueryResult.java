package org.clsweep.jobs.export.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.clsweep.jobs.export.notebook.Html;
import org.clsweep.jobs.text.NumberText;

/**
 * The result of one query, engine-neutral: column names and rows of plain Java values
 * ({@code String}, {@code Number}, {@code Boolean}, {@code List} for arrays, {@code null} for SQL
 * NULL). Figures read it by column name; the notebook shows it as an HTML table and as aligned
 * text, numbers to {@value NumberText#SIGNIFICANT_DIGITS} significant digits.
 *
 * @see SparkQueries
 */
public final class QueryResult {

    private final List<String> columns;
    private final List<List<Object>> rows;

    /**
     * @param columns column names. Not modified.
     * @param rows    one list of values per row, as many values as columns; nulls allowed. Not modified.
     */
    public QueryResult(List<String> columns, List<List<Object>> rows) {
        this.columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> r : rows) {
            if (r.size() != columns.size()) {
                throw new IllegalArgumentException("row has " + r.size() + " values for " + columns.size()
                        + " columns " + columns);
            }
            copy.add(Collections.unmodifiableList(new ArrayList<>(r)));
        }
        this.rows = Collections.unmodifiableList(copy);
    }

    public List<String> columns() {
        return columns;
    }

    public int size() {
        return rows.size();
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The raw value; null for SQL NULL. */
    public Object value(int row, String column) {
        return rows.get(row).get(indexOf(column));
    }

    /** A numeric value; NaN for SQL NULL. */
    public double number(int row, String column) {
        Object v = value(row, column);
        if (v == null) {
            return Double.NaN;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalStateException("column " + column + " is not numeric: " + v.getClass().getSimpleName());
    }

    /** A value as text, as the tables show it; empty for SQL NULL. */
    public String text(int row, String column) {
        return format(value(row, column));
    }

    /** An array value as doubles (NULL elements as NaN); empty for SQL NULL. */
    public double[] numbers(int row, String column) {
        Object v = value(row, column);
        if (v == null) {
            return new double[0];
        }
        if (!(v instanceof List<?> list)) {
            throw new IllegalStateException("column " + column + " is not an array: " + v.getClass().getSimpleName());
        }
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            Object e = list.get(i);
            out[i] = e == null ? Double.NaN : ((Number) e).doubleValue();
        }
        return out;
    }

    /** The first {@code n} rows. */
    public QueryResult head(int n) {
        return n >= rows.size() ? this : new QueryResult(columns, rows.subList(0, n));
    }

    /** An HTML {@code <table>}. */
    public String toHtml() {
        StringBuilder sb = new StringBuilder("<table class=\"result\">\n<thead><tr>");
        for (String c : columns) {
            sb.append("<th>").append(Html.escape(c)).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (List<Object> r : rows) {
            sb.append("<tr>");
            for (Object v : r) {
                sb.append(v instanceof Number ? "<td class=\"num\">" : "<td>").append(Html.escape(format(v)))
                        .append("</td>");
            }
            sb.append("</tr>\n");
        }
        return sb.append("</tbody>\n</table>").toString();
    }

    /** Aligned plain text: a header line, a rule, one line per row. */
    public String toPlainText() {
        int[] width = new int[columns.size()];
        List<String[]> cells = new ArrayList<>(rows.size());
        for (int c = 0; c < width.length; c++) {
            width[c] = columns.get(c).length();
        }
        for (List<Object> r : rows) {
            String[] line = new String[width.length];
            for (int c = 0; c < width.length; c++) {
                line[c] = format(r.get(c));
                width[c] = Math.max(width[c], line[c].length());
            }
            cells.add(line);
        }
        StringBuilder sb = new StringBuilder();
        appendLine(sb, columns.toArray(new String[0]), width);
        String[] rule = new String[width.length];
        for (int c = 0; c < width.length; c++) {
            rule[c] = "-".repeat(width[c]);
        }
        appendLine(sb, rule, width);
        for (String[] line : cells) {
            appendLine(sb, line, width);
        }
        return sb.toString().stripTrailing();
    }

    private static void appendLine(StringBuilder sb, String[] line, int[] width) {
        for (int c = 0; c < line.length; c++) {
            if (c > 0) {
                sb.append("  ");
            }
            sb.append(line[c]).append(" ".repeat(width[c] - line[c].length()));
        }
        sb.setLength(sb.length() - countTrailingSpaces(sb));
        sb.append('\n');
    }

    private static int countTrailingSpaces(StringBuilder sb) {
        int n = 0;
        while (n < sb.length() && sb.charAt(sb.length() - 1 - n) == ' ') {
            n++;
        }
        return n;
    }

    /**
     * How a value is shown: NULL as empty text, floating-point numbers to
     * {@value NumberText#SIGNIFICANT_DIGITS} significant digits (NaN as {@code NaN}), arrays as
     * {@code [a, b, …]}, multi-line text (a stack trace) by its first line and the number of
     * lines left out.
     */
    public static String format(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof String s && s.indexOf('\n') >= 0) {
            String[] lines = s.split("\n", -1);
            return lines[0] + " … (" + (lines.length - 1) + " more lines)";
        }
        if (v instanceof Double || v instanceof Float) {
            return NumberText.of(((Number) v).doubleValue());
        }
        if (v instanceof List<?> list) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(format(list.get(i)));
            }
            return sb.append(']').toString();
        }
        return v.toString();
    }

    private int indexOf(String column) {
        int i = columns.indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException("no column " + column + " in " + columns);
        }
        return i;
    }
}
