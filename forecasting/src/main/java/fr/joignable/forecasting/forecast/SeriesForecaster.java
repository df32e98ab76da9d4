package fr.joignable.forecasting.forecast;

import fr.joignable.forecasting.history.SeriesHistory;
import fr.joignable.forecasting.history.SeriesKey;
import java.time.LocalDate;
import java.util.Arrays;

/** Forecasts one series: its open schedule, compressed series, model (or best pick) and AHT. */
final class SeriesForecaster {

    private final Forecaster.Grid grid;
    private final int n;
    private final int horizon;
    private final ForecastCalendar calendar;
    private final Forecaster.Options options;

    SeriesForecaster(
            Forecaster.Grid grid,
            int n,
            int horizon,
            ForecastCalendar calendar,
            Forecaster.Options options) {
        this.grid = grid;
        this.n = n;
        this.horizon = horizon;
        this.calendar = calendar;
        this.options = options;
    }

    private boolean excluded(int i) {
        LocalDate d = grid.date(i);
        return calendar.isClosed(d) || calendar.isSpecial(d);
    }

    SeriesForecast forecast(SeriesKey key, SeriesHistory history, double globalAht) {
        int windowStart = Math.max(0, n - options.lookbackWeeks() * 7 * Forecaster.SLOTS);
        double[] o = history.offered();
        boolean[][] openSlot = new boolean[7][Forecaster.SLOTS];
        boolean[] openDay = new boolean[7];
        boolean[] anySlot = new boolean[Forecaster.SLOTS];
        for (int i = windowStart; i < n; i++) {
            if (o[i] > 0 && !excluded(i)) {
                openSlot[grid.weekday[i]][grid.slot[i]] = true;
                openDay[grid.weekday[i]] = true;
                anySlot[grid.slot[i]] = true;
            }
        }
        double[] aht = handleTimes(history, windowStart, globalAht);
        double[] zeros = new double[horizon];
        int[] slotIndex = new int[Forecaster.SLOTS];
        int m1 = 0;
        for (int s = 0; s < Forecaster.SLOTS; s++) {
            slotIndex[s] = anySlot[s] ? m1++ : -1;
        }
        int days = 0;
        for (boolean b : openDay) {
            days += b ? 1 : 0;
        }
        Model fallback = options.model() == Model.AUTO ? Model.SNAIVE : options.model();
        if (m1 == 0) {
            return new SeriesForecast(key, fallback, zeros, aht, zeros, zeros);
        }
        int m2 = m1 * days;

        // compressed positions of every interval of the window and the horizon
        int total = n + horizon;
        int firstDay = grid.epochDay[windowStart];
        int lastDay = grid.epochDay[total - 1];
        int[] dayIndex = new int[lastDay - firstDay + 1];
        int nd = 0;
        for (int d = firstDay; d <= lastDay; d++) {
            int wd = LocalDate.ofEpochDay(d).getDayOfWeek().getValue() - 1;
            dayIndex[d - firstDay] = openDay[wd] ? nd++ : -1;
        }
        int[] pos = new int[total - windowStart];
        double[] sum = new double[nd * m1];
        int[] cnt = new int[nd * m1];
        int length = 0;
        for (int i = windowStart; i < total; i++) {
            int di = dayIndex[grid.epochDay[i] - firstDay];
            int si = slotIndex[grid.slot[i]];
            int p = di < 0 || si < 0 ? -1 : di * m1 + si;
            pos[i - windowStart] = p;
            if (p >= 0 && i < n) {
                length = Math.max(length, p + 1);
                if (!excluded(i)) {
                    sum[p] += o[i];
                    cnt[p]++;
                }
            }
        }
        double[] y = new double[length];
        for (int p = 0; p < length; p++) {
            y[p] = cnt[p] == 0 ? Double.NaN : sum[p] / cnt[p];
        }
        int ahead = Math.max(0, nd * m1 - length);

        double[] snaive = Baselines.seasonalNaive(y, m2, ahead);
        double[] mean4 = Baselines.meanOfLast(y, m2, ahead, 4);
        Model model = options.model() == Model.AUTO ? bestPick(y, m1, m2, ahead) : options.model();
        if (model == Model.DSES && !Dses.canFit(Math.min(y.length, fitLength(m2)), m2)) {
            model = Model.MEAN4;
        }
        double[] chosen =
                switch (model) {
                    case SNAIVE -> snaive;
                    case MEAN4 -> mean4;
                    default -> dses(y, m1, m2, ahead);
                };

        double[] offered = new double[horizon];
        double[] fSnaive = new double[horizon];
        double[] fMean4 = new double[horizon];
        for (int i = n; i < total; i++) {
            int p = pos[i - windowStart];
            int h = i - n;
            if (p < 0 || !openSlot[grid.weekday[i]][grid.slot[i]]) {
                continue;
            }
            LocalDate date = grid.date(i);
            if (calendar.isClosed(date)) {
                continue;
            }
            double factor = calendar.factor(date);
            if (p >= length) {
                offered[h] = factor * Math.max(0, chosen[p - length]);
                fSnaive[h] = factor * Math.max(0, snaive[p - length]);
                fMean4[h] = factor * Math.max(0, mean4[p - length]);
            } else {
                // a repeated local slot (end of daylight saving time) straddling the history end
                double v = Double.isNaN(y[p]) ? 0 : y[p];
                offered[h] = v;
                fSnaive[h] = v;
                fMean4[h] = v;
            }
        }
        return new SeriesForecast(key, model, offered, aht, fSnaive, fMean4);
    }

