package fr.joignable.jobs;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads the Parquet tables back with DuckDB, as users do (hive partitioning by day). */
final class ParquetRead {
    private ParquetRead() {}

    static TreeMap<String, Map<String, Object>> contactRows(Path out) throws SQLException {
        return rows(out, "contact_intervals", 3);
    }

    static TreeMap<String, Map<String, Object>> agentRows(Path out) throws SQLException {
        return rows(out, "agent_intervals", 2);
    }

    static long count(Path out, String table) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery(
                                "select count(*) from read_parquet('"
                                        + out.resolve(table)
                                        + "/**/*.parquet', hive_partitioning=true)")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Rows keyed like the CSV comparison; fails on a key seen twice. */
    static TreeMap<String, Map<String, Object>> rows(Path out, String table, int keyColumns)
            throws SQLException {
        TreeMap<String, Map<String, Object>> rows = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery(
                                "select * exclude (day), strftime(interval_start at time zone 'UTC', '%Y-%m-%dT%H:%M:%SZ') as iso,"
                                        + " cast(day as varchar) as dayv from read_parquet('"
                                        + out.resolve(table)
                                        + "/**/*.parquet', hive_partitioning=true)")) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                StringBuilder key = new StringBuilder(rs.getString("iso"));
                for (int i = 2; i <= keyColumns; i++) {
                    key.append('|').append(rs.getString(i));
                }
                if (!rs.getString("iso").startsWith(rs.getString("dayv"))) {
                    throw new AssertionError("row in the wrong day partition: " + key);
                }
                Map<String, Object> row = new HashMap<>();
                for (int i = keyColumns + 1; i <= md.getColumnCount(); i++) {
                    String name = md.getColumnName(i);
                    if (name.equals("iso") || name.equals("dayv")) {
                        continue;
                    }
                    Object v = rs.getObject(i);
                    row.put(name, v == null ? null : ((Number) v).doubleValue());
                }
                if (rows.put(key.toString(), row) != null) {
                    throw new AssertionError("row twice: " + key);
                }
            }
        }
        return rows;
    }

    /** Every row of a table as text, all columns (day partition included), in sorted order. */
    static List<String> sortedRows(Path out, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery(
                                "select * from read_parquet('"
                                        + out.resolve(table)
                                        + "/**/*.parquet', hive_partitioning=true) order by all")) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(i > 1 ? "," : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    static Instant unused(OffsetDateTime t) {
        return t.toInstant();
    }
}
