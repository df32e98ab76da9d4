package fr.joignable.forecasting.history;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Writes contact_intervals fixtures (all 17 columns) with DuckDB itself. */
public final class Fixtures {

    /** One row; the columns not given are zero or empty. */
    public record Row(
            String intervalStart,
            String queue,
            String channel,
            long offered,
            long handled,
            Double ahtS) {}

    private Fixtures() {}

    /** Writes {@code rows} as one Parquet file (timestamps as TIMESTAMP WITH TIME ZONE, UTC). */
    public static void parquet(Path file, List<Row> rows) throws Exception {
        Files.createDirectories(file.getParent());
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = c.createStatement()) {
            st.execute(
                    "COPY ("
                            + select(rows)
                            + ") TO '"
                            + file.toAbsolutePath()
                            + "' (FORMAT parquet)");
        }
    }

    /** Writes {@code rows} in the CSV form of the table. */
    public static void csv(Path file, List<Row> rows) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = c.createStatement()) {
            st.execute("SET TimeZone='UTC'");
            st.execute(
                    "COPY (SELECT strftime(interval_start, '%Y-%m-%dT%H:%M:%SZ') AS interval_start,"
                            + " * EXCLUDE (interval_start) FROM ("
                            + select(rows)
                            + ")) TO '"
                            + file.toAbsolutePath()
                            + "' (FORMAT csv, HEADER)");
        }
    }

    private static String select(List<Row> rows) {
        String values =
                rows.stream()
                        .map(
                                r ->
                                        String.format(
                                                Locale.ROOT,
                                                "('%s', '%s', '%s', %d, %d, %s)",
                                                r.intervalStart(),
                                                r.queue(),
                                                r.channel(),
                                                r.offered(),
                                                r.handled(),
                                                r.ahtS() == null ? "NULL" : r.ahtS().toString()))
                        .collect(Collectors.joining(", "));
        return "SELECT CAST(ts AS TIMESTAMPTZ) AS interval_start, q AS queue, ch AS channel,"
                + " CAST(o AS BIGINT) AS offered, CAST(o AS BIGINT) AS answered,"
                + " CAST(0 AS BIGINT) AS short_abandoned, CAST(0 AS BIGINT) AS abandoned,"
                + " CAST(o AS BIGINT) AS answered_in_sl, CAST(NULL AS DOUBLE) AS service_level,"
                + " CAST(NULL AS DOUBLE) AS abandon_rate, CAST(NULL AS DOUBLE) AS asa_s,"
                + " CAST(h AS BIGINT) AS handled, CAST(a AS DOUBLE) AS aht_s,"
                + " CAST(0 AS BIGINT) AS identified, CAST(0 AS BIGINT) AS duplicates,"
                + " CAST(0 AS BIGINT) AS duplicates_after_abandon,"
                + " CAST(NULL AS DOUBLE) AS duplicate_rate"
                + " FROM (VALUES "
                + values
                + ") AS v(ts, q, ch, o, h, a)";
    }
}
