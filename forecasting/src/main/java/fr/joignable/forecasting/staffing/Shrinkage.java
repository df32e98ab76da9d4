package fr.joignable.forecasting.staffing;

/**
 * Shrinkage: the fraction {@code s} of paid time agents are not available for contacts (breaks,
 * meetings, training, absence). Agents to schedule {@code = ⌈agents / (1 − s)⌉}.
 */
public final class Shrinkage {

    /**
     * Slack removed before rounding up, so that floating error does not cost an agent: 14 / (1 −
     * 0.3) evaluates to 20.000000000000004 and must give 20.
     */
    static final double ROUNDING_EPSILON = 1e-9;

    private final double fraction;

    private Shrinkage(double fraction) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("shrinkage must be in [0, 1), got " + fraction);
        }
        this.fraction = fraction;
    }

    public static Shrinkage of(double fraction) {
        return new Shrinkage(fraction);
    }

    public double fraction() {
        return fraction;
    }

    /** {@code ⌈agents / (1 − s)⌉}. */
    public int scheduledAgents(int agents) {
        if (agents < 0) {
            throw new IllegalArgumentException("agents must be >= 0, got " + agents);
        }
        return (int) Math.ceil(agents / (1 - fraction) - ROUNDING_EPSILON);
    }
}
