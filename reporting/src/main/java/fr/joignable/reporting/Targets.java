package fr.joignable.reporting;

import fr.joignable.domain.targets.Band;
import fr.joignable.reporting.ReportModel.Status;

/**
 * The report's names for the bounds of {@link fr.joignable.domain.targets.Targets#DEFAULTS} (the
 * one targets model, shared with the wallboard; documented in {@code docs/report.md}), and the one
 * status rule of {@link Band} in the report's {@link Status}.
 */
public final class Targets {

    private static final fr.joignable.domain.targets.Targets T =
            fr.joignable.domain.targets.Targets.DEFAULTS;

    private Targets() {}

    public static final double ANSWER_RATE_GREEN = T.answerRate().greenLow();
    public static final double ANSWER_RATE_AMBER = T.answerRate().amberLow();
    public static final double SL_GREEN = T.serviceLevel().greenLow();
    public static final double SL_AMBER = T.serviceLevel().amberLow();
    public static final double ABANDON_GREEN = T.abandonRate().greenHigh();
    public static final double ABANDON_AMBER = T.abandonRate().amberHigh();
    public static final double ASA_GREEN_S = T.speedOfAnswerS().greenHigh();
    public static final double ASA_AMBER_S = T.speedOfAnswerS().amberHigh();
    public static final double AHT_GREEN_S = T.handleTimeS().greenHigh();
    public static final double AHT_AMBER_S = T.handleTimeS().amberHigh();
    public static final double OCC_GREEN_LOW = T.occupancy().greenLow();
    public static final double OCC_GREEN_HIGH = T.occupancy().greenHigh();
    public static final double OCC_AMBER_LOW = T.occupancy().amberLow();
    public static final double OCC_AMBER_HIGH = T.occupancy().amberHigh();
    public static final double DUP_GREEN = T.duplicateRate().greenHigh();
    public static final double DUP_AMBER = T.duplicateRate().amberHigh();
    public static final double AFTER_ABANDON_GREEN = T.duplicatesAfterAbandon().greenHigh();
    public static final double AFTER_ABANDON_AMBER = T.duplicatesAfterAbandon().amberHigh();

    public static Status atLeast(Double value, double green, double amber) {
        return of(Band.atLeast(green, amber), value);
    }

    public static Status atMost(Double value, double green, double amber) {
        return of(Band.atMost(green, amber), value);
    }

    public static Status occupancy(Double value) {
        return of(T.occupancy(), value);
    }

    /** The status of {@code value} in {@code band}. */
    public static Status of(Band band, Double value) {
        return Status.valueOf(band.status(value).name());
    }
}
