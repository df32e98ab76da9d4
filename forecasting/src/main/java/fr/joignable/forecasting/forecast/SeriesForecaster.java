package fr.joignable.forecasting.forecast;

import fr.joignable.forecasting.history.SeriesHistory;
import fr.joignable.forecasting.history.SeriesKey;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Forecasts one series: its open schedule, compressed series, model (or best pick), prediction
 * intervals, calendar factors and handle times.
 */
final class SeriesForecaster {

    /** Longest horizon of the best-pick backtest, in weeks. */
    static final int MAX_PICK_WEEKS = 4;

    /**
     * Origins (one week apart) whose held-out pairs calibrate the prediction intervals, at least
     * the selection's ({@link Forecaster.Options#pickOrigins()}, 8 by default): the older ones
     * refit the choice only. The width is set by a few weeks of level error, so the more distinct
     * weeks the steadier it is: four origins gave P10–P90 covering 74 % of the bank's held-out
     * 1-day horizons, eight 76 %, twelve 81 % (docs/forecasting.md; beyond twelve the older weeks
     * say less of the coming ones, and sixteen were no better).
     */
    static final int CALIBRATION_ORIGINS = 12;

    /** True: the negative-binomial predictive instead ({@link Intervals80#negativeBinomial}). */
    static final boolean NB_INTERVALS = false;

    /**
     * True: interval half-widths per lead week and level tercile ({@link BinnedIntervals}); false:
     * one half-width for all pairs (the previous round's {@link Intervals80}).
     */
    static final boolean BINNED_INTERVALS = true;

    /** Pseudo-days of the neutral factor 1 in the learnt day-after-closure factor. */
    static final double AFTER_CLOSURE_PRIOR_DAYS = 1;

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

    /** The day follows a closed open-weekday (a holiday, a closure): its volume is set apart. */
    private boolean afterClosure(LocalDate d, boolean[] openDay) {
        if (calendar.isClosed(d)) {
            return false;
        }
        for (int back = 1; back <= 7; back++) {
            LocalDate p = d.minusDays(back);
            if (openDay[p.getDayOfWeek().getValue() - 1]) {
                return calendar.isClosed(p);
            }
        }
        return false;
    }

    /**
     * A bridge (pont): an open day between a closed day (a holiday) and a closed weekday — the
     * Friday after Ascension Thursday, the Monday before a Tuesday holiday.
     */
    private boolean bridge(LocalDate d, boolean[] openDay) {
        if (calendar.isClosed(d) || !openDay[d.getDayOfWeek().getValue() - 1]) {
            return false;
        }
        LocalDate prev = d.minusDays(1);
        LocalDate next = d.plusDays(1);
        boolean prevShut = !openDay[prev.getDayOfWeek().getValue() - 1];
        boolean nextShut = !openDay[next.getDayOfWeek().getValue() - 1];
        return (calendar.isClosed(prev) && nextShut) || (calendar.isClosed(next) && prevShut);
    }

    /** The class of a day with a learnt factor, or null for an ordinary day. */
    private String dayClass(LocalDate d, boolean[] openDay) {
        String c = calendar.learntClass(d);
        if (c != null) {
            return c;
        }
        if (bridge(d, openDay)) {
            return "bridge";
        }
        return afterClosure(d, openDay) ? "after-closure" : null;
    }

    private boolean excluded(LocalDate d, boolean[] openDay) {
        return calendar.isClosed(d) || calendar.isSpecial(d) || dayClass(d, openDay) != null;
    }

