package fr.joignable.forecasting.forecast;

import fr.joignable.domain.io.Progress;
import fr.joignable.domain.time.Intervals;
import fr.joignable.forecasting.history.History;
import fr.joignable.forecasting.history.SeriesKey;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Speed benchmark (not a test): 50 series of two years of 15-minute history (40 weekday series open
 * 08:00-18:00, 10 series open around the clock), best pick and forecast of 28 days. Prints the
 * seconds per series.
 */
public final class ForecastBenchmark {

    private ForecastBenchmark() {}

    public static void main(String[] args) {
        int seriesCount = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        Set<DayOfWeek> weekdays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        Set<DayOfWeek> all = EnumSet.allOf(DayOfWeek.class);
        Map<SeriesKey, Synthetic.Centre> centres = new LinkedHashMap<>();
        for (int s = 0; s < seriesCount; s++) {
            boolean allDay = s % 5 == 4;
            centres.put(
                    new SeriesKey(String.format("q%02d", s), allDay ? "PORTAL" : "PHONE"),
                    allDay
                            ? new Synthetic.Centre(all, 0, 24, 3 + s % 7, 600)
                            : new Synthetic.Centre(weekdays, 8, 18, 5 + 2 * (s % 13), 240));
        }
        long g0 = System.nanoTime();
        History history =
                Synthetic.history(7, LocalDate.of(2024, 1, 1), 2 * 364, Intervals.PARIS, centres);
        System.out.printf(
                "generated %d series x %d intervals in %.1f s%n",
                history.series().size(), history.intervals(), (System.nanoTime() - g0) / 1e9);
        for (int run = 1; run <= 2; run++) {
            long t0 = System.nanoTime();
            ForecastResult r =
                    new Forecaster(Forecaster.Options.defaults())
                            .forecast(history, 28 * 96, Progress.NONE);
            double seconds = (System.nanoTime() - t0) / 1e9;
            Map<Model, Integer> picks = new java.util.EnumMap<>(Model.class);
            r.series().forEach(f -> picks.merge(f.model(), 1, Integer::sum));
            System.out.printf(
                    "run %d: %.2f s for %d series = %.3f s per series (auto: best pick + 28-day forecast); picks %s%n",
                    run, seconds, r.series().size(), seconds / r.series().size(), picks);
        }
    }
}
