package fr.joignable.forecasting.forecast;

import fr.joignable.domain.io.Progress;
import fr.joignable.forecasting.history.History;
import fr.joignable.forecasting.history.HistoryReader;
import fr.joignable.forecasting.history.SeriesHistory;
import fr.joignable.forecasting.history.SeriesKey;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.random.Well19937c;

/**
 * The measured table of {@code docs/forecasting.md} (a main class, not a test): every model ×
 * series × horizon by rolling-origin backtest.
 *
 * <p>Series: the bank (real, {@code /work/shared/data}), the bank thinned to 10 % and 3 % of its
 * calls (binomial thinning, seeded: the same real pattern at the volumes of a landlord's queue),
 * and the series of a simulator {@code contact_intervals} CSV when given as second argument.
 *
 * <p>Arguments: {@code [bank.csv] [contact_intervals.csv] [origins] [horizons,…] [models,…]
 * [test|dev]}. {@code dev}: the development protocol — every series is first cut before the weeks
 * the test scores (horizon + (origins − 1) weeks), and the same backtest runs on what is left, so a
 * design choice made on it never sees the test's held-out weeks of that series.
 */
public final class ForecastEval {

    private ForecastEval() {}

    public static void main(String[] args) throws Exception {
        Path bank =
                Path.of(
                        args.length > 0
                                ? args[0]
                                : "/work/shared/data/us_bank_2003_5min_calls.csv");
        int origins = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        String[] horizons = (args.length > 3 ? args[3] : "1,7,28").split(",");
        String[] modelNames =
                (args.length > 4 ? args[4] : "auto,snaive,mean4,dses,profile,trend,wmean")
                        .split(",");
        boolean dev = args.length > 5 && args[5].equals("dev");
        PrintWriter out = new PrintWriter(System.out, true);
        Map<String, History> data = new LinkedHashMap<>();
        if (Files.exists(bank)) {
            History b = BankBacktest.load(bank);
            data.put("bank", b);
            data.put("bank-10%", thin(b, 0.10, 1));
            data.put("bank-3%", thin(b, 0.03, 2));
            data.put("bank-early", truncate(b, 8 * 7));
            data.put("bank-3%-early", truncate(thin(b, 0.03, 3), 8 * 7));
            data.put("bank-od", overdispersed(b, 0.04, 0.15, 4));
        }
        Map<String, Forecaster.Options> opts = new LinkedHashMap<>();
        Forecaster.Options bankOptions =
                Forecaster.Options.defaults()
                        .withZone(BankBacktest.ZONE)
                        .withCalendar(ForecastCalendar.NONE);
        opts.put("bank", bankOptions);
        opts.put("bank-10%", bankOptions);
        opts.put("bank-3%", bankOptions);
        opts.put("bank-early", bankOptions);
        opts.put("bank-3%-early", bankOptions);
        opts.put("bank-od", bankOptions);
        if (args.length > 1 && Files.exists(Path.of(args[1]))) {
            data.put("sim", byChannel(HistoryReader.read(Path.of(args[1]))));
            opts.put("sim", Forecaster.Options.defaults());
        }
        for (String hz : horizons) {
            int days = Integer.parseInt(hz);
            out.printf(
                    Locale.ROOT,
                    "%n## horizon %d days, %d origins one week apart%n",
                    days,
                    origins);
            out.printf(Locale.ROOT, "%-10s", "data");
            for (String m : modelNames) {
                out.printf(Locale.ROOT, " %9s", m);
            }
            out.printf(Locale.ROOT, " %9s %9s %18s%n", "gain", ">P90", "auto picks");
            String only = System.getProperty("series", "");
            for (Map.Entry<String, History> entry : data.entrySet()) {
                if (!only.isEmpty() && !List.of(only.split(",")).contains(entry.getKey())) {
                    continue;
                }
                // dev: the series without the weeks its test scores (the horizon and the three
                // weeks between the first and last origin), so that the weeks a choice is made
                // on end where the test's begin
                Map.Entry<String, History> e =
                        dev
                                ? Map.entry(
                                        entry.getKey(),
                                        truncate(entry.getValue(), days + 7 * (origins - 1)))
                                : entry;
                out.printf(Locale.ROOT, "%-10s", e.getKey());
                Backtest.Report autoReport = null;
                double best = Double.POSITIVE_INFINITY;
                for (String m : modelNames) {
                    Model model = Model.valueOf(m.toUpperCase(Locale.ROOT));
                    long t0 = System.nanoTime();
                    Backtest.Report r =
                            Backtest.run(
                                    e.getValue(),
                                    days,
                                    origins,
                                    opts.get(e.getKey()).withModel(model),
                                    Progress.NONE);
                    out.printf(Locale.ROOT, " %8.2f%%", 100 * r.overall().wape());
                    if (model == Model.AUTO || autoReport == null) {
                        autoReport = r;
                    }
                }
                Backtest.Line o = autoReport.overall();
                List<String> picks = new ArrayList<>();
                for (Backtest.Line l : autoReport.series()) {
                    picks.add(l.model());
                }
                out.printf(
                        Locale.ROOT,
                        " %8.1f%% %8.1f%% %18s  (<P10 %.1f%%, AHT %.1f%% vs %.1f%%)%n",
                        100 * o.gain(),
                        100 * o.above90(),
                        picks.size() == 1 ? picks.get(0) : picks.size() + " series",
                        100 * o.below10(),
                        100 * o.ahtWape(),
                        100 * o.ahtWapeMean4());
                if (picks.size() > 1) {
                    autoReport.print(out);
                }
            }
        }
    }