    SeriesForecast forecast(SeriesKey key, SeriesHistory history, double globalAht) {
        int windowStart = Math.max(0, n - options.lookbackWeeks() * 7 * Forecaster.SLOTS);
        double[] o = history.offered();
        boolean[][] openSlot = new boolean[7][Forecaster.SLOTS];
        boolean[] openDay = new boolean[7];
        boolean[] anySlot = new boolean[Forecaster.SLOTS];
        for (int i = windowStart; i < n; i++) {
            if (o[i] > 0 && !calendar.isClosed(grid.date(i))) {
                openSlot[grid.weekday[i]][grid.slot[i]] = true;
                openDay[grid.weekday[i]] = true;
                anySlot[grid.slot[i]] = true;
            }
        }
        HandleTimes.Result ahts = handleTimes(history, windowStart, globalAht);
        double[] aht = ahts.aht();
        boolean[] open = new boolean[horizon];
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
        if (m1 == 0) {
            String label = options.model() == Model.AUTO ? "none" : options.model().label();
            return new SeriesForecast(
                    key, label, open, zeros, zeros, zeros, zeros, aht, ahts.mean4(), zeros, zeros);
        }
        int m2 = m1 * days;

        // compressed positions of every interval of the window and the horizon
        int total = n + horizon;
        int firstDay = grid.epochDay[windowStart];
        int lastDay = grid.epochDay[total - 1];
        int[] dayIndex = new int[lastDay - firstDay + 1];
        int nd = 0;
        boolean[][] openW = new boolean[days][m1];
        for (int d = firstDay; d <= lastDay; d++) {
            int wd = LocalDate.ofEpochDay(d).getDayOfWeek().getValue() - 1;
            dayIndex[d - firstDay] = openDay[wd] ? nd++ : -1;
            if (openDay[wd] && nd <= days) {
                for (int s = 0; s < Forecaster.SLOTS; s++) {
                    if (slotIndex[s] >= 0) {
                        openW[nd - 1][slotIndex[s]] = openSlot[wd][s];
                    }
                }
            }
        }
        double[][] feat = new double[nd][];
        for (int d = firstDay; d <= lastDay; d++) {
            if (dayIndex[d - firstDay] >= 0) {
                feat[dayIndex[d - firstDay]] =
                        DayFeatures.of(
                                LocalDate.ofEpochDay(d),
                                x ->
                                        openDay[x.getDayOfWeek().getValue() - 1]
                                                && !calendar.isClosed(x));
            }
        }
        Map<Integer, Boolean> excludedDay = new HashMap<>();
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
                boolean ex =
                        excludedDay.computeIfAbsent(
                                grid.epochDay[i], d -> excluded(LocalDate.ofEpochDay(d), openDay));
                if (!ex) {
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

        // intraday reforecast: fit up to the start of today, rescale the rest of today
        int fitEnd = length;
        if (options.reforecast() && length % m1 != 0) {
            fitEnd = length - length % m1;
        }
        double[] fitY = fitEnd == length ? y : Arrays.copyOf(y, fitEnd);
        int fitAhead = ahead + (length - fitEnd);

        Candidates cands = new Candidates(m1, m2, openW, options.fitWeeks() * m2, feat);
        int len = Math.min(Math.max(fitAhead, m1), MAX_PICK_WEEKS * m2);
        Model[] pool =
                options.model() == Model.AUTO ? Model.CANDIDATES : new Model[] {options.model()};
        Selection sel =
                Selection.pick(
                        fitY,
                        cands,
                        pool,
                        len,
                        options.pickOrigins(),
                        options.model() == Model.AUTO,
                        Math.max(options.pickOrigins(), CALIBRATION_ORIGINS));
        Model[] members = sel.members();
        if (options.model() != Model.AUTO && !cands.canFit(options.model(), fitY.length)) {
            members = new Model[] {Model.MEAN4};
        }
        BinnedIntervals pi =
                sel.forecasts().length == 0
                        ? BinnedIntervals.of(Intervals80.POISSON)
                        : NB_INTERVALS
                                ? BinnedIntervals.of(
                                        Intervals80.negativeBinomial(
                                                sel.forecasts(), sel.actuals()))
                                : BINNED_INTERVALS
                                        ? BinnedIntervals.calibrate(
                                                sel.forecasts(), sel.actuals(), sel.leads(), m2)
                                        : BinnedIntervals.of(
                                                Intervals80.calibrate(
                                                        sel.forecasts(), sel.actuals()));
        double[] chosenAll = cands.forecast(members, fitY, fitAhead);
        double[] snaiveAll = Baselines.seasonalNaive(fitY, m2, fitAhead);
        double[] mean4All = Baselines.meanOfLast(fitY, m2, fitAhead, 4);
        int skip = length - fitEnd;
        if (skip > 0) {
            double a = 0;
            double f = 0;
            for (int p = fitEnd; p < length; p++) {
                if (!Double.isNaN(y[p])) {
                    a += y[p];
                    f += chosenAll[p - fitEnd];
                }
            }
            double ratio = Reforecast.ratio(a, f);
            for (int p = length; p < fitEnd + m1 && p - fitEnd < fitAhead; p++) {
                chosenAll[p - fitEnd] *= ratio;
            }
        }
        double[] chosen = Arrays.copyOfRange(chosenAll, skip, fitAhead);
        double[] snaive = Arrays.copyOfRange(snaiveAll, skip, fitAhead);
        double[] mean4 = Arrays.copyOfRange(mean4All, skip, fitAhead);
        Map<String, Double> learnt = learntFactors(o, windowStart, openDay);

        double[] offered = new double[horizon];
        double[] p10 = new double[horizon];
        double[] p50 = new double[horizon];
        double[] p90 = new double[horizon];
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
            open[h] = true;
            double factor = calendar.factor(date);
            String dc = dayClass(date, openDay);
            if (dc != null) {
                factor *= learnt.getOrDefault(dc, 1.0);
            }
            if (p >= length) {
                double mu = factor * Math.max(0, chosen[p - length]);
                int lead = p - fitEnd;
                offered[h] = mu;
                p10[h] = pi.p10(mu, lead);
                p50[h] = pi.p50(mu, lead);
                p90[h] = pi.p90(mu, lead);
                fSnaive[h] = factor * Math.max(0, snaive[p - length]);
                fMean4[h] = factor * Math.max(0, mean4[p - length]);
            } else {
                // a repeated local slot (end of daylight saving time) straddling the history end
                double v = Double.isNaN(y[p]) ? 0 : y[p];
                offered[h] = v;
                p10[h] = pi.p10(v, 0);
                p50[h] = pi.p50(v, 0);
                p90[h] = pi.p90(v, 0);
                fSnaive[h] = v;
                fMean4[h] = v;
            }
        }
        String label = sel.label();
        if (members.length == 1 && members[0] != sel.members()[0]) {
            label = members[0].label();
        }
        return new SeriesForecast(
                key, label, open, offered, p10, p50, p90, aht, ahts.mean4(), fSnaive, fMean4);
    }

