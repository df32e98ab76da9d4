package fr.joignable.forecasting.staffing;

/**
 * The performance of one live queue staffed with a given number of agents, as a model predicts it.
 *
 * <p>{@code serviceLevel} is the fraction of <em>all</em> offered contacts answered within the
 * threshold; {@code asaSeconds} the mean time in queue over all contacts (answered or, with
 * abandonment, not); {@code probAbandon} is NaN for models without abandonment. An unstable queue
 * (Erlang C with agents ≤ traffic) has {@code stable == false}, {@code probWait} 1, {@code
 * serviceLevel} 0, an infinite {@code asaSeconds} and occupancy 1.
 */
public final class QueueMetrics {

    private final int agents;
    private final double traffic;
    private final double thresholdSeconds;
    private final double probWait;
    private final double serviceLevel;
    private final double asaSeconds;
    private final double occupancy;
    private final double probAbandon;
    private final boolean stable;

    QueueMetrics(
            int agents,
            double traffic,
            double thresholdSeconds,
            double probWait,
            double serviceLevel,
            double asaSeconds,
            double occupancy,
            double probAbandon,
            boolean stable) {
        this.agents = agents;
        this.traffic = traffic;
        this.thresholdSeconds = thresholdSeconds;
        this.probWait = probWait;
        this.serviceLevel = serviceLevel;
        this.asaSeconds = asaSeconds;
        this.occupancy = occupancy;
        this.probAbandon = probAbandon;
        this.stable = stable;
    }

    public int agents() {
        return agents;
    }

    /** Offered traffic {@code A}, erlangs. */
    public double traffic() {
        return traffic;
    }

    /** The service-level threshold {@code T} the service level refers to, seconds. */
    public double thresholdSeconds() {
        return thresholdSeconds;
    }

    /** Probability that a contact waits at all (finds every agent busy). */
    public double probWait() {
        return probWait;
    }

    /** Contacts answered within the threshold / all contacts, 0 to 1. */
    public double serviceLevel() {
        return serviceLevel;
    }

    /** Mean time in queue over all contacts, seconds; infinite when unstable. */
    public double asaSeconds() {
        return asaSeconds;
    }

    /** Mean fraction of agent time busy with contacts, 0 to 1. */
    public double occupancy() {
        return occupancy;
    }

    /** Abandoned contacts / all contacts; NaN when the model has no abandonment. */
    public double probAbandon() {
        return probAbandon;
    }

    public boolean hasAbandonment() {
        return !Double.isNaN(probAbandon);
    }

    /** False when the queue grows without limit (Erlang C with agents ≤ traffic). */
    public boolean stable() {
        return stable;
    }

    @Override
    public String toString() {
        return "QueueMetrics[agents="
                + agents
                + ", A="
                + traffic
                + ", Pw="
                + probWait
                + ", SL="
                + serviceLevel
                + ", asa="
                + asaSeconds
                + ", occ="
                + occupancy
                + ", Pab="
                + probAbandon
                + "]";
    }
}
