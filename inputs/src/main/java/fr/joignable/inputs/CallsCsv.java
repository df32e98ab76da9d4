package fr.joignable.inputs;

import fr.joignable.domain.event.Channel;
import fr.joignable.domain.event.ContactAbandoned;
import fr.joignable.domain.event.ContactAnswered;
import fr.joignable.domain.event.ContactEnded;
import fr.joignable.domain.event.ContactOffered;
import fr.joignable.domain.event.InteractionEvent;
import fr.joignable.domain.io.InputException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * {@code calls-csv}: one row per call or request (a per-call export, a CDR, a ticket export), the
 * columns named by the mapping's {@link CallsLayout}. Each row gives:
 *
 * <ul>
 *   <li>{@code CONTACT_OFFERED} at the offer time (required);
 *   <li>{@code CONTACT_ANSWERED} at the answer time, or at offer + wait when the export has waits
 *       and the row an agent or a talk time;
 *   <li>{@code CONTACT_ENDED} at the end time, or answer + talk, when answered;
 *   <li>{@code CONTACT_ABANDONED} at the abandon time (or offer + wait) when not answered; a live
 *       contact (phone, chat) that ended unanswered is an abandon at its end unless {@code
 *       unanswered_end: ignore}.
 * </ul>
 *
 * A row whose times contradict each other (answered before offered, ended before answered) or
 * cannot be read is skipped with its reason; nothing else is. Ids hash the row, so a repeated row
 * or a file converted twice gives the same events.
 */
public final class CallsCsv {

    /** Agent id for an answered row without one. */
    public static final String UNASSIGNED = "UNASSIGNED";

    private CallsCsv() {}

    public static long read(
            Reader in, String file, Mapping mapping, Skips skips, Consumer<InteractionEvent> out)
            throws IOException {
        CallsLayout c = mapping.calls();
        if (c == null) {
            throw new InputException(
                    "calls-csv needs a --mapping file with a 'calls:' section naming the columns");
        }
        CSVFormat format =
                CSVFormat.DEFAULT
                        .builder()
                        .setDelimiter(c.delimiter())
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .setIgnoreEmptyLines(true)
                        .setAllowMissingColumnNames(true)
                        .get();
        try (CSVParser p = CSVParser.parse(in, format)) {
            Map<String, Integer> cols = new HashMap<>();
            p.getHeaderMap().forEach((k, v) -> cols.put(k.strip(), v));
            Row.check(c, cols, file);
            skips.notData(); // the header
            long rows = 0;
            try {
                for (CSVRecord r : p) {
                    rows++;
                    SourceRef where = new SourceRef(file, r.getRecordNumber() + 1);
                    try {
                        convert(new Row(r, cols), c, mapping, out);
                        skips.used();
                    } catch (IllegalArgumentException e) {
                        skips.add(where, e.getMessage());
                    }
                }
            } catch (UncheckedIOException e) {
                throw new InputException(
                        file + ": not readable as CSV: " + Mapping.firstLine(e.getMessage()));
            }
            return rows + 1;
        }
    }

