package fr.joignable.forecasting.staffing;

/**
 * Erlang C (M/M/N): Poisson arrivals, exponential handle times, {@code N} agents, an unlimited
 * queue served first come first served, no abandonment.
 *
 * <p>Formulas, with {@code A = λ·aht} (erlangs) and {@code B = B(N, A)} from {@link ErlangB}:
 *
 * <ul>
 *   <li>probability of waiting {@code C(N, A) = N·B / (N − A·(1 − B))}, computed as a logarithm so
 *       that it stays exact below 1e-300;
 *   <li>service level {@code P(W ≤ T) = 1 − C·exp(−(N − A)·T / aht)};
 *   <li>mean wait over all contacts {@code ASA = C·aht / (N − A)};
 *   <li>occupancy {@code A / N}.
 * </ul>
 *
 * Valid when {@code N > A}; otherwise the queue is unstable and {@link #evaluate} says so ({@code
 * probWait} 1, service level 0, infinite wait, occupancy 1). Reference: A. K. Erlang (1917); L.
 * Kleinrock, <i>Queueing Systems</i> vol. 1 (1975) §3.5; G. Koole, <i>Call Center Optimization</i>
 * (2013) ch. 5, where the service-level expression is eq. (5.2).
 */
public final class ErlangC implements QueueModel {

    private final double traffic;
    private final double ahtSeconds;

    private ErlangC(double traffic, double ahtSeconds) {
        ErlangB.checkTraffic(traffic);
        if (!(ahtSeconds > 0) || Double.isInfinite(ahtSeconds)) {
            throw new IllegalArgumentException("aht must be positive, got " + ahtSeconds);
        }
        this.traffic = traffic;
        this.ahtSeconds = ahtSeconds;
    }

    /** The model for traffic {@code A} erlangs and a mean handle time in seconds. */
    public static ErlangC of(double traffic, double ahtSeconds) {
        return new ErlangC(traffic, ahtSeconds);
    }

    @Override
    public double traffic() {
        return traffic;
    }

    @Override
    public double ahtSeconds() {
        return ahtSeconds;
    }

    @Override
    public int minimumAgents() {
        return (int) Math.floor(traffic) + 1;
    }

    /** {@code ln C(N, A)}; 0 (probability 1) when unstable. */
    public double logProbWait(int agents) {
        return logProbWait(agents, ErlangB.logBlocking(agents, traffic));
    }

    private double logProbWait(int agents, double logB) {
        if (agents <= traffic) {
            return 0.0;
        }
        return Math.log(agents) + logB - Math.log((agents - traffic) + traffic * Math.exp(logB));
    }

    @Override
    public QueueMetrics evaluate(int agents, double thresholdSeconds, double logErlangB) {
        if (agents < 0) {
            throw new IllegalArgumentException("agents must be >= 0, got " + agents);
        }
        if (!(thresholdSeconds >= 0)) {
            throw new IllegalArgumentException("threshold must be >= 0, got " + thresholdSeconds);
        }
        if (agents <= traffic) {
            return new QueueMetrics(
                    agents,
                    traffic,
                    thresholdSeconds,
                    1.0,
                    0.0,
                    Double.POSITIVE_INFINITY,
                    1.0,
                    Double.NaN,
                    false);
        }
        double logC = logProbWait(agents, logErlangB);
        double probWait = Math.exp(logC);
        double excess = agents - traffic;
        double serviceLevel = -Math.expm1(logC - excess * thresholdSeconds / ahtSeconds);
        double asa = probWait * ahtSeconds / excess;
        return new QueueMetrics(
                agents,
                traffic,
                thresholdSeconds,
                probWait,
                serviceLevel,
                asa,
                traffic / agents,
                Double.NaN,
                true);
    }

    @Override
    public String toString() {
        return "ErlangC[A=" + traffic + ", aht=" + ahtSeconds + "s]";
    }
}
