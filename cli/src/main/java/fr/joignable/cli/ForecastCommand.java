package fr.joignable.cli;

import fr.joignable.domain.io.AtomicFiles;
import fr.joignable.domain.kpi.KpiFormat;
import fr.joignable.domain.table.ForecastTable;
import fr.joignable.domain.time.Intervals;
import fr.joignable.forecasting.forecast.Backtest;
import fr.joignable.forecasting.forecast.ForecastCalendar;
import fr.joignable.forecasting.forecast.ForecastResult;
import fr.joignable.forecasting.forecast.Forecaster;
import fr.joignable.forecasting.forecast.Model;
import fr.joignable.forecasting.forecast.SeriesForecast;
import fr.joignable.forecasting.history.History;
import fr.joignable.forecasting.history.HistoryReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code joignable forecast}: contact volumes and handle times per queue and channel. */
@Command(
        name = "forecast",
        mixinStandardHelpOptions = true,
        description = {
            "Forecasts contacts offered and handle time per 15-minute interval, queue and channel,"
                    + " from the contact_intervals history.",
            "Writes interval_start,queue,channel,offered,aht_s for every interval of the horizon,"
                    + " starting at the first interval after the history."
        })
public final class ForecastCommand implements Callable<Integer> {

    /** Longest horizon accepted, in days. */
    static final int MAX_HORIZON_DAYS = 366;

    @Spec CommandSpec spec;

    @Option(
            names = "--history",
            required = true,
            paramLabel = "PATH",
            description =
                    "A directory of contact_intervals Parquet (the table directory or the data"
                            + " directory holding it), or a contact_intervals CSV.")
    Path history;

    @Option(
            names = "--horizon-days",
            required = true,
            paramLabel = "N",
            description = "Days to forecast (1..366): N × 96 intervals.")
    int horizonDays;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Forecast CSV.")
    Path out;

    @Option(
            names = "--backtest-days",
            paramLabel = "N",
            description =
                    "Also hold out the last N days, forecast them from the rest and print the"
                            + " WAPE per series and overall, with the seasonal-naive and"
                            + " mean-of-4-weeks baselines.")
    Integer backtestDays;

    @Option(
            names = "--backtest-origins",
            paramLabel = "K",
            defaultValue = "4",
            description =
                    "With --backtest-days: rolling origins one week apart, the WAPE summed over"
                            + " all (default: ${DEFAULT-VALUE}).")
    int backtestOrigins;

    @Option(
            names = "--quantiles",
            description =
                    "Append the columns p10,p50,p90: quantiles of the contacts offered, calibrated"
                            + " on rolling-origin backtests.")
    boolean quantiles;

    @Option(
            names = "--reforecast",
            description =
                    "Intraday reforecast: when the history ends during a day, the rest of that day"
                            + " is rescaled by what arrived so far against its forecast.")
    boolean reforecast;

    @Option(
            names = "--model",
            paramLabel = "MODEL",
            defaultValue = "auto",
            description =
                    "auto (mean of the three best per series by rolling-origin backtest), snaive,"
                            + " mean4, dses, profile, trend, wmean, glm, glmlevel or glmpersist"
                            + " (default: ${DEFAULT-VALUE}).")
    Model model;

    @Option(
            names = "--zone",
            paramLabel = "ZONE",
            defaultValue = "Europe/Paris",
            description = "Time zone of the weekly and daily cycles (default: ${DEFAULT-VALUE}).")
    String zone;

    @Option(
            names = "--calendar",
            paramLabel = "FILE",
            description =
                    "YAML calendar: public_holidays (default true: French public holidays closed"
                            + " unless the history shows them open), closed dates, special_days"
                            + " (date, factor), monthly_special_days and periods (factor or learn).")
    Path calendar;

    @Option(
            names = "--school-zone",
            paramLabel = "ZONE",
            description =
                    "French school-holiday zone A, B or C: its built-in holidays (2018-19 to"
                            + " 2025-26) get learnt volume factors (default: none, or the"
                            + " calendar's school_zone).")
    String schoolZone;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        if (horizonDays < 1 || horizonDays > MAX_HORIZON_DAYS) {
            throw new UsageException(
                    "--horizon-days must be between 1 and "
                            + MAX_HORIZON_DAYS
                            + ": "
                            + horizonDays);
        }
        if (backtestOrigins < 1 || backtestOrigins > 52) {
            throw new UsageException("--backtest-origins must be 1..52: " + backtestOrigins);
        }
        if (backtestDays != null && backtestDays < 1) {
            throw new UsageException("--backtest-days must be at least 1: " + backtestDays);
        }
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new UsageException("--zone: unknown time zone: " + zone);
        }
        ForecastCalendar cal =
                calendar == null ? ForecastCalendar.FRENCH : ForecastCalendar.load(calendar);
        if (schoolZone != null) {
            try {
                cal = cal.withSchoolZone(schoolZone);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--school-zone: " + e.getMessage());
            }
        }
        Forecaster.Options options =
                Forecaster.Options.defaults()
                        .withZone(zoneId)
                        .withCalendar(cal)
                        .withModel(model)
                        .withReforecast(reforecast);
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();

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
                    backtestDays, report.origins(), model.label());
            report.print(stdout);
            stdout.printf(
                    Locale.ROOT,
                    "gain = 1 - WAPE / better baseline; >P90, <P10: share of actuals outside the"
                            + " interval; AHT: handle-weighted error of the handle time, AHT-m4: of"
                            + " the 4-week mean%n");
            if (reforecast) {
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
        return JoignableCli.EXIT_OK;
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
