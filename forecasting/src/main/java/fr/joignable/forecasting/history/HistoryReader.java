package fr.joignable.forecasting.history;

import fr.joignable.domain.io.InputException;
import fr.joignable.domain.kpi.ContactIntervalRow;
import fr.joignable.domain.time.Intervals;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
            checkCsvHeader(path);
            source = csvSource(path);
        }
        String query =
                "SELECT epoch_ms(interval_start) AS t, queue, CAST(channel AS VARCHAR) AS channel,"
                        + " sum(coalesce(offered, 0)) AS offered, sum(coalesce(handled, 0)) AS handled,"
                        + " sum(coalesce(aht_s * handled, 0)) AS handle_s FROM "
                        + source
                        + " WHERE interval_start IS NOT NULL GROUP BY ALL ORDER BY t";
        return load(shown, query);
    }

    private static History load(Path shown, String query) {
        List<Long> times = new ArrayList<>();
        List<SeriesKey> keys = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        Map<SeriesKey, SeriesKey> interned = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(query)) {
            while (rs.next()) {
                long t = rs.getLong(1);
                String queue = rs.getString(2);
                String channel = rs.getString(3);
                if (queue == null || channel == null) {
                    throw new InputException(shown + ": a row has no queue or channel");
                }
                if (t % Intervals.INTERVAL_MILLIS != 0) {
                    throw new InputException(
                            shown + ": interval_start not on the 15-minute grid: " + t);
                }
                SeriesKey key = interned.computeIfAbsent(new SeriesKey(queue, channel), k -> k);
                times.add(t);
                keys.add(key);
                values.add(new double[] {rs.getDouble(4), rs.getDouble(5), rs.getDouble(6)});
            }
        } catch (SQLException e) {
            throw new InputException("cannot read " + shown + ": " + firstLine(e.getMessage()), e);
        }
        if (times.isEmpty()) {
            throw new InputException("no rows in the history " + shown);
        }
        long first = times.get(0);
        long last = times.get(times.size() - 1);
        long count = (last - first) / Intervals.INTERVAL_MILLIS + 1;
        if (count > Integer.MAX_VALUE / 4) {
            throw new InputException(shown + ": history span too long");
        }
        int n = (int) count;
        Map<SeriesKey, SeriesHistory> series = new TreeMap<>();
        for (SeriesKey k : interned.keySet()) {
            series.put(k, new SeriesHistory(new double[n], new double[n], new double[n]));
        }
        double total = 0;
        for (int r = 0; r < times.size(); r++) {
            int i = (int) ((times.get(r) - first) / Intervals.INTERVAL_MILLIS);
            SeriesHistory s = series.get(keys.get(r));
            double[] v = values.get(r);
            s.offered()[i] += v[0];
            s.handled()[i] += v[1];
            s.handleSeconds()[i] += v[2];
            total += v[0];
        }
        if (total <= 0) {
            throw new InputException("no contacts offered in the history " + shown);
        }
        return new History(first, n, new TreeMap<>(series));
    }

    private static boolean containsParquet(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.anyMatch(
                    p -> p.getFileName().toString().endsWith(".parquet") && Files.isRegularFile(p));
        } catch (IOException e) {
            throw new InputException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void checkCsvHeader(Path path) {
        String expected = String.join(",", ContactIntervalRow.COLUMNS);
        String header;
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            header = in.readLine();
        } catch (IOException e) {
            throw new InputException("cannot read " + path + ": " + e.getMessage(), e);
        }
        if (header == null) {
            throw new InputException("empty history file " + path);
        }
        header = header.strip();
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        if (!header.equals(expected)) {
            throw new InputException(
                    path + ": not a contact_intervals CSV, header must be " + expected);
        }
    }

    private static String csvSource(Path path) {
        StringBuilder columns = new StringBuilder();
        for (String col : ContactIntervalRow.COLUMNS) {
            String type =
                    switch (col) {
                        case "interval_start" -> "TIMESTAMPTZ";
                        case "queue", "channel" -> "VARCHAR";
                        case "service_level", "abandon_rate", "asa_s", "aht_s", "duplicate_rate" ->
                                "DOUBLE";
                        default -> "BIGINT";
                    };
            if (columns.length() > 0) {
                columns.append(", ");
            }
            columns.append('\'').append(col).append("': '").append(type).append('\'');
        }
        return "read_csv('"
                + sql(path.toAbsolutePath().toString())
                + "', header=true, delim=',', quote='\"', columns={"
                + columns
                + "})";
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
