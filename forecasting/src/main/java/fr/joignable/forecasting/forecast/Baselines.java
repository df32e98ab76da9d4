package fr.joignable.forecasting.forecast;

/**
 * The baseline forecasts on a compressed series (open intervals of open weekdays only, {@code NaN}
 * for an interval left out: closed or special day, missing data). {@code period} is the weekly
 * period of the compressed series (open intervals per week).
 */
public final class Baselines {

    private Baselines() {}

    /**
     * Seasonal naive: each future interval repeats the same interval of the last week observed
     * (skipping weeks where it is left out); 0 when never observed.
     */
    public static double[] seasonalNaive(double[] y, int period, int horizon) {
        return meanOfLast(y, period, horizon, 1);
    }

    /**
     * The mean of the same interval over the last {@code k} weeks where it was observed; 0 when
     * never observed.
     */
    public static double[] meanOfLast(double[] y, int period, int horizon, int k) {
        int n = y.length;
        double[] f = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            int p = n + h;
            int q = p - ((p - (n - 1) + period - 1) / period) * period;
            double sum = 0;
            int found = 0;
            for (; q >= 0 && found < k; q -= period) {
                if (!Double.isNaN(y[q])) {
                    sum += y[q];
                    found++;
                }
            }
            f[h] = found == 0 ? 0 : sum / found;
        }
        return f;
    }
}
