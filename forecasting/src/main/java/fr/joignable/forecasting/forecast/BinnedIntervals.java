package fr.joignable.forecasting.forecast;

import java.util.Arrays;

/**
 * Prediction intervals whose half-width depends on the lead time and on the level of the forecast:
 * the symmetric interval of {@link Intervals80} calibrated separately in cells of the backtest
 * pairs (split conformal prediction with a Mondrian taxonomy: Vovk, Gammerman and Shafer 2005,
 * "Algorithmic learning in a random world", §4.5; the intervals then cover about 80 % in each cell,
 * not only on average).
 *
 * <p>With the standardised errors {@code r_i = (y_i − μ_i) / √v(μ_i)} and {@code v(μ) = μ + κ μ²}
 * of {@link Intervals80} (κ by moments on all pairs), each pair falls in a cell (lead week {@code
 * b}, level tercile {@code l}):
 *
 * <pre>
 *   b = min(⌊k / leadWidth⌋, B − 1)         k the pair's position in its horizon, leadWidth one week
 *   l = #{cuts below μ_i}                   cuts: the 1/3 and 2/3 quantiles of the calibration μ
 *   c(b, l) = q_0.8(|r| of the cell)        at least MIN_CELL pairs, else c(b) of the lead week,
 *   c(b)    = q_0.8(|r| of the lead week)   at least MIN_CELL pairs, else c of all pairs
 *   P10 = max(0, μ − c(b, l) √v(μ)),  P90 = μ + c(b, l) √v(μ),  P50 as {@link Intervals80}
 * </pre>
 *
 * <p>Why: with one c for all pairs, the interval was too wide for the busy middle of the day and
 * too narrow for its first and last hours (on the bank at 28 days, P10–P90 held 87 % of the
 * held-out intervals forecast above 300 contacts and 73 % of those between 30 and 300: the intraday
 * profile's relative error is larger at the edges of the day than κ, fitted on the busy slots,
 * says), and too wide for the first week of a 4-week horizon and too narrow for the last (the level
 * drifts away from the origin). Terciles follow the series' own levels, so a channel of under one
 * contact per interval is cut as finely as the bank.
 *
 * @param pooled the one-cell calibration of all pairs (κ, median, fallback half-width)
 * @param leadWidth positions per lead bucket (one week of the compressed series)
 * @param levelCuts ascending level boundaries of the cells (empty: one level cell)
 * @param c half-widths {@code c[b][l]} in standardised errors
 */
record BinnedIntervals(Intervals80 pooled, int leadWidth, double[] levelCuts, double[][] c) {

    /** Level cells: terciles of the calibration forecasts. */
    static final int LEVEL_BINS = 3;

    /** Fewest pairs of a cell for its own quantile (the 80 % quantile of 100 is ± 4 points). */
    static final int MIN_CELL = 100;

    /** The one-cell intervals (the same half-width at every lead and level). */
    static BinnedIntervals of(Intervals80 pooled) {
        return new BinnedIntervals(pooled, 1, new double[0], new double[][] {{pooled.c()}});
    }

    /**
     * Calibrates on the backtest pairs: forecast {@code f[i]}, actual {@code a[i]}, position {@code
     * lead[i]} in its horizon.
     */
    static BinnedIntervals calibrate(double[] f, double[] a, int[] lead, int leadWidth) {
        Intervals80 pooled = Intervals80.calibrate(f, a);
        if (pooled.equals(Intervals80.POISSON)) {
            return of(pooled);
        }
        int n = 0;
        int maxBucket = 0;
        for (int i = 0; i < f.length; i++) {
            if (pooled.sd(f[i]) > 0) {
                n++;
                maxBucket = Math.max(maxBucket, lead[i] / leadWidth);
            }
        }
        int buckets = maxBucket + 1;
        double[] mus = new double[n];
        double[] r = new double[n];
        int[] bucket = new int[n];
        int q = 0;
        for (int i = 0; i < f.length; i++) {
            double sd = pooled.sd(f[i]);
            if (sd > 0) {
                mus[q] = f[i];
                r[q] = Math.abs(a[i] - f[i]) / sd;
                bucket[q++] = lead[i] / leadWidth;
            }
        }
        double[] sortedMu = mus.clone();
        Arrays.sort(sortedMu);
        double[] cuts = new double[LEVEL_BINS - 1];
        for (int l = 1; l < LEVEL_BINS; l++) {
            cuts[l - 1] = Intervals80.quantile(sortedMu, l / (double) LEVEL_BINS);
        }
        double[][] c = new double[buckets][LEVEL_BINS];
        for (int b = 0; b < buckets; b++) {
            double cb = pooled.c();
            double[] inBucket = select(r, bucket, b, mus, cuts, -1);
            if (inBucket.length >= MIN_CELL) {
                cb = q80(inBucket);
            }
            for (int l = 0; l < LEVEL_BINS; l++) {
                double[] cell = select(r, bucket, b, mus, cuts, l);
                c[b][l] = cell.length >= MIN_CELL ? q80(cell) : cb;
            }
        }
        return new BinnedIntervals(pooled, leadWidth, cuts, c);
    }

    /** The |r| of lead bucket {@code b} and level cell {@code l} (every level when negative). */
    private static double[] select(
            double[] r, int[] bucket, int b, double[] mus, double[] cuts, int l) {
        double[] out = new double[r.length];
        int k = 0;
        for (int i = 0; i < r.length; i++) {
            if (bucket[i] == b && (l < 0 || level(cuts, mus[i]) == l)) {
                out[k++] = r[i];
            }
        }
        return Arrays.copyOf(out, k);
    }

    /** The 80 % quantile (Hyndman–Fan type 7, as {@link Intervals80}). */
    private static double q80(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return Intervals80.quantile(s, 0.8);
    }

    /** The level cell of {@code mu}: the number of cuts strictly below it. */
    static int level(double[] cuts, double mu) {
        int l = 0;
        while (l < cuts.length && mu > cuts[l]) {
            l++;
        }
        return l;
    }

    /** The half-width at forecast {@code mu}, {@code lead} positions after the origin. */
    double halfWidth(double mu, int lead) {
        double[] row = c[Math.min(c.length - 1, Math.max(0, lead) / leadWidth)];
        return row[Math.min(row.length - 1, level(levelCuts, mu))];
    }

    double p10(double mu, int lead) {
        if (pooled.nb()) {
            return pooled.p10(mu);
        }
        return Math.max(0, mu - halfWidth(mu, lead) * pooled.sd(mu));
    }

    double p50(double mu, int lead) {
        return pooled.p50(mu);
    }

    double p90(double mu, int lead) {
        if (pooled.nb()) {
            return pooled.p90(mu);
        }
        return Math.max(0, mu + halfWidth(mu, lead) * pooled.sd(mu));
    }
}
