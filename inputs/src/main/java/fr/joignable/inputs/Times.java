package fr.joignable.inputs;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * Reads the times exports write: an epoch in seconds (fractions allowed) or milliseconds (13
 * digits), an ISO-8601 date-time with {@code T} or a space, optional fractions and an optional
 * offset ({@code Z}, {@code +02}, {@code +02:00}); without an offset it is a local time in the
 * mapping's zone. A {@code pattern} (Java {@code DateTimeFormatter}) reads any other form.
 */
public final class Times {

    private static final DateTimeFormatter ISO_LIKE =
            new DateTimeFormatterBuilder()
                    .parseCaseInsensitive()
                    .append(DateTimeFormatter.ISO_LOCAL_DATE)
                    .optionalStart()
                    .appendLiteral('T')
                    .optionalEnd()
                    .optionalStart()
                    .appendLiteral(' ')
                    .optionalEnd()
                    .appendValue(ChronoField.HOUR_OF_DAY, 2)
                    .appendLiteral(':')
                    .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
                    .optionalStart()
                    .appendLiteral(':')
                    .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
                    .optionalStart()
                    .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
                    .optionalEnd()
                    .optionalEnd()
                    .optionalStart()
                    .appendOffset("+HH:mm", "Z")
                    .optionalEnd()
                    .optionalStart()
                    .appendOffset("+HH", "Z")
                    .optionalEnd()
                    .toFormatter();

    private Times() {}

    /** Parses {@code value}; throws {@link IllegalArgumentException} with a short reason. */
    public static Instant parse(String value, DateTimeFormatter pattern, ZoneId zone) {
        String v = value.strip();
        if (v.isEmpty()) {
            throw new IllegalArgumentException("empty time");
        }
        try {
            if (pattern != null) {
                return resolve(pattern.parse(v), zone);
            }
            if (isEpoch(v)) {
                return epoch(v);
            }
            return resolve(ISO_LIKE.parse(v), zone);
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("unreadable time '" + abbreviate(v) + "'");
        }
    }

    /** A date and a time of day in two columns. */
    public static Instant parse(
            String date,
            String time,
            DateTimeFormatter datePattern,
            DateTimeFormatter timePattern,
            ZoneId zone) {
        try {
            LocalDate d =
                    LocalDate.parse(
                            date.strip(),
                            datePattern != null ? datePattern : DateTimeFormatter.ISO_LOCAL_DATE);
            LocalTime t =
                    LocalTime.parse(
                            time.strip(),
                            timePattern != null ? timePattern : DateTimeFormatter.ISO_LOCAL_TIME);
            return LocalDateTime.of(d, t).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "unreadable date/time '" + abbreviate(date) + " " + abbreviate(time) + "'");
        }
    }

    private static Instant resolve(TemporalAccessor t, ZoneId zone) {
        if (t.isSupported(ChronoField.OFFSET_SECONDS)) {
            return OffsetDateTime.from(t).toInstant();
        }
        LocalDate d = LocalDate.from(t);
        LocalTime time =
                t.isSupported(ChronoField.HOUR_OF_DAY) ? LocalTime.from(t) : LocalTime.MIDNIGHT;
        return LocalDateTime.of(d, time).atZone(zone).toInstant();
    }

    static boolean isEpoch(String v) {
        int dots = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '.') {
                dots++;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return dots <= 1 && v.charAt(0) != '.';
    }

    /** Epoch seconds (fractions allowed), or milliseconds when 13 digits or more. */
    static Instant epoch(String v) {
        int dot = v.indexOf('.');
        String whole = dot < 0 ? v : v.substring(0, dot);
        if (dot < 0 && whole.length() >= 13) {
            return Instant.ofEpochMilli(Long.parseLong(whole));
        }
        long s = Long.parseLong(whole);
        long ms = 0;
        if (dot >= 0) {
            String frac = (v.substring(dot + 1) + "000").substring(0, 3);
            ms = Long.parseLong(frac);
        }
        return Instant.ofEpochSecond(s).plusMillis(ms);
    }

    static String abbreviate(String v) {
        return v.length() > 40 ? v.substring(0, 40) + "…" : v;
    }
}
