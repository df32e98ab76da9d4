package fr.joignable.forecasting.forecast;

import java.util.List;

/**
 * Forecasts of every series over {@code intervals} 15-minute intervals from {@code startMillis}.
 */
public record ForecastResult(long startMillis, int intervals, List<SeriesForecast> series) {}