    /**
     * The volume factor of each class of day (after a closure, bridge, learnt day of the month or
     * period), learnt from the window: Σ totals of its days / Σ their references (the mean total of
     * the nearest two ordinary days of the same weekday within four weeks before or after), with
     * {@link #AFTER_CLOSURE_PRIOR_DAYS} pseudo-days at factor 1. A class without such a day in the
     * window keeps 1.
     */
    private Map<String, Double> learntFactors(double[] o, int windowStart, boolean[] openDay) {
        Map<Integer, Double> totals = new HashMap<>();
        for (int i = windowStart; i < n; i++) {
            totals.merge(grid.epochDay[i], o[i], Double::sum);
        }
        Map<String, double[]> sums = new HashMap<>();
        for (Map.Entry<Integer, Double> e : totals.entrySet()) {
            LocalDate d = LocalDate.ofEpochDay(e.getKey());
            if (!openDay[d.getDayOfWeek().getValue() - 1]) {
                continue;
            }
            String dc = dayClass(d, openDay);
            if (dc == null || e.getValue() <= 0) {
                continue;
            }
            double ref = 0;
            int k = 0;
            for (int w : new int[] {-7, 7, -14, 14, -21, 21, -28, 28}) {
                LocalDate r = d.plusDays(w);
                Double t = totals.get((int) r.toEpochDay());
                if (k < 2 && t != null && t > 0 && !excluded(r, openDay)) {
                    ref += t;
                    k++;
                }
            }
            if (k > 0) {
                double[] s = sums.computeIfAbsent(dc, x -> new double[3]);
                s[0] += e.getValue();
                s[1] += ref / k;
                s[2]++;
            }
        }
        Map<String, Double> out = new HashMap<>();
        sums.forEach(
                (dc, s) -> {
                    double perDay = s[1] / s[2];
                    out.put(
                            dc,
                            (s[0] + AFTER_CLOSURE_PRIOR_DAYS * perDay)
                                    / (s[1] + AFTER_CLOSURE_PRIOR_DAYS * perDay));
                });
        return out;
    }

    /** Handle time per horizon interval ({@link HandleTimes}). */
    private HandleTimes.Result handleTimes(
            SeriesHistory history, int windowStart, double globalAht) {
        return HandleTimes.forecast(
                history,
                windowStart,
                n,
                horizon,
                grid,
                i -> calendar.isClosed(grid.date(i)) || calendar.isSpecial(grid.date(i)),
                globalAht);
    }
}