    /** Longest horizon of the best-pick backtest, in weeks. */
    static final int MAX_PICK_WEEKS = 4;

    private int fitLength(int m2) {
        return options.fitWeeks() * m2;
    }

    private double[] dses(double[] y, int m1, int m2, int ahead) {
        double[] fit = Arrays.copyOfRange(y, Math.max(0, y.length - fitLength(m2)), y.length);
        return Dses.fit(fit, m1, m2).forecast(fit, ahead);
    }

    /**
     * The best pick: each candidate forecasts the horizon (at most {@link #MAX_PICK_WEEKS} weeks)
     * from {@code pickOrigins} rolling origins one week apart, the last one a horizon before the
     * end of the history; the candidate with the smallest WAPE over all of them wins
     * (mean-of-4-weeks on a tie).
     */
    private Model bestPick(double[] y, int m1, int m2, int ahead) {
        Model[] candidates = {Model.SNAIVE, Model.MEAN4, Model.DSES};
        double[] err = new double[candidates.length];
        double actual = 0;
        int len = Math.min(Math.max(ahead, m1), MAX_PICK_WEEKS * m2);
        for (int r = 0; r < options.pickOrigins(); r++) {
            int origin = y.length - len - r * m2;
            if (origin < m2) {
                break;
            }
            double[] past = Arrays.copyOf(y, origin);
            for (int c = 0; c < candidates.length; c++) {
                double[] f;
                switch (candidates[c]) {
                    case SNAIVE -> f = Baselines.seasonalNaive(past, m2, len);
                    case MEAN4 -> f = Baselines.meanOfLast(past, m2, len, 4);
                    default -> {
                        int start = Math.max(0, origin - fitLength(m2));
                        if (!Dses.canFit(origin - start, m2)) {
                            err[c] = Double.POSITIVE_INFINITY;
                            continue;
                        }
                        f = dses(past, m1, m2, len);
                    }
                }
                for (int k = 0; k < len; k++) {
                    double a = y[origin + k];
                    if (!Double.isNaN(a)) {
                        err[c] += Math.abs(a - Math.max(0, f[k]));
                    }
                }
            }
            for (int k = 0; k < len; k++) {
                double a = y[origin + k];
                if (!Double.isNaN(a)) {
                    actual += a;
                }
            }
        }
        if (actual <= 0) {
            return Model.MEAN4;
        }
        int best = 1; // mean4 when nothing else is better
        for (int c = 0; c < candidates.length; c++) {
            if (err[c] < err[best]) {
                best = c;
            }
        }
        return candidates[best];
    }

    /**
     * Handle time per horizon interval: the mean by local weekday and slot weighted by handled
     * contacts, shrunk towards the slot's mean over all weekdays, itself shrunk towards the series
     * mean (each prior weighs {@link Forecaster#AHT_PRIOR} handled contacts); the series mean falls
     * back to the mean of all series.
     */
    private double[] handleTimes(SeriesHistory history, int windowStart, double globalAht) {
        double[][] hs = new double[7][Forecaster.SLOTS];
        double[][] ss = new double[7][Forecaster.SLOTS];
        double[] hSlot = new double[Forecaster.SLOTS];
        double[] sSlot = new double[Forecaster.SLOTS];
        double hAll = 0;
        double sAll = 0;
        for (int i = windowStart; i < n; i++) {
            double h = history.handled()[i];
            if (h <= 0 || excluded(i)) {
                continue;
            }
            double s = history.handleSeconds()[i];
            hs[grid.weekday[i]][grid.slot[i]] += h;
            ss[grid.weekday[i]][grid.slot[i]] += s;
            hSlot[grid.slot[i]] += h;
            sSlot[grid.slot[i]] += s;
            hAll += h;
            sAll += s;
        }
        if (hAll == 0) {
            // nothing recent: the whole history of the series, else all series
            for (int i = 0; i < n; i++) {
                hAll += history.handled()[i];
                sAll += history.handleSeconds()[i];
            }
        }
        double mean = hAll > 0 ? sAll / hAll : globalAht;
        double[] out = new double[horizon];
        double k = Forecaster.AHT_PRIOR;
        for (int i = n; i < n + horizon; i++) {
            int wd = grid.weekday[i];
            int s = grid.slot[i];
            double slotMean = (sSlot[s] + k * mean) / (hSlot[s] + k);
            out[i - n] = (ss[wd][s] + k * slotMean) / (hs[wd][s] + k);
        }
        return out;
    }
}
