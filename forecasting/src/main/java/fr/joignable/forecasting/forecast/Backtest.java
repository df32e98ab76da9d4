package fr.joignable.forecasting.forecast;

import fr.joignable.domain.io.InputException;
import fr.joignable.domain.io.Progress;
import fr.joignable.domain.time.Intervals;
import fr.joignable.forecasting.history.History;
import fr.joignable.forecasting.history.SeriesKey;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Rolling-origin backtest: from each of {@code origins} cut-offs one week apart (the latest one
 * {@code N} days before the end of the history) the model forecasts the next {@code N} days from
 * the history before the cut-off only, and is compared with what arrived.
 *
 * <p>Measures, summed over every origin and interval held out: WAPE = Σ|actual − forecast| / Σ
 * actual of the model used, of the seasonal naive and of the mean of four weeks; the share of
 * actuals above P90 and below P10 (over the intervals with a forecast or contacts); the handle-time
 * error Σ handled · |aht − forecast aht| / Σ handled · aht of the chosen handle-time estimator and
 * of the 4-week mean.
 *
 * <p>Days held out without any contact in any series are closures the planner knew of: they are
 * given to the forecast as closed days.
 */
public final class Backtest {

    /** Accumulated sums of one series, queue or the whole. */
    static final class Sums {
        double actual;
        double err;
        double errSnaive;
        double errMean4;
        long points;
        long above90;
        long below10;
        double ahtWeight;
        double ahtErr;
        double ahtErrMean4;

        void add(Sums o) {
            actual += o.actual;
            err += o.err;
            errSnaive += o.errSnaive;
            errMean4 += o.errMean4;
            points += o.points;
            above90 += o.above90;
            below10 += o.below10;
            ahtWeight += o.ahtWeight;
            ahtErr += o.ahtErr;
            ahtErrMean4 += o.ahtErrMean4;
        }
    }

    /**
     * Accuracy of one series; of one queue over its channels ({@code key} with channel {@code *},
     * {@code model} null); or of all ({@code key} and {@code model} null).
     *
     * @param model the model chosen at the latest origin
     * @param above90 share of actuals above P90
     * @param below10 share of actuals below P10
     * @param ahtWape handle-time error of the forecast ({@code NaN} without handled contacts)
     * @param ahtWapeMean4 the same for the 4-week mean
     */
    public record Line(
            SeriesKey key,
            String model,
            double actual,
            double wape,
            double wapeSnaive,
            double wapeMean4,
            double above90,
            double below10,
            double ahtWape,
            double ahtWapeMean4) {

        /** Relative gain on the better baseline: 1 − WAPE / min(baselines). */
        public double gain() {
            return 1 - wape / Math.min(wapeSnaive, wapeMean4);
        }

        /** Share of actuals within [P10, P90]. */
        public double coverage() {
            return 1 - above90 - below10;
        }
    }

    /** Per-series lines, per-queue lines, then the overall line. */
    public record Report(
            int days, int origins, List<Line> series, List<Line> queues, Line overall) {

        /** The report as a readable table. */
        public void print(PrintWriter out) {
            out.printf(
                    Locale.ROOT,
                    "%-26s %-22s %10s %7s %7s %7s %6s %6s %6s %7s %7s%n",
                    "series (queue/channel)",
                    "model",
                    "offered",
                    "WAPE",
                    "snaive",
                    "mean4",
                    "gain",
                    ">P90",
                    "<P10",
                    "AHT",
                    "AHT-m4");
            for (Line l : series) {
                row(out, l.key().toString(), l.model(), l);
            }
            for (Line l : queues) {
                row(out, "queue " + l.key().queue(), "", l);
            }
            row(out, "overall", "", overall);
            out.flush();
        }

        private static void row(PrintWriter out, String name, String model, Line l) {
            out.printf(
                    Locale.ROOT,
                    "%-26s %-22s %10.0f %7s %7s %7s %6s %6s %6s %7s %7s%n",
                    name,
                    model,
                    l.actual(),
                    pct(l.wape()),
                    pct(l.wapeSnaive()),
                    pct(l.wapeMean4()),
                    pct(l.gain()),
                    pct(l.above90()),
                    pct(l.below10()),
                    pct(l.ahtWape()),
                    pct(l.ahtWapeMean4()));
        }

        private static String pct(double v) {
            return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f%%", 100 * v) : "-";
        }
    }

    private Backtest() {}

    /** One origin, {@code holdoutDays} held out. */
    public static Report run(
            History history, int holdoutDays, Forecaster.Options options, Progress progress) {
        return run(history, holdoutDays, 1, options, progress);
    }

