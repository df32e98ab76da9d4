package fr.joignable.forecasting.forecast;

import java.util.Locale;

/** The volume models; {@link #AUTO} picks one per series by rolling-origin backtest. */
public enum Model {
    AUTO,
    /** Seasonal naive: the same interval last week. */
    SNAIVE,
    /** Mean of the same interval over the last four weeks. */
    MEAN4,
    /** Double-seasonal exponential smoothing with AR(1) error adjustment (Taylor 2003). */
    DSES;

    /** The name used on the command line and in reports. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
