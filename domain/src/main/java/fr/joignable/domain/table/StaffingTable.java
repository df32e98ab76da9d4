package fr.joignable.domain.table;

import fr.joignable.domain.event.Channel;
import fr.joignable.domain.io.InputException;
import fr.joignable.domain.kpi.KpiFormat;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The staffing plan ({@code staffing.csv}), written by {@code staff}, read by {@code simulate},
 * {@code schedule} and {@code training-gaps}: one row per forecast row, the agents it needs ({@code
 * agents}: whole for live channels, full-time equivalents for deferred ones), the agents to
 * schedule once absence is counted, and the predicted service level, occupancy and average speed of
 * answer (empty when undefined). Decimals are written to 4 places for agents, 6 for rates and 3 for
 * seconds. A reader needs the columns up to {@code scheduled_agents}; later ones may be absent.
 */
public final class StaffingTable {

    /** The header line (without line end; a constant, for help texts). */
    public static final String HEADER =
            "interval_start,queue,channel,offered,aht_s,agents,scheduled_agents,service_level,"
                    + "occupancy,asa_s";

    /** The columns, in order. */
    public static final List<String> COLUMNS = List.of(HEADER.split(","));

    /** The columns a reader needs: the header must start with them. */
    public static final List<String> REQUIRED = COLUMNS.subList(0, 7);

    /** One row; NaN for an undefined (empty) value. */
    public record Row(
            Instant intervalStart,
            String queue,
            Channel channel,
            double offered,
            double ahtSeconds,
            double agents,
            double scheduledAgents,
            double serviceLevel,
            double occupancy,
            double asaSeconds,
            int line) {}

    private StaffingTable() {}

    /**
     * Reads {@code file}: instants ISO-8601 UTC, channels by name (any case), {@code
     * offered,aht_s,agents} numbers or empty, {@code scheduled_agents} a number ≥ 0, at most one
     * row per (interval, queue, channel), at least one row. Errors name the file, line and value.
     */
    public static List<Row> read(Path file) {
        Csv.Table t = Csv.read(file, REQUIRED, true);
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Csv.Row r : t.rows()) {
            String where = r.at() + ": ";
            String startText = r.get("interval_start");
            Instant start;
            try {
                start = Instant.parse(startText);
            } catch (DateTimeParseException e) {
                throw new InputException(
                        where + "interval_start '" + startText + "' is not an ISO-8601 UTC instant",
                        e);
            }
            String queue = r.get("queue");
            if (queue.isEmpty()) {
                throw new InputException(where + "empty queue");
            }
            String channelText = r.get("channel");
            Channel channel;
            try {
                channel = Channel.valueOf(channelText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InputException(where + "unknown channel '" + channelText + "'", e);
            }
            double scheduled = optional(r, "scheduled_agents");
            if (Double.isNaN(scheduled)) {
                throw new InputException(where + "scheduled_agents '' is not a number");
            }
            if (scheduled < 0) {
                throw new InputException(
                        where + "scheduled_agents " + r.get("scheduled_agents") + " is negative");
            }
            String key = start + "|" + queue + "|" + channel;
            Integer previous = seen.putIfAbsent(key, r.line());
            if (previous != null) {
                throw new InputException(
                        where
                                + "duplicate row for "
                                + startText
                                + " "
                                + queue
                                + " "
                                + channelText
                                + " (first on line "
                                + previous
                                + ")");
            }
            rows.add(
                    new Row(
                            start,
                            queue,
                            channel,
                            optional(r, "offered"),
                            optional(r, "aht_s"),
                            optional(r, "agents"),
                            scheduled,
                            optional(r, "service_level"),
                            optional(r, "occupancy"),
                            optional(r, "asa_s"),
                            r.line()));
        }
        if (rows.isEmpty()) {
            throw new InputException(file + ": no staffing rows");
        }
        return rows;
    }

    /** Writes the header and the rows, rounded as the class comment says. */
    public static void write(Writer w, List<Row> rows) throws IOException {
        Csv.write(
                w,
                HEADER,
                rows,
                r ->
                        List.of(
                                KpiFormat.instant(r.intervalStart()),
                                r.queue(),
                                r.channel().name(),
                                KpiFormat.decimal(r.offered()),
                                KpiFormat.decimal(r.ahtSeconds()),
                                KpiFormat.decimal(round(r.agents(), 4)),
                                KpiFormat.decimal(round(r.scheduledAgents(), 4)),
                                KpiFormat.decimal(round(r.serviceLevel(), 6)),
                                KpiFormat.decimal(round(r.occupancy(), 6)),
                                KpiFormat.decimal(round(r.asaSeconds(), 3))));
    }

    /** The field as a number, NaN when it is empty or the column absent. */
    private static double optional(Csv.Row r, String column) {
        String text = r.get(column, "");
        if (text.isEmpty()) {
            return Double.NaN;
        }
        Double v = Csv.decimal(text);
        if (v == null) {
            throw new InputException(r.at() + ": " + column + " '" + text + "' is not a number");
        }
        return v;
    }

    /** {@code v} rounded (half up) to {@code decimals} places; NaN stays NaN. */
    public static double round(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return Double.NaN;
        }
        double scale = Math.pow(10, decimals);
        return Math.round(v * scale) / scale;
    }
}
