package fr.joignable.forecasting.forecast;

import fr.joignable.domain.io.Progress;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Forecasts every series of a history: contacts offered and handle time per 15-minute interval.
 *
 * <p>Each series is turned into a <em>compressed</em> series over its open time only, in the local
 * time of {@code zone}: the open weekdays and the open time-of-day slots are learnt from the last
 * {@code lookbackWeeks} of history (a weekday or slot that never had a contact is closed, forecast
 * 0); closed days (calendar, or days without any contact in any series) and special days stay in
 * the compressed series as left-out values ({@code NaN}), so the weekly cycle keeps its alignment.
 * The daily period is the number of open slots, the weekly period that times the open weekdays.
 */
public final class Forecaster {

    /** Slots of 15 minutes in a local day. */
    static final int SLOTS = 96;

    /** Handled contacts' weight of the fallback mean in the smoothed handle time. */
    static final double AHT_PRIOR = 10;

    /**
     * @param zone local time of the seasonal positions (weekday, time of day)
     * @param calendar closed and special days
     * @param model the model, or {@link Model#AUTO} for the best pick
     * @param lookbackWeeks history used to learn the open schedule, the baselines and handle times
     * @param fitWeeks history used to fit the smoothing parameters
     * @param pickOrigins rolling origins (one week apart) of the best-pick backtest (8: against 4,
     *     the summed WAPE of the measured series fell at 1, 7 and 28 days, docs/forecasting.md)
     * @param reforecast rescale the rest of a day whose first hours end the history ({@link
     *     Reforecast})
     */
    public record Options(
            ZoneId zone,
            ForecastCalendar calendar,
            Model model,
            int lookbackWeeks,
            int fitWeeks,
            int pickOrigins,
            boolean reforecast) {

        public static Options defaults() {
            return new Options(
                    Intervals.PARIS, ForecastCalendar.FRENCH, Model.AUTO, 26, 12, 8, false);
        }

        public Options withZone(ZoneId z) {
            return new Options(
                    z, calendar, model, lookbackWeeks, fitWeeks, pickOrigins, reforecast);
        }

        public Options withCalendar(ForecastCalendar c) {
            return new Options(zone, c, model, lookbackWeeks, fitWeeks, pickOrigins, reforecast);
        }

        public Options withModel(Model m) {
            return new Options(zone, calendar, m, lookbackWeeks, fitWeeks, pickOrigins, reforecast);
        }

        /** With {@code true}, a history ending in the middle of a day rescales the rest of it. */
        public Options withReforecast(boolean r) {
            return new Options(zone, calendar, model, lookbackWeeks, fitWeeks, pickOrigins, r);
        }
    }

    private final Options options;

    public Forecaster(Options options) {
        this.options = options;
    }

    /** Forecasts the {@code horizon} intervals following the history. */
    public ForecastResult forecast(History history, int horizon, Progress progress) {
        return forecast(history, horizon, Set.of(), progress);
    }

    /**
     * Forecasts the {@code horizon} intervals following the history, with extra closure dates known
     * in advance.
     */
    public ForecastResult forecast(
            History history, int horizon, Set<LocalDate> knownClosures, Progress progress) {
        int n = history.intervals();
        Grid grid = new Grid(history.startMillis(), n + horizon, options.zone());
        Set<LocalDate> closed = new HashSet<>(knownClosures);
        Set<LocalDate> empty = emptyDays(history, grid);
        closed.addAll(empty);
        ForecastCalendar calendar = options.calendar().withClosed(closed);
        double globalAht = globalAht(history);
        List<SeriesForecast> out = new ArrayList<>();
        int done = 0;
        progress.update(0, history.series().size());
        for (Map.Entry<SeriesKey, SeriesHistory> e : history.series().entrySet()) {
            // a series that works on French public holidays (a portal, a centre abroad) keeps them
            ForecastCalendar own =
                    calendar.publicHolidays()
                                    && worksOnPublicHolidays(e.getValue().offered(), history, grid)
                            ? calendar.withPublicHolidays(false)
                            : calendar;
            out.add(
                    new SeriesForecaster(grid, n, horizon, own, options)
                            .forecast(e.getKey(), e.getValue(), globalAht));
            progress.update(++done, history.series().size());
        }
        // rows for the centre's open time: the open intervals of any series, so that deferred work
        // that staffing moves into office hours lands on a row of its own series
        boolean[] any = new boolean[horizon];
        for (SeriesForecast f : out) {
            for (int h = 0; h < horizon; h++) {
                any[h] |= f.open()[h];
            }
        }
        for (SeriesForecast f : out) {
            System.arraycopy(any, 0, f.open(), 0, horizon);
        }
        return new ForecastResult(history.millisAt(n), horizon, out);
    }

