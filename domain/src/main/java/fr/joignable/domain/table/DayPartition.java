package fr.joignable.domain.table;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The one definition of a table's "day": the interval tables are partitioned into directories
 * {@code TABLE/day=YYYY-MM-DD/}, where the date is the <b>UTC</b> calendar day of each row's {@code
 * interval_start}. Reports speak in Paris days, which straddle two UTC partitions (Paris is one or
 * two hours ahead), so anything that selects or deletes partitions by a Paris date must use {@link
 * #start()} and {@link #end()} rather than compare dates.
 */
public record DayPartition(LocalDate utcDay) implements Comparable<DayPartition> {

    /** The directory name prefix of a day partition. */
    public static final String PREFIX = "day=";

    public DayPartition {
        if (utcDay == null) {
            throw new IllegalArgumentException("utcDay is required");
        }
    }

    /** The partition that holds a row whose {@code interval_start} is {@code epochMillis}. */
    public static DayPartition ofMillis(long epochMillis) {
        return new DayPartition(LocalDate.ofEpochDay(epochDayOf(epochMillis)));
    }

    /**
     * The UTC day number ({@link LocalDate#toEpochDay}) of the partition of {@code epochMillis}:
     * the same day as {@link #ofMillis}, as a key, without building a date.
     */
    public static long epochDayOf(long epochMillis) {
        return Math.floorDiv(epochMillis, MILLIS_PER_DAY);
    }

    private static final long MILLIS_PER_DAY = 86_400_000L;

    /** The partition of a directory name such as {@code day=2026-10-05}, if it is one. */
    public static Optional<DayPartition> parse(String directoryName) {
        if (directoryName == null || !directoryName.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new DayPartition(LocalDate.parse(directoryName.substring(4))));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The directory name, {@code day=YYYY-MM-DD}. */
    public String directoryName() {
        return PREFIX + utcDay;
    }

    /** The first instant the partition holds (inclusive). */
    public Instant start() {
        return utcDay.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The end of the partition (exclusive). */
    public Instant end() {
        return utcDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Whether every row the partition can hold lies before {@code cutoff}. */
    public boolean endsBy(Instant cutoff) {
        return !end().isAfter(cutoff);
    }

    @Override
    public int compareTo(DayPartition other) {
        return utcDay.compareTo(other.utcDay);
    }
}
