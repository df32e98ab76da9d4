package fr.joignable.forecasting.forecast;

import fr.joignable.domain.io.Progress;
import fr.joignable.forecasting.history.History;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Coverage diagnostics (a main, not a test): P10–P90 coverage of the 4-origin backtest per origin,
 * per lead day and per level of the forecast. Arguments: {@code
 * bank|bank-early|bank-10%|bank-3%|bank-od|CSV days}.
 */
public final class CoverageEval {
    public static void main(String[] args) throws Exception {
        History b = BankBacktest.load(Path.of("/work/shared/data/us_bank_2003_5min_calls.csv"));
        String which = args[0];
        History h =
                switch (which) {
                    case "bank" -> b;
                    case "bank-early" -> ForecastEval.truncate(b, 56);
                    case "bank-10%" -> ForecastEval.thin(b, 0.10, 1);
                    case "bank-3%" -> ForecastEval.thin(b, 0.03, 2);
                    case "bank-od" -> ForecastEval.overdispersed(b, 0.04, 0.15, 4);
                    default ->
                            ForecastEval.byChannel(
                                    fr.joignable.forecasting.history.HistoryReader.read(
                                            Path.of(which)));
                };
        int days = Integer.parseInt(args[1]);
        Forecaster.Options opt =
                Forecaster.Options.defaults()
                        .withZone(BankBacktest.ZONE)
                        .withCalendar(ForecastCalendar.NONE);
        if (!which.startsWith("bank")) opt = Forecaster.Options.defaults();
        int holdout = days * 96;
        int week = 7 * 96;
        int lastCut = h.intervals() - holdout;
        Forecaster.Grid grid = new Forecaster.Grid(h.startMillis(), h.intervals(), opt.zone());
        Set<java.time.LocalDate> closures = Forecaster.emptyDays(h, grid);
        long[][] leadIn = new long[29][2];
        long[][] lvl = new long[5][3];
        for (int r = 0; r < 4; r++) {
            int cut = lastCut - r * week;
            ForecastResult res =
                    new Forecaster(opt).forecast(h.head(cut), holdout, closures, Progress.NONE);
            long on = 0, oin = 0;
            double ae = 0, aa = 0, w = 0;
            for (SeriesForecast f : res.series()) {
                double[] oo = h.series().get(f.key()).offered();
                for (int k = 0; k < holdout; k++) {
                    double a = oo[cut + k];
                    if (!(f.offered()[k] > 0 || a > 0)) continue;
                    on++;
                    oin += a >= f.p10()[k] && a <= f.p90()[k] ? 1 : 0;
                    ae += Math.abs(a - f.offered()[k]);
                    aa += a;
                    w += (f.p90()[k] - f.p10()[k]);
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "origin %s cover %.1f%% wape %.2f%% meanwidth/mean %.3f%n",
                    java.time.LocalDate.ofEpochDay(grid.epochDay[cut]),
                    100.0 * oin / on,
                    100 * ae / aa,
                    w / aa);
            for (SeriesForecast f : res.series()) {
                double[] o = h.series().get(f.key()).offered();
                for (int k = 0; k < holdout; k++) {
                    double a = o[cut + k];
                    if (!(f.offered()[k] > 0 || a > 0)) continue;
                    int lead = k / 96;
                    boolean in = a >= f.p10()[k] && a <= f.p90()[k];
                    leadIn[lead][0]++;
                    leadIn[lead][1] += in ? 1 : 0;
                    double mu = f.offered()[k];
                    int bkt = mu < 1 ? 0 : mu < 5 ? 1 : mu < 30 ? 2 : mu < 300 ? 3 : 4;
                    lvl[bkt][0]++;
                    lvl[bkt][1] += in ? 1 : 0;
                    lvl[bkt][2] += a > f.p90()[k] ? 1 : 0;
                }
            }
        }
        StringBuilder sb = new StringBuilder("cover by lead day: ");
        for (int d = 0; d < days; d++)
            if (leadIn[d][0] > 0)
                sb.append(
                        String.format(
                                Locale.ROOT,
                                "%d:%.0f ",
                                d + 1,
                                100.0 * leadIn[d][1] / leadIn[d][0]));
        System.out.println(sb);
        String[] names = {"<1", "1-5", "5-30", "30-300", ">300"};
        for (int i = 0; i < 5; i++)
            if (lvl[i][0] > 0)
                System.out.printf(
                        Locale.ROOT,
                        "  mu %s: n %d cover %.1f%% >P90 %.1f%%%n",
                        names[i],
                        lvl[i][0],
                        100.0 * lvl[i][1] / lvl[i][0],
                        100.0 * lvl[i][2] / lvl[i][0]);
    }
}
