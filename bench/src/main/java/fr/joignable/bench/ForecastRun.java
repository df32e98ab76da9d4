package fr.joignable.bench;

import fr.joignable.domain.io.Progress;
import fr.joignable.domain.time.Intervals;
import fr.joignable.forecasting.forecast.ForecastResult;
import fr.joignable.forecasting.forecast.Forecaster;
import fr.joignable.forecasting.forecast.Model;
import fr.joignable.forecasting.history.History;
import fr.joignable.forecasting.history.SeriesKey;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Forecasting S series of two years of 15-minute history (4 in 5 weekday series open 08:00–18:00, 1
 * in 5 open around the clock, as {@code ForecastBenchmark} of the forecasting module): the best
 * pick ({@code auto}: rolling-origin backtest of 7 candidates (the Poisson GLM of the daily totals
 * first) and their combinations, interval calibration, then the final fit) with a 28-day horizon,
 * against the seasonal-naive model alone on the same history in the same run.
 */
public final class ForecastRun {

    static final String NAME = "forecast";

    /** The aim of issue 19: under 0.2 s per series of two years. */
    static final double AIM_SECONDS = 0.2;

    private static final java.lang.management.ThreadMXBean CPU =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private ForecastRun() {}

    public static List<Row> run(int seriesCount) {
        Set<DayOfWeek> weekdays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        Set<DayOfWeek> all = EnumSet.allOf(DayOfWeek.class);
        Map<SeriesKey, SyntheticHistory.Centre> centres = new LinkedHashMap<>();
        for (int s = 0; s < seriesCount; s++) {
            boolean allDay = s % 5 == 4;
            centres.put(
                    new SeriesKey(String.format("q%02d", s), allDay ? "PORTAL" : "PHONE"),
                    allDay
                            ? new SyntheticHistory.Centre(all, 0, 24, 3 + s % 7, 600)
                            : new SyntheticHistory.Centre(weekdays, 8, 18, 5 + 2 * (s % 13), 240));
        }
        History history =
                SyntheticHistory.history(
                        7, LocalDate.of(2024, 1, 1), 2 * 364, Intervals.PARIS, centres);
        int horizon = 28 * 96;
        time(history, Model.AUTO, horizon); // JIT warm-up
        time(history, Model.SNAIVE, horizon);
        long cpu0 = CPU.getCurrentThreadCpuTime();
        double auto = time(history, Model.AUTO, horizon);
        double autoCpu = (CPU.getCurrentThreadCpuTime() - cpu0) / 1e9;
        double naive = time(history, Model.SNAIVE, horizon);
        int n = history.series().size();
        String workload = String.format("%d series × 2 years, 28-day horizon", n);
        return List.of(
                Row.ratio(
                        NAME,
                        "best pick (auto) time / seasonal naive time, " + workload,
                        auto / naive,
                        "the price of the rolling-origin selection, the DSES fits and the calibration"),
                Row.ratio(
                        NAME,
                        "best pick (auto) CPU time per series / the aim of 0.2 s (issue 19)",
                        autoCpu / n / AIM_SECONDS,
                        "below 1: within the aim; the forecaster is single-threaded, so its CPU"
                                + " time is its time on an idle core"),
                Row.of(NAME, "best pick (auto) CPU time, " + workload, autoCpu / n, "s/series"),
                Row.of(NAME, "best pick (auto), " + workload, auto / n, "s/series"),
                Row.of(NAME, "seasonal naive alone, " + workload, naive / n, "s/series"));
    }

    private static double time(History history, Model model, int horizon) {
        long t0 = System.nanoTime();
        ForecastResult r =
                new Forecaster(Forecaster.Options.defaults().withModel(model))
                        .forecast(history, horizon, Progress.NONE);
        double s = (System.nanoTime() - t0) / 1e9;
        if (r.series().isEmpty()) {
            throw new IllegalStateException("no forecast");
        }
        return s;
    }
}
