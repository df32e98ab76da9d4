package fr.joignable.cli.run;

import fr.joignable.cli.ConsoleProgress;
import fr.joignable.domain.io.AtomicFiles;
import fr.joignable.domain.kpi.KpiFormat;
import fr.joignable.domain.table.ForecastTable;
import fr.joignable.domain.time.Intervals;
import fr.joignable.forecasting.forecast.Backtest;
import fr.joignable.forecasting.forecast.ForecastResult;
import fr.joignable.forecasting.forecast.Forecaster;
import fr.joignable.forecasting.forecast.SeriesForecast;
import fr.joignable.forecasting.history.History;
import fr.joignable.forecasting.history.HistoryReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A forecast from the {@code contact_intervals} history ({@link Forecaster}), optionally preceded
 * by a rolling-origin backtest: what {@code joignable forecast} and the demo's forecast steps run.
 *
 * @param history a directory of {@code contact_intervals} Parquet or a CSV
 * @param horizonDays days to forecast
 * @param out the forecast CSV
 * @param backtestDays days held out per backtest origin, or {@code null} for no backtest
 * @param backtestOrigins rolling origins of the backtest
 * @param quantiles whether to append {@code p10,p50,p90}
 * @param options the forecaster's options (zone, calendar, model, reforecast)
 * @param quiet no progress bar
 */
public record ForecastRun(
        Path history,
        int horizonDays,
        Path out,
        Integer backtestDays,
        int backtestOrigins,
        boolean quantiles,
        Forecaster.Options options,
        boolean quiet) {

    /** Rolling origins of a backtest unless told otherwise. */
    public static final String DEFAULT_BACKTEST_ORIGINS = "4";

    /** A plain forecast on the defaults: no backtest, no quantiles, the default model. */
    public static ForecastRun of(Path history, int horizonDays, Path out, boolean quiet) {
        return new ForecastRun(
                history,
                horizonDays,
                out,
                null,
                Integer.parseInt(DEFAULT_BACKTEST_ORIGINS),
                false,
                Forecaster.Options.defaults(),
                quiet);
    }

    /** Forecasts, writes {@link #out} and prints what was done to {@code stdout}. */
    public void run(PrintWriter stdout, PrintWriter err) throws IOException {
        History h = HistoryReader.read(history);
        if (backtestDays != null) {
            ConsoleProgress progress = new ConsoleProgress(err, "backtest", quiet);
            Backtest.Report report;
            try {
                report = Backtest.run(h, backtestDays, backtestOrigins, options, progress);
            } finally {
                progress.finish();
            }
            stdout.printf(
                    "Backtest: %d days held out from each of %d origins one week apart, model %s%n",
                    backtestDays, report.origins(), options.model().label());
            report.print(stdout);
            stdout.printf(
                    Locale.ROOT,
                    "gain = 1 - WAPE / better baseline; >P90, <P10: share of actuals outside the"
                            + " interval; AHT: handle-weighted error of the handle time, AHT-m4: of"
                            + " the 4-week mean%n");
            if (options.reforecast()) {
                Backtest.Intraday d = Backtest.intraday(h, Math.min(backtestDays, 28), 10, options);
                stdout.printf(
                        Locale.ROOT,
                        "Intraday reforecast at 10:00 over %d days: WAPE of the rest of the day"
                                + " %.1f%% without, %.1f%% with%n",
                        d.days(),
                        100 * d.wapeWithout(),
                        100 * d.wapeWith());
            }
        }
        int horizon = horizonDays * 24 * 3600 / Intervals.INTERVAL_SECONDS;
        ConsoleProgress progress = new ConsoleProgress(err, "forecast", quiet);
        ForecastResult result;
        try {
            result = new Forecaster(options).forecast(h, horizon, progress);
        } finally {
            progress.finish();
        }
        write(result, out, quantiles);
        stdout.printf(
                "Forecast of %d series over %d days from %s written to %s%n",
                result.series().size(),
                horizonDays,
                KpiFormat.instant(Instant.ofEpochMilli(result.startMillis())),
                out);
        stdout.flush();
    }

    /**
     * The forecast CSV, rows sorted by interval, queue and channel; only the open intervals of each
     * series (learnt open slots of open weekdays, not closed days).
     */
    static void write(ForecastResult result, Path file, boolean quantiles) throws IOException {
        List<SeriesForecast> series = result.series();
        AtomicFiles.writeText(
                file,
                w -> {
                    ForecastTable.writeHeader(w, quantiles);
                    for (int h = 0; h < result.intervals(); h++) {
                        String ts =
                                KpiFormat.instant(
                                        Instant.ofEpochMilli(
                                                result.startMillis()
                                                        + h * Intervals.INTERVAL_MILLIS));
                        for (SeriesForecast f : series) {
                            if (!f.open()[h]) {
                                continue;
                            }
                            List<String> cells =
                                    new ArrayList<>(
                                            List.of(
                                                    ts,
                                                    f.key().queue(),
                                                    f.key().channel(),
                                                    decimal(f.offered()[h], 4),
                                                    decimal(f.ahtS()[h], 2)));
                            if (quantiles) {
                                cells.add(decimal(f.p10()[h], 4));
                                cells.add(decimal(f.p50()[h], 4));
                                cells.add(decimal(f.p90()[h], 4));
                            }
                            ForecastTable.writeRow(w, cells);
                        }
                    }
                });
    }

    static String decimal(double v, int scale) {
        if (!Double.isFinite(v)) {
            return "";
        }
        return BigDecimal.valueOf(v)
                .setScale(scale, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }
}
