package fr.joignable.domain.time;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the durations users type: {@code 20s}, {@code 5m}, {@code 1h}, {@code 48h}, {@code 7d},
 * decimals too ({@code 243.5s}); a bare number means seconds ({@code docs/cli.md}). ISO-8601 as
 * {@link Duration#parse} reads it ({@code PT1M30S}, {@code P2D}) is accepted too, since that is how
 * {@link Duration#toString()} and Flink configurations write them.
 */
public final class Durations {

    private static final Pattern FORM =
            Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)\\s*(ms|s|m|h|d)?");

    private Durations() {}

    /**
     * The duration in seconds.
     *
     * @throws IllegalArgumentException when the text is not a non-negative duration
     */
    public static double parseSeconds(String text) {
        if (text == null) {
            throw new IllegalArgumentException("a duration is required");
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("p")) {
            return iso(text);
        }
        Matcher m = FORM.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a duration (e.g. 20s, 5m, 1h, 7d, 243.5s)");
        }
        double value = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double factor =
                switch (unit) {
                    case "ms" -> 0.001;
                    case "s" -> 1;
                    case "m" -> 60;
                    case "h" -> 3600;
                    case "d" -> 86400;
                    default -> throw new IllegalStateException(unit);
                };
        double seconds = value * factor;
        if (!Double.isFinite(seconds)) {
            throw new IllegalArgumentException("'" + text + "' is too large a duration");
        }
        return seconds;
    }

    private static double iso(String text) {
        Duration d;
        try {
            d = Duration.parse(text.trim().toUpperCase(Locale.ROOT));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a duration (e.g. 20s, 5m, 1h, 7d, 243.5s, PT1M30S)");
        }
        if (d.isNegative()) {
            throw new IllegalArgumentException("'" + text + "' is a negative duration");
        }
        return d.getSeconds() + d.getNano() / 1e9;
    }

    /** The duration, rounded to the millisecond. */
    public static Duration parse(String text) {
        return Duration.ofMillis(Math.round(parseSeconds(text) * 1000));
    }
}
