package fr.joignable.forecasting.forecast;

import fr.joignable.domain.io.Progress;
import fr.joignable.forecasting.history.History;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Error split (a main, not a test): per origin, the WAPE of a model, of mean4, with oracle daily
 * totals (the model profile scaled to each actual day total) and with an oracle profile (the model
 * day total spread by the actual shares). Arguments: {@code bank|bank-early|bank-10% days model
 * [origins]}.
 */
public final class ErrorSplitEval {
    public static void main(String[] args) throws Exception {
        History b = BankBacktest.load(Path.of("/work/shared/data/us_bank_2003_5min_calls.csv"));
        String which = args[0];
        History h =
                switch (which) {
                    case "bank" -> b;
                    case "bank-early" -> ForecastEval.truncate(b, 56);
                    case "bank-10%" -> ForecastEval.thin(b, 0.10, 1);
                    case "bank-od" -> ForecastEval.overdispersed(b, 0.04, 0.15, 4);
                    // the development cut: without the weeks the 28-day test scores
                    case "bank-od-dev" ->
                            ForecastEval.truncate(
                                    ForecastEval.overdispersed(b, 0.04, 0.15, 4), 28 + 21);
                    case "bank-early-dev" -> ForecastEval.truncate(b, 56 + 28 + 21);
                    default -> throw new IllegalArgumentException(which);
                };
        int days = Integer.parseInt(args[1]);
        Model model = Model.valueOf(args[2].toUpperCase(Locale.ROOT));
        int origins = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        Forecaster.Options opt =
                Forecaster.Options.defaults()
                        .withZone(BankBacktest.ZONE)
                        .withCalendar(ForecastCalendar.NONE)
                        .withModel(model);
        int holdout = days * 96;
        int week = 7 * 96;
        int lastCut = h.intervals() - holdout;
        Forecaster.Grid grid = new Forecaster.Grid(h.startMillis(), h.intervals(), opt.zone());
        Set<java.time.LocalDate> closures = Forecaster.emptyDays(h, grid);
        double tA = 0, tE = 0, tOT = 0, tOP = 0, tM4 = 0;
        for (int r = 0; r < origins; r++) {
            int cut = lastCut - r * week;
            ForecastResult res =
                    new Forecaster(opt).forecast(h.head(cut), holdout, closures, Progress.NONE);
            SeriesForecast f = res.series().get(0);
            double[] o = h.series().values().iterator().next().offered();
            double a = 0, e = 0, eot = 0, eop = 0, em4 = 0;
            StringBuilder dayRatios = new StringBuilder();
            int hh = 0;
            while (hh < holdout) {
                int d = grid.epochDay[cut + hh];
                int end = hh;
                double sa = 0, sf = 0;
                while (end < holdout && grid.epochDay[cut + end] == d) {
                    sa += o[cut + end];
                    sf += f.offered()[end];
                    end++;
                }
                for (int k = hh; k < end; k++) {
                    double act = o[cut + k];
                    double fc = f.offered()[k];
                    a += act;
                    e += Math.abs(act - fc);
                    em4 += Math.abs(act - f.mean4()[k]);
                    eot += Math.abs(act - (sf > 0 ? fc * sa / sf : 0));
                    eop += Math.abs(act - (sa > 0 ? sf * act / sa : 0));
                }
                if (sf > 0)
                    dayRatios.append(
                            String.format(
                                    Locale.ROOT,
                                    "%s:%.3f ",
                                    java.time.LocalDate.ofEpochDay(d)
                                            .getDayOfWeek()
                                            .toString()
                                            .substring(0, 2),
                                    sa / sf));
                hh = end;
            }
            System.out.printf(
                    Locale.ROOT,
                    "origin %s %s wape %.2f%% mean4 %.2f%% oracleTotals %.2f%% oracleProfile %.2f%%%n   %s%n",
                    java.time.LocalDate.ofEpochDay(grid.epochDay[cut]),
                    f.model(),
                    100 * e / a,
                    100 * em4 / a,
                    100 * eot / a,
                    100 * eop / a,
                    dayRatios);
            tA += a;
            tE += e;
            tOT += eot;
            tOP += eop;
            tM4 += em4;
        }
        System.out.printf(
                Locale.ROOT,
                "ALL wape %.2f%% mean4 %.2f%% oracleTotals %.2f%% oracleProfile(day totals error only) %.2f%%%n",
                100 * tE / tA,
                100 * tM4 / tA,
                100 * tOT / tA,
                100 * tOP / tA);
    }
}
