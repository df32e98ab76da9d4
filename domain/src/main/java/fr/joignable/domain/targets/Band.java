package fr.joignable.domain.targets;

/**
 * The one green/amber/red rule of Joignable (report, wallboard): a value is {@link Status#GREEN}
 * inside {@code [greenLow, greenHigh]}, {@link Status#AMBER} outside that but inside {@code
 * [amberLow, amberHigh]}, {@link Status#RED} beyond; {@link Status#NONE} when it is undefined
 * (null, NaN, infinite). Bounds are inclusive. "Higher is better" figures ({@link #atLeast}) have
 * open upper bounds, "lower is better" ones ({@link #atMost}) open lower bounds, a band such as
 * occupancy ({@link #within}) both sides closed.
 */
public record Band(double amberLow, double greenLow, double greenHigh, double amberHigh) {

    public Band {
        if (Double.isNaN(amberLow)
                || Double.isNaN(greenLow)
                || Double.isNaN(greenHigh)
                || Double.isNaN(amberHigh)
                || amberLow > greenLow
                || greenLow > greenHigh
                || greenHigh > amberHigh) {
            throw new IllegalArgumentException(
                    "target bounds out of order: amber "
                            + amberLow
                            + " ≤ green "
                            + greenLow
                            + " ≤ green "
                            + greenHigh
                            + " ≤ amber "
                            + amberHigh
                            + " expected");
        }
    }

    /** Higher is better: green from {@code green}, amber from {@code amber}. */
    public static Band atLeast(double green, double amber) {
        return new Band(amber, green, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /** Lower is better: green up to {@code green}, amber up to {@code amber}. */
    public static Band atMost(double green, double amber) {
        return new Band(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, green, amber);
    }

    /** Green inside {@code [greenLow, greenHigh]}, amber inside {@code [amberLow, amberHigh]}. */
    public static Band within(
            double amberLow, double greenLow, double greenHigh, double amberHigh) {
        return new Band(amberLow, greenLow, greenHigh, amberHigh);
    }

    /** The status of {@code value}. */
    public Status status(Double value) {
        if (value == null || !Double.isFinite(value)) {
            return Status.NONE;
        }
        if (value >= greenLow && value <= greenHigh) {
            return Status.GREEN;
        }
        if (value >= amberLow && value <= amberHigh) {
            return Status.AMBER;
        }
        return Status.RED;
    }
}
