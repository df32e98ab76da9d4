package fr.joignable.forecasting.forecast;

import java.util.Arrays;

/**
 * Prediction intervals calibrated on the rolling-origin backtest of the chosen model.
 *
 * <p>Counts of contacts are over-dispersed Poisson: the variance of the actual around a forecast μ
 * is modelled as that of a negative binomial, {@code v(μ) = μ + κ μ²}, with κ ≥ 0 estimated by the
 * method of moments on the backtest pairs (forecast μ_i, actual y_i): {@code κ = max(0, Σ((y_i −
 * μ_i)² − μ_i) / Σ μ_i²)}. The standardised backtest errors {@code r_i = (y_i − μ_i) / √v(μ_i)}
 * give the quantiles: {@code P_q(μ) = max(0, μ + r_(q) √v(μ))} where {@code r_(q)} is the empirical
 * q-quantile of the {@code r_i}. By construction the P90 of the backtest is exceeded by 10 % of its
 * actuals; the skew and the discreteness of small counts are in the empirical {@code r_(q)}. With
 * fewer than {@link #MIN_PAIRS} pairs, the Poisson quantiles' normal approximation (κ = 0, {@code
 * r_(q)} = ±1.2816, 0) stands in.
 *
 * @param kappa the over-dispersion κ
 * @param r10 10 % quantile of the standardised errors
 * @param r50 median of the standardised errors
 * @param r90 90 % quantile of the standardised errors
 */
record Intervals80(double kappa, double r10, double r50, double r90) {

    static final int MIN_PAIRS = 50;

    static final Intervals80 POISSON = new Intervals80(0, -1.2816, 0, 1.2816);

    static Intervals80 calibrate(double[] forecast, double[] actual) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < forecast.length; i++) {
            double mu = forecast[i];
            double e = actual[i] - mu;
            num += e * e - mu;
            den += mu * mu;
        }
        double kappa = den > 0 ? Math.max(0, num / den) : 0;
        double[] r = new double[forecast.length];
        int n = 0;
        for (int i = 0; i < forecast.length; i++) {
            double sd = Math.sqrt(forecast[i] + kappa * forecast[i] * forecast[i]);
            if (sd > 0) {
                r[n++] = (actual[i] - forecast[i]) / sd;
            }
        }
        if (n < MIN_PAIRS) {
            return POISSON;
        }
        double[] sorted = Arrays.copyOf(r, n);
        Arrays.sort(sorted);
        return new Intervals80(
                kappa, quantile(sorted, 0.1), quantile(sorted, 0.5), quantile(sorted, 0.9));
    }

    /** Linear interpolation between order statistics (type 7 of Hyndman and Fan 1996). */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    double sd(double mu) {
        return Math.sqrt(Math.max(0, mu + kappa * mu * mu));
    }

    double p10(double mu) {
        return Math.max(0, mu + r10 * sd(mu));
    }

    double p50(double mu) {
        return Math.max(0, mu + r50 * sd(mu));
    }

    double p90(double mu) {
        return Math.max(0, mu + r90 * sd(mu));
    }
}
