package fr.joignable.forecasting.forecast;

/**
 * Intraday reforecast: once the first hours of a day are known, the rest of the day is the forecast
 * made at the start of the day times the ratio of what arrived to what was forecast so far, shrunk
 * towards 1 by a prior of {@link #PRIOR} contacts:
 *
 * <pre>
 *   ratio = (Σ actual_so_far + K) / (Σ forecast_so_far + K)
 * </pre>
 *
 * K keeps a quiet morning (a few contacts) from swinging the afternoon; with a busy morning the
 * ratio is the observed one. This is the "intraday re-projection" of workforce-management tools.
 */
final class Reforecast {

    /** Prior weight of the start-of-day forecast, in contacts. */
    static final double PRIOR = 20;

    private Reforecast() {}

    /**
     * Share of the morning's deviation carried to the rest of the day. Carrying all of it made the
     * bank's afternoons worse (7.99 % → 9.36 % WAPE after 10:00): part of a busy morning is noise
     * or an early peak, not a higher level. ½ was the best of {1, ½, ¼} on the bank series.
     */
    static final double CARRY = 0.5;

    static double ratio(double actualSoFar, double forecastSoFar) {
        double r = (actualSoFar + PRIOR) / (forecastSoFar + PRIOR);
        return 1 + CARRY * (r - 1);
    }
}
