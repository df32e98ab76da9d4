package fr.joignable.inputs;

import fr.joignable.domain.event.AgentStateChanged;
import fr.joignable.domain.event.ContactAbandoned;
import fr.joignable.domain.event.ContactAnswered;
import fr.joignable.domain.event.ContactDiverted;
import fr.joignable.domain.event.ContactEnded;
import fr.joignable.domain.event.ContactOffered;
import fr.joignable.domain.event.EventCodec;
import fr.joignable.domain.event.InteractionEvent;
import fr.joignable.domain.event.WrapupEnded;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Writes events as JSON Lines straight into bytes, with the very bytes of {@link EventCodec#encode}
 * followed by {@code '\n'}, for the events a conversion produces. {@code EventCodec} opens a
 * Jackson generator and builds a {@code String} per event, then the writer turns it back into
 * bytes: that was a quarter of a conversion's time. Here the fields are copied into one reused
 * buffer; an event with any string outside plain printable ASCII (a character JSON escapes, or
 * non-ASCII) or of another type is handed to {@code EventCodec} itself, so the output is the
 * codec's by construction ({@code EventLinesTest} compares them).
 *
 * <p>Not thread-safe: one instance per writing thread.
 */
public final class EventLines {

    private static final long MAX_FAST_SECOND = 253_402_300_799L; // 9999-12-31T23:59:59Z

    private final OutputStream out;
    private byte[] buf = new byte[1 << 16];
    private int n;
    private long cachedSecond = Long.MIN_VALUE;
    private final byte[] cachedDate = new byte[19];

    public EventLines(OutputStream out) {
        this.out = out;
    }

    /** Appends one event and its line end. */
    public void write(InteractionEvent e) throws IOException {
        if (buf.length - n < 1024) {
            flushBuffer();
        }
        int mark = n;
        if (!fast(e)) {
            n = mark;
            byte[] b = (EventCodec.instance().encode(e) + "\n").getBytes(StandardCharsets.UTF_8);
            if (buf.length - n < b.length) {
                flushBuffer();
            }
            if (b.length > buf.length) {
                out.write(b);
            } else {
                System.arraycopy(b, 0, buf, n, b.length);
                n += b.length;
            }
        }
    }

    /** Writes what is buffered to the stream (not flushing the stream itself). */
    public void flushBuffer() throws IOException {
        if (n > 0) {
            out.write(buf, 0, n);
            n = 0;
        }
    }

    private boolean fast(InteractionEvent e) {
        if (!head(e)) {
            return false;
        }
        boolean ok;
        if (e instanceof ContactOffered o) {
            ok =
                    field("contactId", o.contactId())
                            && field("channel", o.channel().name())
                            && field("queue", o.queue())
                            && field("intent", o.intent());
            if (ok) {
                ascii(",\"priority\":");
                number(o.priority());
                ok =
                        (o.tenantId() == null || field("tenantId", o.tenantId()))
                                && (o.residenceId() == null
                                        || field("residenceId", o.residenceId()));
            }
        } else if (e instanceof ContactAnswered a) {
            ok = field("contactId", a.contactId()) && field("agentId", a.agentId());
        } else if (e instanceof ContactAbandoned a) {
            ok = field("contactId", a.contactId());
        } else if (e instanceof ContactDiverted d) {
            ok = field("contactId", d.contactId()) && field("reason", d.reason().name());
        } else if (e instanceof ContactEnded c) {
            ok = field("contactId", c.contactId()) && field("agentId", c.agentId());
        } else if (e instanceof WrapupEnded w) {
            ok = field("contactId", w.contactId()) && field("agentId", w.agentId());
        } else if (e instanceof AgentStateChanged s) {
            ok =
                    field("agentId", s.agentId())
                            && field("team", s.team())
                            && field("state", s.state().name());
        } else {
            return false;
        }
        if (!ok) {
            return false;
        }
        buf[n++] = '}';
        buf[n++] = '\n';
        return true;
    }

    /** {@code {"eventId":…,"type":…,"ts":…}; false when any needs the codec. */
    private boolean head(InteractionEvent e) {
        buf[n++] = '{';
        if (!string("eventId", e.eventId(), false)
                || !field("type", e.type().name())
                || !timestamp(e.ts())) {
            return false;
        }
        return true;
    }

    private boolean field(String name, String value) {
        return string(name, value, true);
    }

    private boolean string(String name, String value, boolean comma) {
        int len = value.length();
        if (buf.length - n < len + name.length() + 8) {
            return false; // very long: left to the codec
        }
        if (comma) {
            buf[n++] = ',';
        }
        buf[n++] = '"';
        ascii(name);
        buf[n++] = '"';
        buf[n++] = ':';
        buf[n++] = '"';
        for (int i = 0; i < len; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
                return false;
            }
            buf[n++] = (byte) c;
        }
        buf[n++] = '"';
        return true;
    }

    /** {@link EventCodec#formatTs}: ISO-8601 UTC, milliseconds only when not zero. */
    private boolean timestamp(Instant ts) {
        long second = ts.getEpochSecond();
        if (second < 0 || second > MAX_FAST_SECOND) {
            return false;
        }
        if (second != cachedSecond) {
            LocalDateTime t = LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC);
            byte[] d = cachedDate;
            digits(d, 0, t.getYear(), 4);
            d[4] = '-';
            digits(d, 5, t.getMonthValue(), 2);
            d[7] = '-';
            digits(d, 8, t.getDayOfMonth(), 2);
            d[10] = 'T';
            digits(d, 11, t.getHour(), 2);
            d[13] = ':';
            digits(d, 14, t.getMinute(), 2);
            d[16] = ':';
            digits(d, 17, t.getSecond(), 2);
            cachedSecond = second;
        }
        ascii(",\"ts\":\"");
        System.arraycopy(cachedDate, 0, buf, n, 19);
        n += 19;
        int millis = ts.getNano() / 1_000_000;
        if (millis != 0) {
            buf[n++] = '.';
            digits(buf, n, millis, 3);
            n += 3;
        }
        buf[n++] = 'Z';
        buf[n++] = '"';
        return true;
    }

    private static void digits(byte[] b, int at, int value, int width) {
        for (int i = width - 1; i >= 0; i--) {
            b[at + i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    private void number(int v) {
        String s = Integer.toString(v);
        ascii(s);
    }

    private void ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            buf[n++] = (byte) s.charAt(i);
        }
    }
}
