package fr.joignable.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The two interval tables computed by plain DuckDB SQL straight from an events file ({@code
 * contact_intervals.sql}, {@code agent_intervals.sql} beside this class): what a planner who knows
 * SQL would write instead of running the Flink job. It serves twice: as the speed baseline of
 * {@code ./bench/run --only kpi} (the job's time over DuckDB's on the same file) and as an oracle
 * written apart from the job's code, that the job's tables must equal row for row.
 *
 * <p>The SQL follows {@code docs/kpis.md} with the default thresholds; it reads only valid lines
 * (DuckDB's {@code ignore_errors}), so it is an oracle for inputs without rejected lines.
 */
public final class DuckDbBaseline {

    /** The tables the SQL computes. */
    public static final List<String> TABLES = List.of("contact_intervals", "agent_intervals");

    /** Relative tolerance on rates and means: both sides compute in doubles, in other orders. */
    public static final double TOLERANCE = 1e-9;

    /** Time and row counts of one run. */
    public record Timing(double seconds, long contactRows, long agentRows) {}

    /** How far two versions of one table agree. */
    public record Agreement(String table, long expectedRows, long actualRows, long equalRows) {
        public boolean complete() {
            return expectedRows == actualRows && equalRows == expectedRows;
        }

        @Override
        public String toString() {
            return String.format(
                    "%s: %,d of %,d rows equal (%,d in the job's table)",
                    table, equalRows, expectedRows, actualRows);
        }
    }

    private DuckDbBaseline() {}

    /** The SQL of one table, its parameters filled in. */
    public static String sql(String table, Path events, long duplicateWindowMillis)
            throws IOException {
        String text;
        try (InputStream in = DuckDbBaseline.class.getResourceAsStream(table + ".sql")) {
            if (in == null) {
                throw new IllegalArgumentException("no SQL for table " + table);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return text.replace("${EVENTS}", literal(events.toAbsolutePath().toString()))
                .replace("${WINDOW_MS}", Long.toString(duplicateWindowMillis));
    }

    /**
     * Computes both tables from {@code events} into {@code outDir}/{@code TABLE}.parquet, with
     * {@code threads} DuckDB threads, and times it (connection included).
     */
    public static Timing run(Path events, Path outDir, int threads) throws Exception {
        Files.createDirectories(outDir);
        long t0 = System.nanoTime();
        long[] rows = new long[2];
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            s.execute("SET threads = " + threads);
            for (int i = 0; i < TABLES.size(); i++) {
                String table = TABLES.get(i);
                Path target = outDir.resolve(table + ".parquet");
                s.execute(
                        "COPY ("
                                + sql(table, events, 604_800_000L)
                                + ") TO "
                                + literal(target.toString())
                                + " (FORMAT parquet)");
                try (ResultSet r =
                        s.executeQuery(
                                "SELECT count(*) FROM read_parquet("
                                        + literal(target.toString())
                                        + ")")) {
                    r.next();
                    rows[i] = r.getLong(1);
                }
            }
        }
        return new Timing((System.nanoTime() - t0) / 1e9, rows[0], rows[1]);
    }

    /**
     * Compares the baseline's table ({@code baselineDir/TABLE.parquet}) with the job's ({@code
     * jobDir/TABLE/**}/*.parquet): rows matched on their keys, counts equal, rates and means equal
     * within {@link #TOLERANCE}, undefined on both sides or neither.
     */
    public static Agreement compare(String table, Path baselineDir, Path jobDir)
            throws SQLException {
        boolean contacts = table.equals("contact_intervals");
        String keys = contacts ? "interval_start, queue, channel" : "interval_start, team";
        List<String> counts =
                contacts
                        ? List.of(
                                "offered",
                                "answered",
                                "short_abandoned",
                                "abandoned",
                                "answered_in_sl",
                                "handled",
                                "identified",
                                "duplicates",
                                "duplicates_after_abandon",
                                "diverted",
                                "closed")
                        : List.of();
        List<String> reals =
                contacts
                        ? List.of(
                                "service_level", "abandon_rate", "asa_s", "aht_s", "duplicate_rate")
                        : List.of(
                                "staffed_s",
                                "ready_s",
                                "busy_s",
                                "wrap_s",
                                "not_ready_s",
                                "occupancy");
        StringBuilder equal = new StringBuilder("TRUE");
        for (String c : counts) {
            equal.append(" AND e.").append(c).append(" = a.").append(c);
        }
        for (String c : reals) {
            equal.append(
                    String.format(
                            " AND ((e.%1$s IS NULL AND a.%1$s IS NULL) OR abs(e.%1$s - a.%1$s) <="
                                    + " %2$s * greatest(1, abs(e.%1$s)))",
                            c, TOLERANCE));
        }
        String job =
                "SELECT * REPLACE (strftime(interval_start AT TIME ZONE 'UTC',"
                        + " '%Y-%m-%dT%H:%M:%SZ') AS interval_start) FROM read_parquet("
                        + literal(jobDir.resolve(table).toString() + "/**/*.parquet")
                        + ", hive_partitioning = false)";
        String base =
                "SELECT * FROM read_parquet("
                        + literal(baselineDir.resolve(table + ".parquet").toString())
                        + ")";
        String sql =
                "WITH e AS ("
                        + base
                        + "), a AS ("
                        + job
                        + ") SELECT (SELECT count(*) FROM e), (SELECT count(*) FROM a),"
                        + " (SELECT count(*) FROM e JOIN a USING ("
                        + keys
                        + ") WHERE "
                        + equal
                        + ")";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            s.execute("SET TimeZone = 'UTC'");
            try (ResultSet r = s.executeQuery(sql)) {
                r.next();
                return new Agreement(table, r.getLong(1), r.getLong(2), r.getLong(3));
            }
        }
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
