package fr.joignable.forecasting.staffing;

import fr.joignable.domain.config.ServiceLevelTarget;
import java.util.OptionalDouble;
import org.apache.commons.math3.special.Erf;

/**
 * What a live queue must achieve: any of a service level (P % of contacts answered within T
 * seconds), a maximum mean wait (ASA) and a maximum occupancy. A staffing level meets the targets
 * when it meets every one given; a value within {@link #TOLERANCE} of its target counts as met
 * (floating-point noise must not cost an agent).
 */
public final class StaffingTargets {

    /** Slack allowed on each comparison with a target (fraction, or seconds for the ASA). */
    public static final double TOLERANCE = 1e-9;

    /** The service level reported when none is set: 80 % within 20 s. */
    public static final double DEFAULT_PERCENT = 80;

    public static final double DEFAULT_THRESHOLD_SECONDS = 20;

    private final double serviceLevelPercent; // NaN: no service-level target
    private final double thresholdSeconds;
    private final double maxAsaSeconds; // NaN: none
    private final double maxOccupancy; // NaN: none

    private StaffingTargets(
            double serviceLevelPercent,
            double thresholdSeconds,
            double maxAsaSeconds,
            double maxOccupancy) {
        if (!Double.isNaN(serviceLevelPercent)
                && !(serviceLevelPercent > 0 && serviceLevelPercent <= 100)) {
            throw new IllegalArgumentException(
                    "service-level percent must be in (0, 100], got " + serviceLevelPercent);
        }
        if (!(thresholdSeconds >= 0) || Double.isInfinite(thresholdSeconds)) {
            throw new IllegalArgumentException(
                    "service-level threshold must be >= 0 seconds, got " + thresholdSeconds);
        }
        if (!Double.isNaN(maxAsaSeconds) && !(maxAsaSeconds > 0)) {
            throw new IllegalArgumentException("ASA target must be > 0, got " + maxAsaSeconds);
        }
        if (!Double.isNaN(maxOccupancy) && !(maxOccupancy > 0 && maxOccupancy <= 1)) {
            throw new IllegalArgumentException(
                    "maximum occupancy must be in (0, 1], got " + maxOccupancy);
        }
        this.serviceLevelPercent = serviceLevelPercent;
        this.thresholdSeconds = thresholdSeconds;
        this.maxAsaSeconds = maxAsaSeconds;
        this.maxOccupancy = maxOccupancy;
    }

    /** No target yet; service level reported for the default 80/20. */
    public static StaffingTargets none() {
        return new StaffingTargets(Double.NaN, DEFAULT_THRESHOLD_SECONDS, Double.NaN, Double.NaN);
    }

    /** A service-level target: {@code percent} % answered within {@code thresholdSeconds}. */
    public StaffingTargets withServiceLevel(double percent, double thresholdSeconds) {
        return new StaffingTargets(percent, thresholdSeconds, maxAsaSeconds, maxOccupancy);
    }

    /** A service-level target as planners write it, {@code P/T}. */
    public StaffingTargets withServiceLevel(ServiceLevelTarget target) {
        return withServiceLevel(target.percent(), target.thresholdSeconds());
    }

    /** The threshold the service level is reported for, without making it a target. */
    public StaffingTargets withReportingThreshold(double thresholdSeconds) {
        return new StaffingTargets(
                serviceLevelPercent, thresholdSeconds, maxAsaSeconds, maxOccupancy);
    }

    public StaffingTargets withMaxAsa(double seconds) {
        return new StaffingTargets(serviceLevelPercent, thresholdSeconds, seconds, maxOccupancy);
    }

    public StaffingTargets withMaxOccupancy(double occupancy) {
        return new StaffingTargets(serviceLevelPercent, thresholdSeconds, maxAsaSeconds, occupancy);
    }

    public OptionalDouble serviceLevelPercent() {
        return opt(serviceLevelPercent);
    }

    /** The service-level threshold, seconds (the default 20 s when no target is set). */
    public double thresholdSeconds() {
        return thresholdSeconds;
    }

    public OptionalDouble maxAsaSeconds() {
        return opt(maxAsaSeconds);
    }

    public OptionalDouble maxOccupancy() {
        return opt(maxOccupancy);
    }

    public boolean isEmpty() {
        return Double.isNaN(serviceLevelPercent)
                && Double.isNaN(maxAsaSeconds)
                && Double.isNaN(maxOccupancy);
    }

    /** True when {@code m} meets every target given (an unstable queue meets none). */
    public boolean isMetBy(QueueMetrics m) {
        if (!m.stable()) {
            return false;
        }
        return (Double.isNaN(serviceLevelPercent)
                        || m.serviceLevel() >= serviceLevelPercent / 100.0 - TOLERANCE)
                && (Double.isNaN(maxAsaSeconds) || m.asaSeconds() <= maxAsaSeconds + TOLERANCE)
                && (Double.isNaN(maxOccupancy) || m.occupancy() <= maxOccupancy + TOLERANCE);
    }

    public boolean serviceLevelMetBy(QueueMetrics m) {
        return Double.isNaN(serviceLevelPercent)
                || (m.stable() && m.serviceLevel() >= serviceLevelPercent / 100.0 - TOLERANCE);
    }

    public boolean asaMetBy(QueueMetrics m) {
        return Double.isNaN(maxAsaSeconds)
                || (m.stable() && m.asaSeconds() <= maxAsaSeconds + TOLERANCE);
    }

    public boolean occupancyMetBy(QueueMetrics m) {
        return Double.isNaN(maxOccupancy) || m.occupancy() <= maxOccupancy + TOLERANCE;
    }

    /**
     * The safety factor β of square-root staffing {@code N ≈ A + β√A} used as the search's first
     * guess: the normal quantile of the service-level percent, clamped to [0, 5] (0.84 for 80 %).
     */
    double squareRootBeta() {
        if (Double.isNaN(serviceLevelPercent)) {
            return 0.5;
        }
        double p = Math.min(serviceLevelPercent / 100.0, 1 - 1e-7);
        double beta = Math.sqrt(2) * Erf.erfInv(2 * p - 1);
        return Math.max(0, Math.min(5, beta));
    }

    private static OptionalDouble opt(double v) {
        return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    @Override
    public String toString() {
        return "StaffingTargets[sl="
                + serviceLevelPercent
                + "/"
                + thresholdSeconds
                + ", asa="
                + maxAsaSeconds
                + ", occ="
                + maxOccupancy
                + "]";
    }
}
