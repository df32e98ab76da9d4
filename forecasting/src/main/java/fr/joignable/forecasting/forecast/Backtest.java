package fr.joignable.forecasting.forecast;

import fr.joignable.domain.io.InputException;
import fr.joignable.domain.io.Progress;
import fr.joignable.domain.time.Intervals;
import fr.joignable.forecasting.history.History;
import fr.joignable.forecasting.history.SeriesKey;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Holds out the last days of a history, forecasts them from the rest and measures the accuracy
 * (WAPE = Σ|actual − forecast| / Σ actual over every interval held out) of the model used and of
 * the two baselines.
 *
 * <p>Days held out without any contact in any series are closures the planner knew of: they are
 * given to the forecast as closed days.
 */
public final class Backtest {

    /**
     * Accuracy of one series; of one queue over its channels ({@code key} with channel {@code *},
     * {@code model} null); or of all ({@code key} and {@code model} null).
     */
    public record Line(
            SeriesKey key,
            Model model,
            double actual,
            double wape,
            double wapeSnaive,
            double wapeMean4) {}

    /** Per-series lines, per-queue lines, then the overall line. */
    public record Report(List<Line> series, List<Line> queues, Line overall) {

        /** The report as a readable table. */
        public void print(PrintWriter out) {
            out.printf(
                    Locale.ROOT,
                    "%-32s %-7s %12s %9s %14s %11s%n",
                    "series (queue/channel)",
                    "model",
                    "offered",
                    "WAPE",
                    "seasonal-naive",
                    "mean-4-wk");
            for (Line l : series) {
                row(out, l.key().toString(), l.model().label(), l);
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
                    "%-32s %-7s %12.0f %9s %14s %11s%n",
                    name,
                    model,
                    l.actual(),
                    pct(l.wape()),
                    pct(l.wapeSnaive()),
                    pct(l.wapeMean4()));
        }

        private static String pct(double v) {
            return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f%%", 100 * v) : "-";
        }
    }

    private Backtest() {}

    public static Report run(
            History history, int holdoutDays, Forecaster.Options options, Progress progress) {
        int holdout = holdoutDays * 24 * 3600 / Intervals.INTERVAL_SECONDS;
        int cut = history.intervals() - holdout;
        if (cut < 7 * Forecaster.SLOTS) {
            throw new InputException(
                    "history too short to hold out "
                            + holdoutDays
                            + " days: it spans "
                            + history.intervals() / Forecaster.SLOTS
                            + " days and at least one more week is needed");
        }
        Forecaster.Grid grid =
                new Forecaster.Grid(history.startMillis(), history.intervals(), options.zone());
        var closures = Forecaster.emptyDays(history, grid);
        ForecastResult result =
                new Forecaster(options).forecast(history.head(cut), holdout, closures, progress);
        List<Line> lines = new ArrayList<>();
        Map<String, double[]> perQueue = new TreeMap<>();
        double[] all = new double[4];
        for (SeriesForecast f : result.series()) {
            double[] actual = history.series().get(f.key()).offered();
            double[] s = new double[4];
            for (int h = 0; h < holdout; h++) {
                double a = actual[cut + h];
                s[0] += a;
                s[1] += Math.abs(a - f.offered()[h]);
                s[2] += Math.abs(a - f.seasonalNaive()[h]);
                s[3] += Math.abs(a - f.mean4()[h]);
            }
            double[] q = perQueue.computeIfAbsent(f.key().queue(), k -> new double[4]);
            for (int j = 0; j < 4; j++) {
                all[j] += s[j];
                q[j] += s[j];
            }
            lines.add(line(f.key(), f.model(), s));
        }
        List<Line> queues = new ArrayList<>();
        perQueue.forEach((queue, q) -> queues.add(line(new SeriesKey(queue, "*"), null, q)));
        return new Report(lines, queues, line(null, null, all));
    }

    private static Line line(SeriesKey key, Model model, double[] s) {
        return new Line(key, model, s[0], s[1] / s[0], s[2] / s[0], s[3] / s[0]);
    }
}
