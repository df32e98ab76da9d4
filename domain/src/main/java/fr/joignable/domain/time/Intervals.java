package fr.joignable.domain.time;

import java.time.Instant;
import java.time.ZoneId;

/**
 * The 15-minute reporting grid: intervals aligned to the epoch in UTC (…:00, :15, :30, :45). Paris
 * differs from UTC by whole hours, so these are also Paris quarter-hours.
 */
public final class Intervals {

    /** Length of one interval in milliseconds. */
    public static final long INTERVAL_MILLIS = 15 * 60 * 1000L;

    /** Length of one interval in seconds. */
    public static final int INTERVAL_SECONDS = 15 * 60;

    /** The local calendar of reports: days, weeks and months are Paris days. */
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private Intervals() {}

    /** Start (epoch ms) of the interval that contains {@code epochMillis}. */
    public static long startOf(long epochMillis) {
        return Math.floorDiv(epochMillis, INTERVAL_MILLIS) * INTERVAL_MILLIS;
    }

    /** Start of the interval that contains {@code ts}. */
    public static Instant startOf(Instant ts) {
        return Instant.ofEpochMilli(startOf(ts.toEpochMilli()));
    }

    /** End (exclusive, epoch ms) of the interval that contains {@code epochMillis}. */
    public static long endOf(long epochMillis) {
        return startOf(epochMillis) + INTERVAL_MILLIS;
    }
}