    /** Local dates wholly inside the history without any contact in any series. */
    static Set<LocalDate> emptyDays(History history, Grid grid) {
        int n = history.intervals();
        Set<LocalDate> empty = new HashSet<>();
        int i = 0;
        while (i < n) {
            int day = grid.epochDay[i];
            int j = i;
            double total = 0;
            while (j < grid.size && grid.epochDay[j] == day) {
                if (j < n) {
                    total += history.totalOffered(j);
                }
                j++;
            }
            boolean whole = grid.dayStartsAt(i) && j <= n;
            if (whole && total == 0) {
                empty.add(LocalDate.ofEpochDay(day));
            }
            i = j;
        }
        return empty;
    }

    /**
     * True when the history shows the centre open on French public holidays: some series works on
     * them ({@link #worksOnPublicHolidays}).
     */
    static boolean opensOnPublicHolidays(History history, Grid grid, Set<LocalDate> empty) {
        for (SeriesHistory s : history.series().values()) {
            if (worksOnPublicHolidays(s.offered(), history, grid)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when a series works on French public holidays: of the holidays wholly inside the history
     * that fall on a weekday when the series has contacts, more had contacts than not. A centre
     * abroad, or a channel that runs on holidays (the tenant portal), then keeps them as ordinary
     * days; with no such holiday in the history they stay closed.
     */
    static boolean worksOnPublicHolidays(double[] offered, History history, Grid grid) {
        boolean[] activeWeekday = new boolean[7];
        Map<LocalDate, Double> holidays = new java.util.HashMap<>();
        int n = history.intervals();
        for (int i = 0; i < n; i++) {
            LocalDate d = grid.date(i);
            if (FrenchPublicHolidays.isHoliday(d)) {
                holidays.merge(d, offered[i], Double::sum);
            } else if (offered[i] > 0) {
                activeWeekday[grid.weekday[i]] = true;
            }
        }
        int open = 0;
        int closedCount = 0;
        for (Map.Entry<LocalDate, Double> e : holidays.entrySet()) {
            LocalDate d = e.getKey();
            if (!activeWeekday[d.getDayOfWeek().getValue() - 1]) {
                continue;
            }
            long start = d.atStartOfDay(grid.zone).toInstant().toEpochMilli();
            long end = d.plusDays(1).atStartOfDay(grid.zone).toInstant().toEpochMilli();
            if (start < history.startMillis() || end > history.millisAt(n)) {
                continue;
            }
            if (e.getValue() > 0) {
                open++;
            } else {
                closedCount++;
            }
        }
        return open > closedCount;
    }

    private static double globalAht(History history) {
        double h = 0;
        double s = 0;
        for (SeriesHistory sh : history.series().values()) {
            for (int i = 0; i < history.intervals(); i++) {
                h += sh.handled()[i];
                s += sh.handleSeconds()[i];
            }
        }
        return h > 0 ? s / h : Double.NaN;
    }

    /** Local date and slot of each interval of history and horizon. */
    static final class Grid {
        final int size;
        final int[] epochDay;
        final byte[] slot;
        final byte[] weekday;
        final ZoneId zone;

        Grid(long startMillis, int size, ZoneId zone) {
            this.size = size;
            this.zone = zone;
            epochDay = new int[size];
            slot = new byte[size];
            weekday = new byte[size];
            for (int i = 0; i < size; i++) {
                ZonedDateTime t =
                        Instant.ofEpochMilli(startMillis + i * Intervals.INTERVAL_MILLIS)
                                .atZone(zone);
                LocalDate d = t.toLocalDate();
                epochDay[i] = (int) d.toEpochDay();
                slot[i] = (byte) ((t.getHour() * 60 + t.getMinute()) / 15);
                weekday[i] = (byte) (d.getDayOfWeek().getValue() - 1);
            }
        }

        boolean dayStartsAt(int i) {
            return i > 0 ? epochDay[i - 1] != epochDay[i] : slot[i] == 0;
        }

        LocalDate date(int i) {
            return LocalDate.ofEpochDay(epochDay[i]);
        }

        static DayOfWeek dayOfWeek(int weekday) {
            return DayOfWeek.of(weekday + 1);
        }
    }
}
