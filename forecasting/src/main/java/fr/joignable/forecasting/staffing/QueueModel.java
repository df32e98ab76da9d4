package fr.joignable.forecasting.staffing;

/** A live-queue model: the performance of a staffing level for a given offered traffic. */
public sealed interface QueueModel permits ErlangC, ErlangA {

    /** Offered traffic {@code A = λ · aht}, erlangs. */
    double traffic();

    /** Mean handle time, seconds. */
    double ahtSeconds();

    /**
     * The performance with {@code agents} agents, service level for threshold {@code T} seconds.
     */
    default QueueMetrics evaluate(int agents, double thresholdSeconds) {
        return evaluate(agents, thresholdSeconds, ErlangB.logBlocking(agents, traffic()));
    }

    /**
     * As {@link #evaluate(int, double)} with {@code ln B(agents, A)} already known (the search
     * steps it from one staffing level to the next).
     */
    QueueMetrics evaluate(int agents, double thresholdSeconds, double logErlangB);

    /** The smallest staffing level worth evaluating (Erlang C: the first stable one). */
    int minimumAgents();
}
