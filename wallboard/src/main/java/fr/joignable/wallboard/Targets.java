package fr.joignable.wallboard;

import fr.joignable.domain.config.JoignableConfig;
import fr.joignable.domain.event.Channel;

/**
 * The wallboard's targets and how a value is coloured against them. The defaults ({@link
 * #DEFAULTS}, documented in {@code docs/wallboard.md}):
 *
 * <ul>
 *   <li>service level: green ≥ 0.80, amber ≥ 0.70, red below;
 *   <li>abandon rate: green ≤ 0.05, amber ≤ 0.10, red above;
 *   <li>occupancy: green 0.70–0.85, amber below 0.70 (agents under-used) or up to 0.92, red above
 *       0.92;
 *   <li>duplicate rate: green ≤ 0.10, amber ≤ 0.20, red above;
 *   <li>longest current wait: green ≤ 20 s, amber ≤ 60 s, red above.
 * </ul>
 *
 * Bounds are inclusive on the green/amber side. {@link #from(JoignableConfig)} takes the service
 * level and the longest-wait bounds from the centre's {@code joignable.yaml} instead: the phone's
 * {@code service_level: P/T} makes P the green bound of the service level (amber 10 points below)
 * and T the green bound of the longest current wait (amber 3 × T).
 */
public record Targets(
        double serviceLevelGreen,
        double serviceLevelAmber,
        double abandonGreen,
        double abandonAmber,
        double occupancyGreenLow,
        double occupancyGreenHigh,
        double occupancyAmberHigh,
        double duplicateGreen,
        double duplicateAmber,
        double longestWaitGreenS,
        double longestWaitAmberS) {

    public static final Targets DEFAULTS =
            new Targets(0.80, 0.70, 0.05, 0.10, 0.70, 0.85, 0.92, 0.10, 0.20, 20, 60);

    /** The targets of the centre's configuration (the phone's service-level target). */
    public static Targets from(JoignableConfig config) {
        return config.serviceLevelTarget(Channel.PHONE)
                .map(
                        t ->
                                new Targets(
                                        t.fraction(),
                                        Math.max(0, t.percent() - 10) / 100.0,
                                        DEFAULTS.abandonGreen,
                                        DEFAULTS.abandonAmber,
                                        DEFAULTS.occupancyGreenLow,
                                        DEFAULTS.occupancyGreenHigh,
                                        DEFAULTS.occupancyAmberHigh,
                                        DEFAULTS.duplicateGreen,
                                        DEFAULTS.duplicateAmber,
                                        t.thresholdSeconds(),
                                        3 * t.thresholdSeconds()))
                .orElse(DEFAULTS);
    }

    public Targets {
        if (serviceLevelAmber > serviceLevelGreen
                || abandonGreen > abandonAmber
                || occupancyGreenLow > occupancyGreenHigh
                || occupancyGreenHigh > occupancyAmberHigh
                || duplicateGreen > duplicateAmber
                || longestWaitGreenS > longestWaitAmberS) {
            throw new IllegalArgumentException("targets out of order");
        }
    }

    public Status serviceLevel(Double value) {
        return atLeast(value, serviceLevelGreen, serviceLevelAmber);
    }

    public Status abandonRate(Double value) {
        return atMost(value, abandonGreen, abandonAmber);
    }

    public Status duplicateRate(Double value) {
        return atMost(value, duplicateGreen, duplicateAmber);
    }

    public Status longestWait(Double seconds) {
        return atMost(seconds, longestWaitGreenS, longestWaitAmberS);
    }

    public Status occupancy(Double value) {
        if (!defined(value)) {
            return Status.NONE;
        }
        if (value > occupancyAmberHigh) {
            return Status.RED;
        }
        if (value >= occupancyGreenLow && value <= occupancyGreenHigh) {
            return Status.GREEN;
        }
        return Status.AMBER;
    }

    private static Status atLeast(Double value, double green, double amber) {
        if (!defined(value)) {
            return Status.NONE;
        }
        return value >= green ? Status.GREEN : value >= amber ? Status.AMBER : Status.RED;
    }

    private static Status atMost(Double value, double green, double amber) {
        if (!defined(value)) {
            return Status.NONE;
        }
        return value <= green ? Status.GREEN : value <= amber ? Status.AMBER : Status.RED;
    }

    static boolean defined(Double value) {
        return value != null && Double.isFinite(value);
    }
}
