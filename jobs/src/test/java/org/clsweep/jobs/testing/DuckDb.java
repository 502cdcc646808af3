package org.clsweep.jobs.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads Parquet output with DuckDB, an independent reader: {@code read_parquet('dir/*.parquet')}. */
public final class DuckDb {
    private DuckDb() {
    }

    /** {@code read_parquet('table/*.parquet')} for a table directory. */
    public static String table(Path dir) {
        return "read_parquet('" + dir.toAbsolutePath() + "/*.parquet')";
    }

    /** Rows of a query as column-name → value maps, in result order. */
    public static List<Map<String, Object>> query(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    Object v = rs.getObject(i);
                    if (v instanceof java.sql.Array a) {
                        v = List.of((Object[]) a.getArray());
                    }
                    row.put(md.getColumnLabel(i), v);
                }
                rows.add(row);
            }
            return rows;
        }
    }

    /** Column name → DuckDB type of a table, in column order. */
    public static Map<String, String> schema(Path dir) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map<String, Object> r : query("DESCRIBE SELECT * FROM " + table(dir))) {
            out.put((String) r.get("column_name"), (String) r.get("column_type"));
        }
        return out;
    }
}
