package fr.joignable.reporting;

/**
 * Settings of a report.
 *
 * @param costPerHour the fully loaded cost of one paid agent-hour, in euros: salary, employer
 *     contributions, supervision, tools and premises shared out. Default {@value
 *     #DEFAULT_COST_PER_HOUR} € — a customer adviser of a French social landlord costs about 20 €/h
 *     in salary and contributions; supervision, tools and premises add about half again.
 */
public record ReportOptions(double costPerHour, ReportTargets targets) {

    public static final double DEFAULT_COST_PER_HOUR = 30.0;

    public ReportOptions {
        if (!(costPerHour >= 0) || Double.isInfinite(costPerHour)) {
            throw new IllegalArgumentException(
                    "cost per agent-hour must be a number >= 0, not " + costPerHour);
        }
        if (targets == null) {
            throw new IllegalArgumentException("targets are required");
        }
    }

    /** A cost per agent-hour with the built-in targets. */
    public ReportOptions(double costPerHour) {
        this(costPerHour, ReportTargets.DEFAULTS);
    }

    public static ReportOptions defaults() {
        return new ReportOptions(DEFAULT_COST_PER_HOUR);
    }
}
