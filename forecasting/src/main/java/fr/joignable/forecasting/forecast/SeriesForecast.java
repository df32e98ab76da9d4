package fr.joignable.forecasting.forecast;

import fr.joignable.forecasting.history.SeriesKey;

/**
 * The forecast of one series over the horizon, one value per 15-minute interval.
 *
 * @param model the model used for {@code offered}: a model name, or {@code a+b} for the mean of
 *     several
 * @param open whether the interval is open (an open slot of an open weekday, not a closed day)
 * @param offered expected contacts offered (≥ 0)
 * @param p10 10 % quantile of the contacts offered
 * @param p50 median
 * @param p90 90 % quantile
 * @param ahtS expected handle time in seconds ({@code NaN} when the history has no handled contact)
 * @param ahtMean4 the 4-week mean handle time, for comparison
 * @param seasonalNaive the seasonal-naive forecast, for comparison
 * @param mean4 the mean-of-four-weeks forecast, for comparison
 */
public record SeriesForecast(
        SeriesKey key,
        String model,
        boolean[] open,
        double[] offered,
        double[] p10,
        double[] p50,
        double[] p90,
        double[] ahtS,
        double[] ahtMean4,
        double[] seasonalNaive,
        double[] mean4) {

    /**
     * Every open interval's {@code offered} is a finite number ≥ 0: a model that breaks this is a
     * bug, and it must fail here, naming the series and the model, rather than reach {@code
     * forecast.csv} as an empty field that {@code staff} rejects later.
     */
    public SeriesForecast {
        for (int h = 0; h < offered.length; h++) {
            if (open[h] && !(offered[h] >= 0 && offered[h] < Double.POSITIVE_INFINITY)) {
                throw new IllegalStateException(
                        "forecast of "
                                + key
                                + " by model "
                                + model
                                + " is "
                                + offered[h]
                                + " at interval "
                                + h
                                + " of the horizon (a bug: please report it)");
            }
        }
    }
}
