package fr.joignable.cli;

import fr.joignable.cli.run.ForecastRun;
import fr.joignable.forecasting.forecast.ForecastCalendar;
import fr.joignable.forecasting.forecast.Forecaster;
import fr.joignable.forecasting.forecast.Model;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
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
            defaultValue = ForecastRun.DEFAULT_BACKTEST_ORIGINS,
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
                            + " mean4, dses, profile, trend, wmean, glm, glmlevel, glmpersist or glmadapt"
                            + " (default: ${DEFAULT-VALUE}).")
    Model model;

    @Option(
            names = "--zone",
            paramLabel = "ZONE",
            defaultValue = "Europe/Paris",
            description = "Time zone of the weekly and daily cycles (default: ${DEFAULT-VALUE}).")
    ZoneId zone;

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
        ZoneId zoneId = zone;
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
        new ForecastRun(
                        history,
                        horizonDays,
                        out,
                        backtestDays,
                        backtestOrigins,
                        quantiles,
                        options,
                        quiet)
                .run(spec.commandLine().getOut(), spec.commandLine().getErr());
        return JoignableCli.EXIT_OK;
    }
}
