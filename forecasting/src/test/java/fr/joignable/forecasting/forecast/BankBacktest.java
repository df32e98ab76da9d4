package fr.joignable.forecasting.forecast;

import fr.joignable.domain.io.Progress;
import fr.joignable.domain.time.Intervals;
import fr.joignable.forecasting.history.History;
import fr.joignable.forecasting.history.SeriesHistory;
import fr.joignable.forecasting.history.SeriesKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Accuracy on real data (not a test): the 2003 arrivals of a North American bank, five-minute
 * counts aggregated to 15 minutes in the bank's own time (America/New_York), the last four weeks
 * (20 weekdays) held out and forecast 1 to 28 days ahead from the rest.
 *
 * <p>How to run it: {@code docs/forecasting.md}.
 *
 * <p>Argument: the CSV, default {@code /work/shared/data/us_bank_2003_5min_calls.csv}.
 */
public final class BankBacktest {

    public static final ZoneId ZONE = ZoneId.of("America/New_York");

    private BankBacktest() {}

    public static void main(String[] args) throws IOException {
        Path csv =
                Path.of(
                        args.length > 0
                                ? args[0]
                                : "/work/shared/data/us_bank_2003_5min_calls.csv");
        History history = load(csv);
        Forecaster.Options options =
                Forecaster.Options.defaults().withZone(ZONE).withCalendar(ForecastCalendar.NONE);
        PrintWriter out = new PrintWriter(System.out, true);
        out.printf(
                "bank history: %d intervals from %s to %s%n",
                history.intervals(),
                java.time.Instant.ofEpochMilli(history.startMillis()),
                history.end());
        for (Model m : List.of(Model.AUTO, Model.DSES)) {
            long t0 = System.nanoTime();
            Backtest.Report r = Backtest.run(history, 28, options.withModel(m), Progress.NONE);
            out.printf("--model %s (%.2f s)%n", m.label(), (System.nanoTime() - t0) / 1e9);
            r.print(out);
            out.printf(
                    java.util.Locale.ROOT,
                    "WAPE over the 4 weeks held out: %s %.2f%%, seasonal naive %.2f%%,"
                            + " mean of 4 weeks %.2f%%%n",
                    r.series().get(0).model(),
                    100 * r.overall().wape(),
                    100 * r.overall().wapeSnaive(),
                    100 * r.overall().wapeMean4());
        }
    }

    /** The bank series on the 15-minute UTC grid. */
    public static History load(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        Map<Long, Double> counts = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            String[] dmy = f[1].split("\\.");
            LocalDate date =
                    LocalDate.of(
                            Integer.parseInt(dmy[2]),
                            Integer.parseInt(dmy[1]),
                            Integer.parseInt(dmy[0]));
            LocalTime time = LocalTime.parse(f[3]);
            LocalTime quarter = time.withMinute(time.getMinute() / 15 * 15);
            long t = date.atTime(quarter).atZone(ZONE).toInstant().toEpochMilli();
            counts.merge(t, Double.parseDouble(f[4]), Double::sum);
        }
        long first = counts.keySet().iterator().next();
        long last = ((TreeMap<Long, Double>) counts).lastKey();
        int n = (int) ((last - first) / Intervals.INTERVAL_MILLIS) + 1;
        double[] offered = new double[n];
        counts.forEach((t, c) -> offered[(int) ((t - first) / Intervals.INTERVAL_MILLIS)] = c);
        TreeMap<SeriesKey, SeriesHistory> series = new TreeMap<>();
        series.put(
                new SeriesKey("bank", "PHONE"),
                new SeriesHistory(offered, new double[n], new double[n]));
        return new History(first, n, series);
    }
}
