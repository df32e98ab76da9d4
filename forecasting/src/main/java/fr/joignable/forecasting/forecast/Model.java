package fr.joignable.forecasting.forecast;

import java.util.Locale;

/** The volume models; {@link #AUTO} takes the mean of the three best by rolling-origin backtest. */
public enum Model {
    AUTO,
    /** Seasonal naive: the same interval last week. */
    SNAIVE,
    /** Mean of the same interval over the last four weeks. */
    MEAN4,
    /** Double-seasonal exponential smoothing with AR(1) error adjustment (Taylor 2003). */
    DSES,
    /** Weekday × time-of-day profile with a smoothed daily level ({@link Profiles}). */
    PROFILE,
    /** The same with a damped trend of the daily level. */
    TREND,
    /** Weighted mean of the last weeks' daily totals × shrunk intraday profile. */
    WMEAN,
    /** Poisson GLM of the daily totals on the weekday (IRLS) × shrunk intraday profile. */
    GLM,
    /** The GLM's daily totals times a damped level of the last weeks against them. */
    GLMLEVEL,
    /** The GLM's daily totals times the level of the last weeks against it, kept (not faded). */
    GLMPERSIST,
    /** The GLM's daily totals times a kept level whose smoothing is fitted per series. */
    GLMADAPT;

    /** The candidates of the best pick, in order of preference on a tie. */
    static final Model[] CANDIDATES = {
        GLM, GLMLEVEL, GLMPERSIST, PROFILE, WMEAN, TREND, DSES, MEAN4, SNAIVE, GLMADAPT
    };

    /** The name used on the command line and in reports. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
