package fr.joignable.forecasting.forecast;

import fr.joignable.forecasting.history.History;
import fr.joignable.forecasting.history.HistoryReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The intraday reforecast measured (a main class, not a test): for each day of the last 28, the
 * history cut at 10:00 local; WAPE of the rest of the day without and with the reforecast.
 *
 * <p>Arguments: {@code [bank.csv] [contact_intervals.csv]}.
 */
public final class IntradayEval {

    private IntradayEval() {}

    public static void main(String[] args) throws Exception {
        Path bank =
                Path.of(
                        args.length > 0
                                ? args[0]
                                : "/work/shared/data/us_bank_2003_5min_calls.csv");
        Forecaster.Options bankOptions =
                Forecaster.Options.defaults()
                        .withZone(BankBacktest.ZONE)
                        .withCalendar(ForecastCalendar.NONE);
        if (Files.exists(bank)) {
            History b = BankBacktest.load(bank);
            print("bank", Backtest.intraday(b, 28, 10, bankOptions));
            print(
                    "bank-10%",
                    Backtest.intraday(ForecastEval.thin(b, 0.10, 1), 28, 10, bankOptions));
            print("bank-3%", Backtest.intraday(ForecastEval.thin(b, 0.03, 2), 28, 10, bankOptions));
        }
        if (args.length > 1 && Files.exists(Path.of(args[1]))) {
            History sim = ForecastEval.byChannel(HistoryReader.read(Path.of(args[1])));
            print("sim", Backtest.intraday(sim, 28, 10, Forecaster.Options.defaults()));
        }
    }

    private static void print(String name, Backtest.Intraday d) {
        System.out.printf(
                Locale.ROOT,
                "%-10s %3d days: rest of the day after 10:00, WAPE %.2f%% without, %.2f%% with%n",
                name,
                d.days(),
                100 * d.wapeWithout(),
                100 * d.wapeWith());
    }
}
