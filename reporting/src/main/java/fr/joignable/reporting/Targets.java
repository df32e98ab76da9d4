package fr.joignable.reporting;

import fr.joignable.reporting.ReportModel.Status;

/**
 * The default targets of the monthly report's statuses (documented in {@code docs/report.md}).
 * "Higher is better" figures are green from {@code green}, amber from {@code amber}; "lower is
 * better" ones green up to {@code green}, amber up to {@code amber}; occupancy is green inside a
 * band and amber inside a wider one.
 */
public final class Targets {

    private Targets() {}

    public static final double ANSWER_RATE_GREEN = 0.90;
    public static final double ANSWER_RATE_AMBER = 0.80;
    public static final double SL_GREEN = 0.80;
    public static final double SL_AMBER = 0.70;
    public static final double ABANDON_GREEN = 0.05;
    public static final double ABANDON_AMBER = 0.10;
    public static final double ASA_GREEN_S = 30;
    public static final double ASA_AMBER_S = 60;
    public static final double AHT_GREEN_S = 420;
    public static final double AHT_AMBER_S = 540;
    public static final double OCC_GREEN_LOW = 0.70;
    public static final double OCC_GREEN_HIGH = 0.85;
    public static final double OCC_AMBER_LOW = 0.60;
    public static final double OCC_AMBER_HIGH = 0.90;
    public static final double DUP_GREEN = 0.10;
    public static final double DUP_AMBER = 0.20;
    public static final double AFTER_ABANDON_GREEN = 0.30;
    public static final double AFTER_ABANDON_AMBER = 0.50;

    public static Status atLeast(Double value, double green, double amber) {
        if (value == null) {
            return Status.NONE;
        }
        return value >= green ? Status.GREEN : value >= amber ? Status.AMBER : Status.RED;
    }

    public static Status atMost(Double value, double green, double amber) {
        if (value == null) {
            return Status.NONE;
        }
        return value <= green ? Status.GREEN : value <= amber ? Status.AMBER : Status.RED;
    }

    public static Status occupancy(Double value) {
        if (value == null) {
            return Status.NONE;
        }
        if (value >= OCC_GREEN_LOW && value <= OCC_GREEN_HIGH) {
            return Status.GREEN;
        }
        if (value >= OCC_AMBER_LOW && value <= OCC_AMBER_HIGH) {
            return Status.AMBER;
        }
        return Status.RED;
    }
}
