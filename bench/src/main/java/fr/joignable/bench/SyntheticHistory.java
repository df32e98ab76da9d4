package fr.joignable.bench;

import fr.joignable.domain.time.FrenchPublicHolidays;
import fr.joignable.domain.time.Intervals;
import fr.joignable.forecasting.history.History;
import fr.joignable.forecasting.history.SeriesHistory;
import fr.joignable.forecasting.history.SeriesKey;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Copied from {@code forecasting/src/test/.../forecast/Synthetic.java} (test scope there).
 *
 * <p>Synthetic double-seasonal Poisson arrivals: a daily profile with morning and afternoon peaks
 * in local time, a weekday factor, closed at night, on closed weekdays and on French public
 * holidays.
 */
final class SyntheticHistory {

    static final double[] DAY_FACTOR = {1.3, 1.1, 1.0, 0.95, 0.85, 0.6, 0.5};

    /** Open weekdays, hours [open, close) local, mean arrivals per interval at the peak. */
    record Centre(Set<DayOfWeek> days, int open, int close, double peak, double ahtS) {}

    private SyntheticHistory() {}

    static double rate(Centre c, ZonedDateTime t) {
        LocalDate d = t.toLocalDate();
        if (!c.days().contains(d.getDayOfWeek()) || FrenchPublicHolidays.isHoliday(d)) {
            return 0;
        }
        double hour = t.getHour() + t.getMinute() / 60.0;
        if (hour < c.open() || hour >= c.close()) {
            return 0;
        }
        double shape =
                0.3
                        + Math.exp(-Math.pow((hour - 10) / 1.5, 2))
                        + 0.8 * Math.exp(-Math.pow((hour - 14.5) / 1.5, 2));
        return c.peak() * shape * DAY_FACTOR[d.getDayOfWeek().getValue() - 1];
    }

    /** {@code days} local days from {@code first} (midnight, local), one series per centre. */
    static History history(
            long seed, LocalDate first, int days, ZoneId zone, Map<SeriesKey, Centre> centres) {
        RandomGenerator rng = new Well19937c(seed);
        long start = first.atStartOfDay(zone).toInstant().toEpochMilli();
        long end = first.plusDays(days).atStartOfDay(zone).toInstant().toEpochMilli();
        int n = (int) ((end - start) / Intervals.INTERVAL_MILLIS);
        Map<SeriesKey, SeriesHistory> series = new TreeMap<>();
        for (Map.Entry<SeriesKey, Centre> e : centres.entrySet()) {
            double[] offered = new double[n];
            double[] handled = new double[n];
            double[] seconds = new double[n];
            for (int i = 0; i < n; i++) {
                ZonedDateTime t =
                        Instant.ofEpochMilli(start + i * Intervals.INTERVAL_MILLIS).atZone(zone);
                double r = rate(e.getValue(), t);
                if (r > 0) {
                    offered[i] = new PoissonDistribution(rng, r, 1e-12, 10_000).sample();
                    handled[i] = offered[i];
                    seconds[i] = offered[i] * e.getValue().ahtS() * (t.getHour() < 12 ? 1 : 2);
                }
            }
            series.put(e.getKey(), new SeriesHistory(offered, handled, seconds));
        }
        return new History(start, n, new TreeMap<>(series));
    }
}
