package fr.joignable.inputs;

import com.fasterxml.jackson.databind.JsonNode;
import fr.joignable.domain.event.Channel;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code calls:} section of a mapping: which column of a per-call or per-request export holds
 * what ({@code docs/inputs.md} has examples for GLPI, Zammad and a generic CDR).
 *
 * <pre>
 * calls:
 *   delimiter: ","                # or ";" / "\t"
 *   id: ticket_id                 # the contact id (else a hash of the row)
 *   queue: category               # or queue_value: ACCUEIL for a fixed queue
 *   channel: {column: source, values: {Phone: PHONE, E-Mail: EMAIL}}   # else the queue's channel
 *   offered: created_at           # a time: a column, or {column, format, zone}
 *   answered: {date: d, time: t, date_format: dd/MM/yyyy, time_format: HH:mm}
 *   ended: close_at
 *   abandoned: abandon_time
 *   wait: {column: wait_s, unit: s}   # durations instead of times: answered = offered + wait
 *   talk: billsec                     # ended = answered + talk
 *   agent: owner
 *   tenant: customer_id
 *   unanswered_end: abandoned     # a live contact ended unanswered is an abandon (ignore: nothing)
 * </pre>
 *
 * Time {@code zone}: {@code local} (the mapping's {@code time_zone}, the default) or {@code UTC}; a
 * value with its own offset keeps it.
 */
public record CallsLayout(
        char delimiter,
        String id,
        String queue,
        String queueValue,
        String channelColumn,
        Map<String, Channel> channelValues,
        TimeSpec offered,
        TimeSpec answered,
        TimeSpec ended,
        TimeSpec abandoned,
        DurationSpec waitDuration,
        DurationSpec talkDuration,
        String agent,
        String tenant,
        UnansweredEnd unansweredEnd) {

    /** What a contact that ended without an answer becomes. */
    public enum UnansweredEnd {
        /** An abandon for phone and chat, nothing for deferred channels (default). */
        AUTO,
        ABANDONED,
        IGNORE
    }

    /** A time in one column (date-time) or two (date, time). */
    public record TimeSpec(
            String column,
            DateTimeFormatter format,
            String dateColumn,
            String timeColumn,
            DateTimeFormatter dateFormat,
            DateTimeFormatter timeFormat,
            ZoneId zone) {}

    /** A duration column: seconds, milliseconds or minutes, or {@code [HH:]MM:SS}. */
    public record DurationSpec(String column, long unitMillis) {}

    private static final Set<String> KEYS =
            Set.of(
                    "delimiter",
                    "id",
                    "queue",
                    "queue_value",
                    "channel",
                    "offered",
                    "answered",
                    "ended",
                    "abandoned",
                    "wait",
                    "talk",
                    "agent",
                    "tenant",
                    "unanswered_end");

    static CallsLayout parse(JsonNode n, Mapping.Yaml y, ZoneId local) {
        y.object(n, "calls", KEYS);
        String delim = y.text(n.get("delimiter"), "calls.delimiter", ",");
        if (delim.equals("\\t") || delim.equalsIgnoreCase("tab")) {
            delim = "\t";
        }
        if (delim.length() != 1) {
            throw y.error("calls.delimiter", "one character, was '" + delim + "'");
        }
        String queue = opt(n, "queue", y);
        String queueValue = opt(n, "queue_value", y);
        if (queue == null && queueValue == null) {
            throw y.error(
                    "calls", "name the queue column (queue:) or a fixed queue (queue_value:)");
        }
        String channelColumn = null;
        Map<String, Channel> channelValues = new HashMap<>();
        JsonNode ch = n.get("channel");
        if (ch != null && ch.isObject()) {
            y.object(ch, "calls.channel", Set.of("column", "values"));
            channelColumn = y.text(ch.get("column"), "calls.channel.column", null);
            JsonNode vals = ch.get("values");
            if (vals != null) {
                y.object(vals, "calls.channel.values", null);
                vals.fields()
                        .forEachRemaining(
                                e ->
                                        channelValues.put(
                                                e.getKey(),
                                                y.channelValue(
                                                        e.getValue().asText(),
                                                        "calls.channel.values." + e.getKey())));
            }
        } else if (ch != null) {
            channelColumn = y.text(ch, "calls.channel", null);
        }
        TimeSpec offered = time(n.get("offered"), "calls.offered", y, local);
        if (offered == null) {
            throw y.error("calls.offered", "the column of the offer (creation) time is required");
        }
        String ue = y.text(n.get("unanswered_end"), "calls.unanswered_end", "auto");
        UnansweredEnd unanswered;
        try {
            unanswered = UnansweredEnd.valueOf(ue.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw y.error("calls.unanswered_end", "auto, abandoned or ignore, was '" + ue + "'");
        }
        return new CallsLayout(
                delim.charAt(0),
                opt(n, "id", y),
                queue,
                queueValue,
                channelColumn,
                Map.copyOf(channelValues),
                offered,
                time(n.get("answered"), "calls.answered", y, local),
                time(n.get("ended"), "calls.ended", y, local),
                time(n.get("abandoned"), "calls.abandoned", y, local),
                duration(n.get("wait"), "calls.wait", y),
                duration(n.get("talk"), "calls.talk", y),
                opt(n, "agent", y),
                opt(n, "tenant", y),
                unanswered);
    }

    private static String opt(JsonNode n, String key, Mapping.Yaml y) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? null : y.text(v, "calls." + key, null);
    }

    private static TimeSpec time(JsonNode n, String key, Mapping.Yaml y, ZoneId local) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isValueNode()) {
            return new TimeSpec(y.text(n, key, null), null, null, null, null, null, local);
        }
        y.object(
                n,
                key,
                Set.of("column", "format", "date", "time", "date_format", "time_format", "zone"));
        String zoneText = y.text(n.get("zone"), key + ".zone", "local");
        ZoneId zone =
                zoneText.equalsIgnoreCase("local")
                        ? local
                        : zoneText.equalsIgnoreCase("utc")
                                ? ZoneOffset.UTC
                                : y.zone(n.get("zone"), key + ".zone", local);
        String column = n.has("column") ? y.text(n.get("column"), key + ".column", null) : null;
        String date = n.has("date") ? y.text(n.get("date"), key + ".date", null) : null;
        String timeCol = n.has("time") ? y.text(n.get("time"), key + ".time", null) : null;
        if (column == null && (date == null || timeCol == null)) {
            throw y.error(key, "give column: (one date-time column) or date: and time:");
        }
        return new TimeSpec(
                column,
                pattern(n.get("format"), key + ".format", y),
                date,
                timeCol,
                pattern(n.get("date_format"), key + ".date_format", y),
                pattern(n.get("time_format"), key + ".time_format", y),
                zone);
    }

    private static DateTimeFormatter pattern(JsonNode n, String key, Mapping.Yaml y) {
        if (n == null || n.isNull()) {
            return null;
        }
        try {
            // strict: 31/09 is an error, not 30/09 (u = proleptic year, needed by STRICT)
            return DateTimeFormatter.ofPattern(y.text(n, key, null).replace('y', 'u'))
                    .withResolverStyle(java.time.format.ResolverStyle.STRICT);
        } catch (IllegalArgumentException e) {
            throw y.error(key, "not a date-time pattern: '" + n.asText() + "'");
        }
    }

    private static DurationSpec duration(JsonNode n, String key, Mapping.Yaml y) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isValueNode()) {
            return new DurationSpec(y.text(n, key, null), 1000);
        }
        y.object(n, key, Set.of("column", "unit"));
        String unit = y.text(n.get("unit"), key + ".unit", "s");
        long ms =
                switch (unit) {
                    case "s" -> 1000;
                    case "ms" -> 1;
                    case "min" -> 60_000;
                    default -> throw y.error(key + ".unit", "s, ms or min, was '" + unit + "'");
                };
        return new DurationSpec(y.text(n.get("column"), key + ".column", null), ms);
    }
}