    public static Report run(
            History history,
            int holdoutDays,
            int origins,
            Forecaster.Options options,
            Progress progress) {
        int holdout = holdoutDays * 24 * 3600 / Intervals.INTERVAL_SECONDS;
        int week = 7 * Forecaster.SLOTS;
        int lastCut = history.intervals() - holdout;
        if (lastCut < week) {
            throw new InputException(
                    "history too short to hold out "
                            + holdoutDays
                            + " days: it spans "
                            + history.intervals() / Forecaster.SLOTS
                            + " days and at least one more week is needed");
        }
        int usable = Math.max(1, Math.min(origins, 1 + (lastCut - 3 * week) / week));
        Forecaster.Grid grid =
                new Forecaster.Grid(history.startMillis(), history.intervals(), options.zone());
        var closures = Forecaster.emptyDays(history, grid);
        Map<SeriesKey, Sums> perSeries = new TreeMap<>();
        Map<SeriesKey, String> models = new LinkedHashMap<>();
        progress.update(0, usable);
        for (int r = 0; r < usable; r++) {
            int cut = lastCut - r * week;
            ForecastResult result =
                    new Forecaster(options)
                            .forecast(history.head(cut), holdout, closures, Progress.NONE);
            for (SeriesForecast f : result.series()) {
                var s = history.series().get(f.key());
                Sums sums = perSeries.computeIfAbsent(f.key(), k -> new Sums());
                models.putIfAbsent(f.key(), f.model());
                for (int h = 0; h < holdout; h++) {
                    double a = s.offered()[cut + h];
                    sums.actual += a;
                    sums.err += Math.abs(a - f.offered()[h]);
                    sums.errSnaive += Math.abs(a - f.seasonalNaive()[h]);
                    sums.errMean4 += Math.abs(a - f.mean4()[h]);
                    if (f.offered()[h] > 0 || a > 0) {
                        sums.points++;
                        sums.above90 += a > f.p90()[h] ? 1 : 0;
                        sums.below10 += a < f.p10()[h] ? 1 : 0;
                    }
                    double hd = s.handled()[cut + h];
                    if (hd > 0 && Double.isFinite(f.ahtS()[h])) {
                        sums.ahtWeight += s.handleSeconds()[cut + h];
                        sums.ahtErr += Math.abs(s.handleSeconds()[cut + h] - hd * f.ahtS()[h]);
                        sums.ahtErrMean4 +=
                                Math.abs(s.handleSeconds()[cut + h] - hd * f.ahtMean4()[h]);
                    }
                }
            }
            progress.update(r + 1, usable);
        }
        List<Line> lines = new ArrayList<>();
        Map<String, Sums> perQueue = new TreeMap<>();
        Sums all = new Sums();
        perSeries.forEach(
                (key, s) -> {
                    lines.add(line(key, models.get(key), s));
                    perQueue.computeIfAbsent(key.queue(), k -> new Sums()).add(s);
                    all.add(s);
                });
        List<Line> queues = new ArrayList<>();
        perQueue.forEach((queue, q) -> queues.add(line(new SeriesKey(queue, "*"), null, q)));
        return new Report(holdoutDays, usable, lines, queues, line(null, null, all));
    }

    private static Line line(SeriesKey key, String model, Sums s) {
        double pts = Math.max(1, s.points);
        return new Line(
                key,
                model,
                s.actual,
                s.err / s.actual,
                s.errSnaive / s.actual,
                s.errMean4 / s.actual,
                s.above90 / pts,
                s.below10 / pts,
                s.ahtWeight > 0 ? s.ahtErr / s.ahtWeight : Double.NaN,
                s.ahtWeight > 0 ? s.ahtErrMean4 / s.ahtWeight : Double.NaN);
    }

    /** WAPE of the rest of the day after the reforecast time, without and with the reforecast. */
    public record Intraday(int days, double actual, double wapeWithout, double wapeWith) {}

    /**
     * Intraday reforecast backtest: for each local day of the last {@code holdoutDays} with
     * contacts, the history is cut at {@code hour}:00 local time of that day; the forecast of the
     * rest of the day is made without and with {@link Forecaster.Options#reforecast()}.
     */
    public static Intraday intraday(
            History history, int holdoutDays, int hour, Forecaster.Options options) {
        Forecaster.Grid grid =
                new Forecaster.Grid(history.startMillis(), history.intervals(), options.zone());
        Set<LocalDate> closures = Forecaster.emptyDays(history, grid);
        int n = history.intervals();
        int from = Math.max(0, n - holdoutDays * Forecaster.SLOTS);
        Set<Integer> seen = new HashSet<>();
        double actual = 0;
        double errWithout = 0;
        double errWith = 0;
        int days = 0;
        for (int i = from; i < n; i++) {
            if (grid.slot[i] != hour * 4 || !seen.add(grid.epochDay[i])) {
                continue;
            }
            LocalDate d = grid.date(i);
            if (closures.contains(d)) {
                continue;
            }
            int end = i;
            while (end < n && grid.epochDay[end] == grid.epochDay[i]) {
                end++;
            }
            int rest = end - i;
            History head = history.head(i);
            ForecastResult without =
                    new Forecaster(options.withReforecast(false))
                            .forecast(head, rest, closures, Progress.NONE);
            ForecastResult with =
                    new Forecaster(options.withReforecast(true))
                            .forecast(head, rest, closures, Progress.NONE);
            for (int k = 0; k < without.series().size(); k++) {
                SeriesForecast a = without.series().get(k);
                SeriesForecast b = with.series().get(k);
                double[] o = history.series().get(a.key()).offered();
                for (int h = 0; h < rest; h++) {
                    actual += o[i + h];
                    errWithout += Math.abs(o[i + h] - a.offered()[h]);
                    errWith += Math.abs(o[i + h] - b.offered()[h]);
                }
            }
            days++;
        }
        return new Intraday(days, actual, errWithout / actual, errWith / actual);
    }
}
