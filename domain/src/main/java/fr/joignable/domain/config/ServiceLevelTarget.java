package fr.joignable.domain.config;

import fr.joignable.domain.time.Durations;
import java.time.Duration;

/**
 * A service-level target as planners write it, {@code P/T}: P percent of contacts answered within T
 * ({@code 80/20} = 80 % within 20 seconds). T is also the service-level threshold the KPI job
 * measures against, so one target drives both the measured and the planned service level.
 *
 * @param percent P, in (0, 100]
 * @param threshold T, at least zero
 */
public record ServiceLevelTarget(double percent, Duration threshold) {

    public ServiceLevelTarget {
        if (!(percent > 0 && percent <= 100)) {
            throw new IllegalArgumentException(
                    "the service-level percentage must be in (0, 100], was " + percent);
        }
        if (threshold == null || threshold.isNegative()) {
            throw new IllegalArgumentException("the service-level threshold must be ≥ 0");
        }
    }

    /**
     * Parses {@code P/T}: P a number in (0, 100], T a duration ({@code 20}, {@code 20s}, {@code
     * 19.8}, {@code 48h}); both may be decimals.
     *
     * @throws IllegalArgumentException with a one-line reason naming the text
     */
    public static ServiceLevelTarget parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("expected P/T (e.g. 80/20), got nothing");
        }
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        if (slash <= 0 || slash == trimmed.length() - 1 || trimmed.indexOf('/', slash + 1) >= 0) {
            throw new IllegalArgumentException("expected P/T (e.g. 80/20), got '" + text + "'");
        }
        double percent;
        try {
            percent = Double.parseDouble(trimmed.substring(0, slash).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected P/T (e.g. 80/20), got '" + text + "'");
        }
        if (!(percent > 0 && percent <= 100)) {
            throw new IllegalArgumentException(
                    "the P of P/T must be in (0, 100], got '" + text + "'");
        }
        Duration threshold;
        try {
            threshold = Durations.parse(trimmed.substring(slash + 1).trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected P/T (e.g. 80/20), got '" + text + "'");
        }
        return new ServiceLevelTarget(percent, threshold);
    }

    /** P as a fraction in (0, 1]. */
    public double fraction() {
        return percent / 100.0;
    }

    /** T in seconds. */
    public double thresholdSeconds() {
        return threshold.toMillis() / 1000.0;
    }

    /** The planners' notation, e.g. {@code 80/20}. */
    @Override
    public String toString() {
        return format(percent) + "/" + format(thresholdSeconds());
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
