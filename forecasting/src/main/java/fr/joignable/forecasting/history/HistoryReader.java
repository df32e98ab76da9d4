package fr.joignable.forecasting.history;

import fr.joignable.domain.io.InputException;
import fr.joignable.domain.kpi.ContactIntervalRow;
import fr.joignable.domain.table.Csv;
import fr.joignable.domain.time.Intervals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads the {@code contact_intervals} history with DuckDB (in memory): a directory of Parquet files
 * ({@code DIR/contact_intervals/day=YYYY-MM-DD/*.parquet}, given either as the table directory or
 * as the data directory holding it), a single Parquet file, or the CSV form of the table.
 *
 * <p>Rows of one (interval, queue, channel) are summed; every interval between the first and the
 * last one of the data without a row counts as zero for each series.
 */
public final class HistoryReader {

    private HistoryReader() {}

    public static History read(Path path) {
        if (!Files.exists(path)) {
            throw new InputException("history not found: " + path);
        }
        String source;
        Path shown = path;
        if (Files.isDirectory(path)) {
            Path table = path.resolve("contact_intervals");
            Path dir = Files.isDirectory(table) ? table : path;
            shown = dir;
            if (!containsParquet(dir)) {
                throw new InputException("no contact_intervals Parquet files under " + dir);
            }
            source =
                    "read_parquet('"
                            + sql(dir.toAbsolutePath() + "/**/*.parquet")
                            + "', hive_partitioning=true, union_by_name=true)";
        } else if (path.getFileName().toString().toLowerCase().endsWith(".parquet")) {
            source = "read_parquet('" + sql(path.toAbsolutePath().toString()) + "')";
        } else {
            source = csvSource(path, checkCsvHeader(path));
        }
        return load(shown, source);
    }

    private static History load(Path shown, String source) {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = c.createStatement()) {
            long first;
            long last;
            try (ResultSet rs =
                    st.executeQuery(
                            "SELECT count(*), min(epoch_ms(interval_start)),"
                                    + " max(epoch_ms(interval_start)) FROM "
                                    + source
                                    + " WHERE interval_start IS NOT NULL")) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    throw new InputException("no rows in the history " + shown);
                }
                first = rs.getLong(2);
                last = rs.getLong(3);
            }
            long count = (last - first) / Intervals.INTERVAL_MILLIS + 1;
            if (first % Intervals.INTERVAL_MILLIS != 0 || count > Integer.MAX_VALUE / 8) {
                throw new InputException(
                        shown + ": interval_start not on the 15-minute grid or span too long");
            }
            int n = (int) count;
            Map<SeriesKey, SeriesHistory> series = new TreeMap<>();
            double total = 0;
            try (ResultSet rs =
                    st.executeQuery(
                            "SELECT epoch_ms(interval_start) AS t, queue,"
                                    + " CAST(channel AS VARCHAR) AS channel,"
                                    + " sum(coalesce(offered, 0)), sum(coalesce(handled, 0)),"
                                    + " sum(coalesce(aht_s * handled, 0)) FROM "
                                    + source
                                    + " WHERE interval_start IS NOT NULL GROUP BY ALL")) {
                while (rs.next()) {
                    long t = rs.getLong(1);
                    String queue = rs.getString(2);
                    String channel = rs.getString(3);
                    if (queue == null || channel == null) {
                        throw new InputException(shown + ": a row has no queue or channel");
                    }
                    if ((t - first) % Intervals.INTERVAL_MILLIS != 0) {
                        throw new InputException(
                                shown
                                        + ": interval_start not on the 15-minute grid: "
                                        + java.time.Instant.ofEpochMilli(t));
                    }
                    int i = (int) ((t - first) / Intervals.INTERVAL_MILLIS);
                    SeriesHistory s =
                            series.computeIfAbsent(
                                    new SeriesKey(queue, channel),
                                    k ->
                                            new SeriesHistory(
                                                    new double[n], new double[n], new double[n]));
                    double offered = rs.getDouble(4);
                    s.offered()[i] += offered;
                    s.handled()[i] += rs.getDouble(5);
                    s.handleSeconds()[i] += rs.getDouble(6);
                    total += offered;
                }
            }
            if (total <= 0) {
                throw new InputException("no contacts offered in the history " + shown);
            }
            return new History(first, n, new TreeMap<>(series));
        } catch (SQLException e) {
            throw new InputException("cannot read " + shown + ": " + firstLine(e.getMessage()), e);
        }
    }

    private static boolean containsParquet(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.anyMatch(
                    p -> p.getFileName().toString().endsWith(".parquet") && Files.isRegularFile(p));
        } catch (IOException e) {
            throw new InputException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The columns a history needs; the others of {@code contact_intervals} may be absent. */
    static final List<String> REQUIRED = List.of("interval_start", "queue", "channel", "offered");

    /**
     * The header's columns, checked: every required one present (named like {@code kpis.md}), in
     * any order, other columns allowed — a table from an older or newer version of the job, or from
     * another tool, reads as long as it names what the forecast uses.
     */
    private static List<String> checkCsvHeader(Path path) {
        List<String> columns;
        try {
            columns = Csv.header(path);
        } catch (InputException e) {
            if (e.getMessage().endsWith(": empty file, no header")) {
                throw new InputException("empty history file " + path, e);
            }
            throw e;
        }
        for (String required : REQUIRED) {
            if (!columns.contains(required)) {
                throw new InputException(
                        path
                                + ": not a contact_intervals CSV, its header lacks '"
                                + required
                                + "' (expected the columns of docs/kpis.md: "
                                + String.join(",", ContactIntervalRow.COLUMNS)
                                + ")");
            }
        }
        return columns;
    }

    private static String csvSource(Path path, List<String> header) {
        StringBuilder columns = new StringBuilder();
        for (String col : header) {
            String type =
                    switch (col) {
                        case "interval_start" -> "TIMESTAMPTZ";
                        case "queue", "channel" -> "VARCHAR";
                        case "offered", "handled", "aht_s" -> "DOUBLE";
                        default -> "VARCHAR";
                    };
            if (columns.length() > 0) {
                columns.append(", ");
            }
            columns.append('\'').append(sql(col)).append("': '").append(type).append('\'');
        }
        String read =
                "read_csv('"
                        + sql(path.toAbsolutePath().toString())
                        + "', header=true, delim=',', quote='\"', columns={"
                        + columns
                        + "})";
        // a history without handling columns still forecasts volumes (handle times then unknown)
        return "(SELECT interval_start, queue, channel, offered, "
                + (header.contains("handled") ? "handled" : "CAST(NULL AS DOUBLE) AS handled")
                + ", "
                + (header.contains("aht_s") ? "aht_s" : "CAST(NULL AS DOUBLE) AS aht_s")
                + " FROM "
                + read
                + ")";
    }

    private static String sql(String s) {
        return s.replace("'", "''");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String m = message.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
