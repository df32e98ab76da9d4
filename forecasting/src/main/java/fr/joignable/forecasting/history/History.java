package fr.joignable.forecasting.history;

import fr.joignable.domain.time.Intervals;
import java.time.Instant;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The history of every series on one common 15-minute grid: {@code intervals} intervals starting at
 * {@code startMillis} (UTC epoch milliseconds), from the first interval of the data to the last.
 *
 * @param startMillis start of the first interval
 * @param intervals number of intervals
 * @param series the series, sorted by queue and channel
 */
public record History(long startMillis, int intervals, SortedMap<SeriesKey, SeriesHistory> series) {

    public History {
        series = Collections.unmodifiableSortedMap(new TreeMap<>(series));
    }

    /** Start of interval {@code i}. */
    public long millisAt(int i) {
        return startMillis + i * Intervals.INTERVAL_MILLIS;
    }

    /** The first interval after the history. */
    public Instant end() {
        return Instant.ofEpochMilli(millisAt(intervals));
    }

    /** The first {@code n} intervals of every series. */
    public History head(int n) {
        if (n < 0 || n > intervals) {
            throw new IllegalArgumentException("head " + n + " of " + intervals);
        }
        SortedMap<SeriesKey, SeriesHistory> cut = new TreeMap<>();
        series.forEach((k, s) -> cut.put(k, s.head(n)));
        return new History(startMillis, n, cut);
    }

    /** Total contacts offered over all series in interval {@code i}. */
    public double totalOffered(int i) {
        double total = 0;
        for (SeriesHistory s : series.values()) {
            total += s.offered()[i];
        }
        return total;
    }
}
