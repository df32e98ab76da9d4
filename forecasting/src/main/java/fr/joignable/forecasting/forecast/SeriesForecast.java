package fr.joignable.forecasting.forecast;

import fr.joignable.forecasting.history.SeriesKey;

/**
 * The forecast of one series over the horizon, one value per 15-minute interval.
 *
 * @param model the model used for {@code offered} (for {@code auto}, the one picked)
 * @param offered expected contacts offered (≥ 0)
 * @param ahtS expected handle time in seconds ({@code NaN} when the history has no handled contact)
 * @param seasonalNaive the seasonal-naive forecast, for comparison
 * @param mean4 the mean-of-four-weeks forecast, for comparison
 */
public record SeriesForecast(
        SeriesKey key,
        Model model,
        double[] offered,
        double[] ahtS,
        double[] seasonalNaive,
        double[] mean4) {}