    /** The simulator's queues summed per channel (its queues alone are a few contacts a day). */
    static History byChannel(History h) {
        Map<SeriesKey, SeriesHistory> out = new TreeMap<>();
        int n = h.intervals();
        h.series()
                .forEach(
                        (k, s) -> {
                            SeriesHistory t =
                                    out.computeIfAbsent(
                                            new SeriesKey("all", k.channel()),
                                            x ->
                                                    new SeriesHistory(
                                                            new double[n],
                                                            new double[n],
                                                            new double[n]));
                            for (int i = 0; i < n; i++) {
                                t.offered()[i] += s.offered()[i];
                                t.handled()[i] += s.handled()[i];
                                t.handleSeconds()[i] += s.handleSeconds()[i];
                            }
                        });
        return new History(h.startMillis(), n, new TreeMap<>(out));
    }

    /** The history without its last {@code days} days (another cut-off: other weeks held out). */
    static History truncate(History h, int days) {
        int n = h.intervals() - days * 96;
        Map<SeriesKey, SeriesHistory> out = new TreeMap<>();
        h.series()
                .forEach(
                        (k, s) ->
                                out.put(
                                        k,
                                        new SeriesHistory(
                                                java.util.Arrays.copyOf(s.offered(), n),
                                                java.util.Arrays.copyOf(s.handled(), n),
                                                java.util.Arrays.copyOf(s.handleSeconds(), n))));
        return new History(h.startMillis(), n, new TreeMap<>(out));
    }

    /**
     * The bank's pattern with more day-to-day variation: each day's counts scaled by {@code p} and
     * a lognormal day factor {@code exp(N(0, sd²))}, then Poisson draws (the kind of series of the
     * issue: the 4-week mean 1.5 times the Poisson floor).
     */
    static History overdispersed(History h, double p, double sd, long seed) {
        Well19937c rng = new Well19937c(seed);
        Map<SeriesKey, SeriesHistory> out = new TreeMap<>();
        h.series()
                .forEach(
                        (k, s) -> {
                            double[] o = new double[s.offered().length];
                            double f = 1;
                            for (int i = 0; i < o.length; i++) {
                                if (i % 96 == 0) {
                                    f = Math.exp(sd * rng.nextGaussian());
                                }
                                double mu = s.offered()[i] * p * f;
                                o[i] =
                                        mu <= 0
                                                ? 0
                                                : new org.apache.commons.math3.distribution
                                                                .PoissonDistribution(
                                                                rng, mu, 1e-12, 10_000_000)
                                                        .sample();
                            }
                            out.put(k, new SeriesHistory(o, s.handled(), s.handleSeconds()));
                        });
        return new History(h.startMillis(), h.intervals(), new TreeMap<>(out));
    }

    /** Binomial thinning of every count: each call kept with probability {@code p}. */
    static History thin(History h, double p, long seed) {
        Well19937c rng = new Well19937c(seed);
        Map<SeriesKey, SeriesHistory> out = new TreeMap<>();
        h.series()
                .forEach(
                        (k, s) -> {
                            double[] o = new double[s.offered().length];
                            for (int i = 0; i < o.length; i++) {
                                int c = (int) s.offered()[i];
                                o[i] = c == 0 ? 0 : new BinomialDistribution(rng, c, p).sample();
                            }
                            out.put(k, new SeriesHistory(o, s.handled(), s.handleSeconds()));
                        });
        return new History(h.startMillis(), h.intervals(), new TreeMap<>(out));
    }
}
