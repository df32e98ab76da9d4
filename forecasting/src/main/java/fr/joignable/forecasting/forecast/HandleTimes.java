package fr.joignable.forecasting.forecast;

import fr.joignable.forecasting.history.SeriesHistory;
import java.util.function.IntPredicate;

/**
 * Handle-time forecasts of one series, per local (weekday, slot).
 *
 * <p>An estimator {@code (weeks, ρ, k)} takes the intervals of the last {@code weeks} weeks before
 * the origin (weight {@code ρ^age}, age in whole weeks), outside closed and special days, and
 * computes for each (weekday w, slot s), with {@code H} handled contacts and {@code S} their handle
 * seconds (weighted sums):
 *
 * <pre>
 *   series = S_all / H_all
 *   slot(s) = (S_s + k · series) / (H_s + k)
 *   aht(w, s) = (S_ws + k · slot(s)) / (H_ws + k)
 * </pre>
 *
 * The candidates: {@link #MEAN4} (4 weeks, ρ = 1, k → 0: the planner's 4-week mean, the baseline),
 * {@link #SHRUNK26} (26 weeks, ρ = 1, k = 10) and {@link #RECENT} (12 weeks, ρ = 0.85, k = 10). The
 * forecast uses the candidate with the smallest handle-weighted absolute error {@code Σ H_i |aht_i
 * − âht_i|} on the last four weeks, each fitted on the data before them. A series without handled
 * contacts in the window uses its whole history, then the mean of all series.
 */
final class HandleTimes {

    record Estimator(int weeks, double decay, double prior) {}

    static final Estimator MEAN4 = new Estimator(4, 1, 1e-6);
    static final Estimator SHRUNK26 = new Estimator(26, 1, Forecaster.AHT_PRIOR);
    static final Estimator RECENT = new Estimator(12, 0.85, Forecaster.AHT_PRIOR);
    static final Estimator[] CANDIDATES = {SHRUNK26, RECENT, MEAN4};

    static final int WEEK = 7 * Forecaster.SLOTS;

    private HandleTimes() {}

    /** The chosen estimator's forecast of the horizon, and the 4-week mean's. */
    record Result(double[] aht, double[] mean4) {}

    static Result forecast(
            SeriesHistory h,
            int windowStart,
            int n,
            int horizon,
            Forecaster.Grid grid,
            IntPredicate excluded,
            double globalAht) {
        Estimator best = SHRUNK26;
        int cut = n - 4 * WEEK;
        if (cut - windowStart >= 4 * WEEK) {
            double bestErr = Double.POSITIVE_INFINITY;
            for (Estimator e : CANDIDATES) {
                double[][] t =
                        table(
                                h,
                                Math.max(windowStart, cut - e.weeks() * WEEK),
                                cut,
                                grid,
                                excluded,
                                e,
                                globalAht);
                double err = 0;
                for (int i = cut; i < n; i++) {
                    double hd = h.handled()[i];
                    if (hd > 0 && !excluded.test(i)) {
                        err +=
                                Math.abs(
                                        h.handleSeconds()[i]
                                                - hd * t[grid.weekday[i]][grid.slot[i]]);
                    }
                }
                if (err < bestErr) {
                    bestErr = err;
                    best = e;
                }
            }
        }
        return new Result(
                apply(
                        table(
                                h,
                                Math.max(windowStart, n - best.weeks() * WEEK),
                                n,
                                grid,
                                excluded,
                                best,
                                globalAht),
                        grid,
                        n,
                        horizon),
                apply(
                        table(
                                h,
                                Math.max(windowStart, n - MEAN4.weeks() * WEEK),
                                n,
                                grid,
                                excluded,
                                MEAN4,
                                globalAht),
                        grid,
                        n,
                        horizon));
    }

    private static double[] apply(double[][] t, Forecaster.Grid grid, int n, int horizon) {
        double[] out = new double[horizon];
        for (int i = n; i < n + horizon; i++) {
            out[i - n] = t[grid.weekday[i]][grid.slot[i]];
        }
        return out;
    }

    static double[][] table(
            SeriesHistory history,
            int from,
            int to,
            Forecaster.Grid grid,
            IntPredicate excluded,
            Estimator e,
            double globalAht) {
        double[][] hs = new double[7][Forecaster.SLOTS];
        double[][] ss = new double[7][Forecaster.SLOTS];
        double[] hSlot = new double[Forecaster.SLOTS];
        double[] sSlot = new double[Forecaster.SLOTS];
        double hAll = 0;
        double sAll = 0;
        for (int i = from; i < to; i++) {
            double hd = history.handled()[i];
            if (hd <= 0 || excluded.test(i)) {
                continue;
            }
            double wt = e.decay() == 1 ? 1 : Math.pow(e.decay(), (to - 1 - i) / WEEK);
            double h = wt * hd;
            double s = wt * history.handleSeconds()[i];
            hs[grid.weekday[i]][grid.slot[i]] += h;
            ss[grid.weekday[i]][grid.slot[i]] += s;
            hSlot[grid.slot[i]] += h;
            sSlot[grid.slot[i]] += s;
            hAll += h;
            sAll += s;
        }
        if (hAll == 0) {
            for (int i = 0; i < to; i++) {
                hAll += history.handled()[i];
                sAll += history.handleSeconds()[i];
            }
        }
        double mean = hAll > 0 ? sAll / hAll : globalAht;
        double k = e.prior();
        double[][] t = new double[7][Forecaster.SLOTS];
        for (int wd = 0; wd < 7; wd++) {
            for (int s = 0; s < Forecaster.SLOTS; s++) {
                double slotMean = (sSlot[s] + k * mean) / (hSlot[s] + k);
                t[wd][s] = (ss[wd][s] + k * slotMean) / (hs[wd][s] + k);
            }
        }
        return t;
    }
}
