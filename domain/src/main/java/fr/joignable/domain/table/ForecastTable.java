package fr.joignable.domain.table;

import fr.joignable.domain.event.Channel;
import fr.joignable.domain.io.InputException;
import fr.joignable.domain.time.Intervals;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The forecast table ({@code forecast.csv}), written by {@code forecast}, read by {@code staff},
 * {@code simulate}, {@code schedule --verify}, {@code training-gaps} and the report: one row per
 * open interval and series, RFC 4180 quoting (a queue name may hold a comma), optional quantile
 * columns {@code p10,p50,p90} after these. Columns are read by name, so other columns may follow.
 */
public final class ForecastTable {

    /** The header line (without line end; a constant, for help texts). */
    public static final String HEADER = "interval_start,queue,channel,offered,aht_s";

    /** The columns, in order. */
    public static final List<String> COLUMNS = List.of(HEADER.split(","));

    /** The quantile columns {@code forecast --quantiles} appends. */
    public static final List<String> QUANTILES = List.of("p10", "p50", "p90");

    private static final List<String> REQUIRED = List.of("interval_start", "queue", "channel");

    /**
     * One forecast row: {@code offered} contacts expected in the 15-minute interval starting at
     * {@code intervalStart}; {@code ahtSeconds} NaN when nothing is offered and the field is empty.
     */
    public record Row(
            Instant intervalStart,
            String queue,
            Channel channel,
            double offered,
            double ahtSeconds) {}

    private ForecastTable() {}

    /** Writes the header, with the quantile columns when {@code quantiles}, and a line end. */
    public static void writeHeader(Writer w, boolean quantiles) throws IOException {
        w.write(HEADER);
        if (quantiles) {
            w.write("," + String.join(",", QUANTILES));
        }
        w.write('\n');
    }

    /** Writes one data line of already formatted fields (in {@link #COLUMNS} order). */
    public static void writeRow(Writer w, List<String> fields) throws IOException {
        w.write(Csv.line(fields));
        w.write('\n');
    }

    /**
     * Reads {@code file}, the volume taken from {@code offeredColumn} ({@code offered}, or a
     * quantile so a planner can staff on it). Every instant on the 15-minute grid, channels by
     * name, volumes ≥ 0, handle times > 0 (empty allowed when nothing is offered), at most one row
     * per (interval, queue, channel), at least one row.
     */
    public static List<Row> read(Path file, String offeredColumn) {
        Csv.Table t;
        try {
            t = Csv.read(file);
        } catch (InputException e) {
            if (e.getMessage().endsWith(": empty file, no header")) {
                throw new InputException(file + ": empty file, expected header " + HEADER, e);
            }
            throw e;
        }
        List<String> needed = new ArrayList<>(REQUIRED);
        needed.add(offeredColumn);
        needed.add("aht_s");
        t.require(
                needed,
                "header must hold "
                        + HEADER
                        + (offeredColumn.equals("offered") ? "" : " and " + offeredColumn));
        List<Row> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Csv.Row r : t.rows()) {
            Row row = parse(r, offeredColumn);
            if (!seen.add(
                    row.intervalStart() + "\u0000" + row.queue() + "\u0000" + row.channel())) {
                throw new InputException(
                        r.at()
                                + ": a second row for "
                                + row.intervalStart()
                                + ", queue "
                                + row.queue()
                                + ", "
                                + row.channel());
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new InputException(file + ": no forecast rows");
        }
        return rows;
    }

    private static Row parse(Csv.Row r, String offeredColumn) {
        String at = r.at();
        Instant start = instant(r, "interval_start");
        String queue = r.get("queue");
        if (queue.isEmpty()) {
            throw new InputException(at + ": field queue: empty");
        }
        Channel channel = channel(r);
        double offered = r.number(offeredColumn);
        if (offered < 0) {
            throw new InputException(
                    at
                            + ": field "
                            + offeredColumn
                            + ": must be >= 0, got "
                            + r.get(offeredColumn));
        }
        String ahtText = r.get("aht_s");
        double aht;
        if (ahtText.isBlank() && offered == 0) {
            aht = Double.NaN;
        } else {
            aht = r.number("aht_s");
            if (!(aht > 0)) {
                throw new InputException(at + ": field aht_s: must be > 0, got " + ahtText);
            }
        }
        return new Row(start, queue, channel, offered, aht);
    }

    /** The field {@code column} as an ISO-8601 UTC instant on the 15-minute grid. */
    static Instant instant(Csv.Row r, String column) {
        String text = r.get(column);
        Instant start;
        try {
            start = Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InputException(
                    r.at()
                            + ": field "
                            + column
                            + ": '"
                            + text
                            + "' is not an ISO-8601 UTC instant",
                    e);
        }
        if (start.toEpochMilli() % Intervals.INTERVAL_MILLIS != 0) {
            throw new InputException(
                    r.at() + ": field " + column + ": '" + text + "' is not on the 15-minute grid");
        }
        return start;
    }

    /** The field {@code channel} as a {@link Channel}. */
    static Channel channel(Csv.Row r) {
        String text = r.get("channel");
        try {
            return Channel.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new InputException(
                    r.at()
                            + ": field channel: '"
                            + text
                            + "' is not PHONE, CHAT, EMAIL, LETTER or PORTAL",
                    e);
        }
    }
}
