package fr.joignable.reporting;

import fr.joignable.domain.io.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * An in-memory DuckDB connection with one view per table found in a data directory: the Parquet
 * tables {@code contact_intervals}, {@code agent_intervals}, {@code intent_intervals}, {@code
 * handoffs} (hive-partitioned by {@code day}) and the CSV files {@code staffing.csv}, {@code
 * forecast.csv}, {@code training-gaps.csv}, {@code training-plan.csv}, {@code coverage.csv} (views
 * {@code staffing}, {@code forecast}, {@code training_gaps}, {@code training_plan}, {@code
 * coverage}).
 */
public final class Tables implements AutoCloseable {

    /** The Parquet tables written by the KPI job. */
    public static final List<String> PARQUET_TABLES =
            List.of("contact_intervals", "agent_intervals", "intent_intervals", "handoffs");

    /** CSV file name → view name. */
    public static final List<String[]> CSV_FILES =
            List.of(
                    new String[] {"staffing.csv", "staffing"},
                    new String[] {"forecast.csv", "forecast"},
                    new String[] {"training-gaps.csv", "training_gaps"},
                    new String[] {"training-plan.csv", "training_plan"},
                    new String[] {fr.joignable.domain.table.WhatIfTable.FILE_NAME, "whatif"},
                    new String[] {"coverage.csv", "coverage"});

    private final Connection connection;
    private final Path dir;
    private final List<String> views;

    private Tables(Connection connection, Path dir, List<String> views) {
        this.connection = connection;
        this.dir = dir;
        this.views = Collections.unmodifiableList(views);
    }

    /**
     * Opens the views over {@code dir}.
     *
     * @throws InputException when the directory is missing or a file cannot be read
     */
    public static Tables open(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InputException("data directory not found: " + dir);
        }
        Connection connection;
        try {
            connection = DriverManager.getConnection("jdbc:duckdb:");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start DuckDB: " + oneLine(e), e);
        }
        List<String> views = new ArrayList<>();
        String current = dir.toString();
        try (Statement st = connection.createStatement()) {
            Path tmp = Path.of(System.getProperty("java.io.tmpdir"), "joignable-duckdb");
            st.execute("SET temp_directory = " + literal(tmp.toString()));
            st.execute("SET TimeZone = 'UTC'");
            st.execute("SET parquet_metadata_cache = true");
            for (String table : PARQUET_TABLES) {
                Path tableDir = dir.resolve(table);
                if (!hasParquet(tableDir)) {
                    continue;
                }
                current = tableDir.toString();
                String glob = tableDir.toAbsolutePath() + "/**/*.parquet";
                String source =
                        " FROM read_parquet(" + literal(glob) + ", hive_partitioning = true)";
                st.execute("CREATE VIEW " + table + " AS SELECT * EXCLUDE (day)" + source);
                // Binds the view now (reads a footer): an unreadable table is reported at open;
                // a corrupt file elsewhere fails the first query that reads it, naming it.
                st.executeQuery("SELECT * FROM " + table + " LIMIT 0").close();
                List<String> missing = missingColumns(st, table);
                if (!missing.isEmpty()) {
                    StringBuilder zeros = new StringBuilder();
                    for (String column : missing) {
                        zeros.append(", CAST(0 AS BIGINT) AS ").append(column);
                    }
                    st.execute(
                            "CREATE OR REPLACE VIEW "
                                    + table
                                    + " AS SELECT * EXCLUDE (day)"
                                    + zeros
                                    + source);
                }
                views.add(table);
            }
            for (String[] csv : CSV_FILES) {
                Path file = dir.resolve(csv[0]);
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                current = file.toString();
                st.execute(
                        "CREATE VIEW "
                                + csv[1]
                                + " AS SELECT * FROM read_csv("
                                + literal(file.toAbsolutePath().toString())
                                + ", header = true, auto_detect = true)");
                st.executeQuery("SELECT count(*) FROM " + csv[1]).close();
                views.add(csv[1]);
            }
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new InputException("cannot read " + current + ": " + oneLine(e), e);
        }
        return new Tables(connection, dir, views);
    }

    /**
     * Count columns a table gained in a later version of the KPI job, absent from tables written by
     * an earlier one: {@code contact_intervals.diverted} and {@code closed}. A view over an older
     * table shows them as 0 (no contact was diverted, as the older job could not say).
     */
    static final List<String[]> LATER_COLUMNS =
            List.of(
                    new String[] {"contact_intervals", "diverted"},
                    new String[] {"contact_intervals", "closed"});

    private static List<String> missingColumns(Statement st, String table) throws SQLException {
        List<String> present = new ArrayList<>();
        try (var rs = st.executeQuery("DESCRIBE " + table)) {
            while (rs.next()) {
                present.add(rs.getString("column_name").toLowerCase(java.util.Locale.ROOT));
            }
        }
        List<String> missing = new ArrayList<>();
        for (String[] later : LATER_COLUMNS) {
            if (later[0].equals(table) && !present.contains(later[1])) {
                missing.add(later[1]);
            }
        }
        return missing;
    }

    private static boolean hasParquet(Path tableDir) {
        if (!Files.isDirectory(tableDir)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(tableDir)) {
            return files.anyMatch(
                    p ->
                            p.getFileName().toString().endsWith(".parquet")
                                    && !p.getFileName().toString().startsWith("."));
        } catch (IOException e) {
            throw new InputException("cannot list " + tableDir + ": " + e.getMessage(), e);
        }
    }

    public Connection connection() {
        return connection;
    }

    public Path dir() {
        return dir;
    }

    /** The views created, in creation order. */
    public List<String> views() {
        return views;
    }

    public boolean has(String view) {
        return views.contains(view);
    }

    @Override
    public void close() {
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing more to release
        }
    }

    /** A SQL string literal. */
    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** The first line of a DuckDB error, without the JDBC wrapper's prefix noise. */
    public static String oneLine(SQLException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage().strip();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline).strip();
    }
}