    private static void convert(Row r, CallsLayout c, Mapping m, Consumer<InteractionEvent> out) {
        String hash = EventIds.hash(r.canonical());
        String queueName = c.queue() != null ? r.get(c.queue()) : c.queueValue();
        if (queueName.isBlank()) {
            throw new IllegalArgumentException("empty queue column '" + c.queue() + "'");
        }
        QueueSpec q = m.queue(queueName.strip());
        Channel channel = q.channel();
        if (c.channelColumn() != null) {
            String v = r.get(c.channelColumn()).strip();
            Channel mapped = c.channelValues().get(v);
            if (mapped != null) {
                channel = mapped;
            } else if (!v.isEmpty()) {
                try {
                    channel = Channel.valueOf(v.toUpperCase(java.util.Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(
                            "unknown channel '"
                                    + Times.abbreviate(v)
                                    + "' in column '"
                                    + c.channelColumn()
                                    + "' (add it to calls.channel.values)");
                }
            }
        }
        String id = c.id() != null ? r.get(c.id()).strip() : "";
        if (c.id() != null && id.isEmpty()) {
            throw new IllegalArgumentException("empty id column '" + c.id() + "'");
        }
        String contactId = id.isEmpty() ? "c" + hash : id;
        Instant offered = r.time(c.offered(), "offered");
        if (offered == null) {
            throw new IllegalArgumentException("no offer time (column " + name(c.offered()) + ")");
        }
        String agent = c.agent() != null ? r.get(c.agent()).strip() : "";
        Long wait = r.duration(c.waitDuration(), "wait");
        Long talk = r.duration(c.talkDuration(), "talk");
        Instant answered = r.time(c.answered(), "answered");
        if (answered == null && wait != null && (!agent.isEmpty() || (talk != null && talk > 0))) {
            answered = offered.plusMillis(wait);
        }
        Instant ended = r.time(c.ended(), "ended");
        if (ended == null && answered != null && talk != null) {
            ended = answered.plusMillis(talk);
        }
        Instant abandoned = null;
        if (answered == null) {
            abandoned = r.time(c.abandoned(), "abandoned");
            if (abandoned == null && wait != null && c.waitDuration() != null && wait > 0) {
                abandoned = offered.plusMillis(wait);
            }
            boolean live = channel == Channel.PHONE || channel == Channel.CHAT;
            boolean endIsAbandon =
                    c.unansweredEnd() == CallsLayout.UnansweredEnd.ABANDONED
                            || (c.unansweredEnd() == CallsLayout.UnansweredEnd.AUTO && live);
            if (abandoned == null && ended != null && endIsAbandon) {
                abandoned = ended;
            }
        }
        if (answered != null && answered.isBefore(offered)) {
            throw new IllegalArgumentException("answered before it was offered");
        }
        if (answered != null && ended != null && ended.isBefore(answered)) {
            throw new IllegalArgumentException("ended before it was answered");
        }
        if (abandoned != null && abandoned.isBefore(offered)) {
            throw new IllegalArgumentException("abandoned before it was offered");
        }
        String tenant = c.tenant() != null ? r.get(c.tenant()).strip() : null;
        out.accept(
                ContactOffered.of(
                        "c" + hash + ".o",
                        offered,
                        contactId,
                        channel,
                        q.name(),
                        q.intent(),
                        q.priority(),
                        tenant == null || tenant.isEmpty() ? null : tenant,
                        null));
        String who = agent.isEmpty() ? UNASSIGNED : agent;
        if (answered != null) {
            out.accept(ContactAnswered.of("c" + hash + ".a", answered, contactId, who));
            if (ended != null) {
                out.accept(ContactEnded.of("c" + hash + ".e", ended, contactId, who));
            }
        } else if (abandoned != null) {
            out.accept(ContactAbandoned.of("c" + hash + ".x", abandoned, contactId));
        }
    }

    private static String name(CallsLayout.TimeSpec t) {
        return t.column() != null ? "'" + t.column() + "'" : "'" + t.dateColumn() + "'";
    }

    /** One CSV record read through the layout's column names. */
    private record Row(CSVRecord r, Map<String, Integer> cols) {

        static void check(CallsLayout c, Map<String, Integer> cols, String file) {
            for (String col :
                    new String[] {
                        c.id(),
                        c.queue(),
                        c.channelColumn(),
                        c.agent(),
                        c.tenant(),
                        c.waitDuration() == null ? null : c.waitDuration().column(),
                        c.talkDuration() == null ? null : c.talkDuration().column()
                    }) {
                need(col, cols, file);
            }
            for (CallsLayout.TimeSpec t :
                    new CallsLayout.TimeSpec[] {
                        c.offered(), c.answered(), c.ended(), c.abandoned()
                    }) {
                if (t != null) {
                    need(t.column(), cols, file);
                    need(t.dateColumn(), cols, file);
                    need(t.timeColumn(), cols, file);
                }
            }
        }

        private static void need(String col, Map<String, Integer> cols, String file) {
            if (col != null && !cols.containsKey(col)) {
                throw new InputException(
                        file + ": no column '" + col + "' in the header (named by the mapping)");
            }
        }

        String get(String col) {
            Integer i = cols.get(col);
            return i == null || i >= r.size() ? "" : nullText(r.get(i));
        }

        String canonical() {
            StringBuilder b = new StringBuilder();
            for (String v : r) {
                b.append(v).append('\u001f');
            }
            return b.toString();
        }

        Instant time(CallsLayout.TimeSpec t, String what) {
            if (t == null) {
                return null;
            }
            try {
                if (t.column() != null) {
                    String v = get(t.column());
                    return v.isBlank() ? null : Times.parse(v, t.format(), t.zone());
                }
                String d = get(t.dateColumn());
                String h = get(t.timeColumn());
                if (d.isBlank() || h.isBlank()) {
                    return null;
                }
                return Times.parse(d, h, t.dateFormat(), t.timeFormat(), t.zone());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(what + ": " + e.getMessage());
            }
        }

        Long duration(CallsLayout.DurationSpec d, String what) {
            if (d == null) {
                return null;
            }
            String v = get(d.column()).strip();
            if (v.isEmpty()) {
                return null;
            }
            try {
                if (v.contains(":")) {
                    long s = 0;
                    for (String part : v.split(":")) {
                        s = s * 60 + Long.parseLong(part.strip());
                    }
                    return s * 1000;
                }
                double x = Double.parseDouble(v.replace(',', '.'));
                if (x < 0 || Double.isNaN(x) || Double.isInfinite(x)) {
                    throw new NumberFormatException();
                }
                return Math.round(x * d.unitMillis());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        what
                                + ": unreadable duration '"
                                + Times.abbreviate(v)
                                + "' in column '"
                                + d.column()
                                + "'");
            }
        }

        private static String nullText(String v) {
            return v == null || v.equals("\\N") || v.equalsIgnoreCase("NULL") ? "" : v;
        }
    }
}
