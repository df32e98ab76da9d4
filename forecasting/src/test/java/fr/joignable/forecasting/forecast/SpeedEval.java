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

/**
 * Forecast speed (a main class, not a test): S synthetic series of two years (4 in 5 weekday series
 * 08:00–18:00, 1 in 5 around the clock), {@code auto} with a 28-day horizon; the second of two runs
 * of auto (the first warms the JIT), then profile and DSES alone; wall and CPU time. Argument: S
 * (default 20).
 */
public final class SpeedEval {

    private SpeedEval() {}

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Map<SeriesKey, Synthetic.Centre> centres = new LinkedHashMap<>();
        for (int s = 0; s < count; s++) {
            boolean allDay = s % 5 == 4;
            centres.put(
                    new SeriesKey(String.format("q%02d", s), allDay ? "PORTAL" : "PHONE"),
                    allDay
                            ? new Synthetic.Centre(EnumSet.allOf(DayOfWeek.class), 0, 24, 3, 600)
                            : new Synthetic.Centre(
                                    EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                                    8,
                                    18,
                                    5 + 2 * (s % 13),
                                    240));
        }
        History h = Synthetic.history(7, LocalDate.of(2024, 1, 1), 728, Intervals.PARIS, centres);
        java.lang.management.ThreadMXBean cpu =
                java.lang.management.ManagementFactory.getThreadMXBean();
        for (Model m : new Model[] {Model.AUTO, Model.AUTO, Model.PROFILE, Model.DSES}) {
            long t0 = System.nanoTime();
            long c0 = cpu.getCurrentThreadCpuTime();
            new Forecaster(Forecaster.Options.defaults().withModel(m))
                    .forecast(h, 28 * 96, Progress.NONE);
            double s = (System.nanoTime() - t0) / 1e9;
            double c = (cpu.getCurrentThreadCpuTime() - c0) / 1e9;
            System.out.printf(
                    "%s: %.3f s wall, %.3f s CPU per series of two years (%d series)%n",
                    m.label(), s / count, c / count, count);
        }
    }
}
