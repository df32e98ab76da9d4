package fr.joignable.forecasting.staffing;

import org.apache.commons.math3.special.Gamma;

/**
 * Erlang A (M/M/N+M, Palm's model): Poisson arrivals at rate {@code λ}, exponential handle times of
 * mean {@code aht = 1/μ}, {@code N} agents, and callers who hang up after an exponential patience
 * of mean {@code 1/θ} if not answered by then. Computed exactly from the birth–death chain, never
 * approximated by Erlang C; stable for every {@code N ≥ 1}, including {@code N ≤ A}.
 *
 * <p>With {@code A = λ/μ}, {@code r = Nμ/θ}, {@code a = λ/θ} and {@code B = B(N, A)} ({@link
 * ErlangB}), the stationary probabilities relative to {@code π_N} are {@code Σ_{k<N} π_k/π_N = (1 −
 * B)/B} below, and {@code t_j = π_{N+j}/π_N = a^j / Π_{i=1..j}(r + i)} above, with {@code S = Σ_j
 * t_j = Γ(r+1)·e^a·a^{−r}·P(r, a)} (regularized incomplete gamma; Mandelbaum &amp; Zeltyn's {@code
 * J} function). By PASTA:
 *
 * <ul>
 *   <li>probability of waiting {@code P(W > 0) = S / ((1 − B)/B + S)};
 *   <li>mean queue length {@code L_q = Σ j·π_{N+j}}; mean time in queue over all contacts {@code
 *       L_q/λ} (Little); probability of abandoning {@code θ·L_q/λ};
 *   <li>a contact arriving behind {@code j} waiting contacts is answered within {@code T} with
 *       probability {@code r/(r+j+1) · I_x(j+1, r+1)}, {@code x = 1 − e^{−θT}} (regularized
 *       incomplete beta: its wait, given that it does not abandon, is a sum of exponentials of
 *       rates {@code θ(r+1) … θ(r+j+1)}, i.e. the {@code (j+1)}-th order statistic of {@code r+j+1}
 *       exponentials of rate {@code θ}); the service level is {@code P(W = 0)} plus the {@code
 *       π}-weighted sum of these;
 *   <li>occupancy {@code A·(1 − P(abandon))/N}.
 * </ul>
 *
 * The series over {@code j} is summed term by term, scaled by its largest term (found from
 * log-gamma), so that thousands of agents and erlangs neither overflow nor underflow; it stops when
 * a geometric bound on the tail is below 1e-16 of the sum. {@code I_x(m, r+1)} is stepped in {@code
 * m} with {@code I_x(m+1, b) = I_x(m, b) − x^m(1−x)^b / (m·B(m, b))}, the subtracted term carried
 * in log space.
 *
 * <p>References: O. Garnett, A. Mandelbaum, M. Reiman, "Designing a call center with impatient
 * customers", Manufacturing &amp; Service Operations Management 4(3) (2002) 208–227; A. Mandelbaum,
 * S. Zeltyn, "The M/M/n+G queue: summary of performance measures" (Technion, 2009), §3 (exponential
 * patience).
 */
public final class ErlangA implements QueueModel {

    /** Relative size of the neglected tail of the series. */
    static final double SERIES_TOLERANCE = 1e-16;

    /** A guard against a runaway series (never reached for finite inputs). */
    private static final int MAX_TERMS = 50_000_000;

    private final double traffic;
    private final double ahtSeconds;
    private final double patienceSeconds;

    private ErlangA(double traffic, double ahtSeconds, double patienceSeconds) {
        ErlangB.checkTraffic(traffic);
        if (!(ahtSeconds > 0) || Double.isInfinite(ahtSeconds)) {
            throw new IllegalArgumentException("aht must be positive, got " + ahtSeconds);
        }
        if (!(patienceSeconds > 0) || Double.isInfinite(patienceSeconds)) {
            throw new IllegalArgumentException(
                    "patience must be positive and finite, got " + patienceSeconds);
        }
        this.traffic = traffic;
        this.ahtSeconds = ahtSeconds;
        this.patienceSeconds = patienceSeconds;
    }

    /** The model for traffic {@code A} erlangs, mean handle time and mean patience in seconds. */
    public static ErlangA of(double traffic, double ahtSeconds, double patienceSeconds) {
        return new ErlangA(traffic, ahtSeconds, patienceSeconds);
    }

    @Override
    public double traffic() {
        return traffic;
    }

    @Override
    public double ahtSeconds() {
        return ahtSeconds;
    }

    public double patienceSeconds() {
        return patienceSeconds;
    }

    @Override
    public int minimumAgents() {
        return 1;
    }

    @Override
    public QueueMetrics evaluate(int agents, double thresholdSeconds, double logErlangB) {
        if (agents < 1) {
            throw new IllegalArgumentException("Erlang A needs at least 1 agent, got " + agents);
        }
        if (!(thresholdSeconds >= 0)) {
            throw new IllegalArgumentException("threshold must be >= 0, got " + thresholdSeconds);
        }
        double theta = 1.0 / patienceSeconds;
        double r = agents * patienceSeconds / ahtSeconds; // Nμ/θ
        double a = traffic * patienceSeconds / ahtSeconds; // λ/θ
        double logA = Math.log(a);

        // the largest term t_j sits at j* = max(0, floor(a − r)); scale everything by it
        int mode = (int) Math.max(0, Math.floor(a - r));
        double logMax =
                mode == 0
                        ? 0.0
                        : mode * logA - (Gamma.logGamma(r + mode + 1) - Gamma.logGamma(r + 1));

        // incomplete beta I_x(m, r+1), m = 1, 2, …, stepped by subtracting d_m
        double thetaT = theta * thresholdSeconds;
        boolean zeroThreshold = thresholdSeconds == 0;
        double x = -Math.expm1(-thetaT);
        double incBeta = zeroThreshold ? 0.0 : -Math.expm1(-(r + 1) * thetaT); // I_x(1, r+1)
        double logX = Math.log(x);
        double logD = zeroThreshold ? 0.0 : logX - (r + 1) * thetaT + Math.log(r + 1); // d_1

        double logTerm = 0.0; // ln t_0
        double sum = 0.0;
        double sumJ = 0.0;
        double sumAnswered = 0.0;
        for (int j = 0; ; j++) {
            if (j > MAX_TERMS) {
                throw new ArithmeticException("Erlang A series did not converge for " + this);
            }
            double w = Math.exp(logTerm - logMax);
            sum += w;
            sumJ += j * w;
            if (!zeroThreshold) {
                int m = j + 1;
                if (incBeta > 0) {
                    sumAnswered += w * (r / (r + m)) * incBeta;
                    incBeta -= Math.exp(logD);
                    logD += logX + Math.log((m + 1 + r) / (m + 1));
                }
            }
            double rho = a / (r + j + 1);
            if (j >= mode && rho < 1) {
                double next = w * rho;
                double tail = next / (1 - rho);
                double tailJ = next * ((j + 1) / (1 - rho) + rho / ((1 - rho) * (1 - rho)));
                if (tail <= SERIES_TOLERANCE * sum && tailJ <= SERIES_TOLERANCE * (sumJ + sum)) {
                    break;
                }
            }
            logTerm += logA - Math.log(r + j + 1);
        }

        double logS = Math.log(sum) + logMax;
        double b = Math.exp(logErlangB);
        double logBelow = Math.log1p(-b) - logErlangB; // ln((1 − B)/B)
        double probWait = 1.0 / (1.0 + Math.exp(logBelow - logS));
        double queueLength = probWait * sumJ / sum; // L_q
        double lambda = traffic / ahtSeconds;
        double probAbandon = queueLength / a;
        double asa = queueLength / lambda;
        double serviceLevel =
                zeroThreshold ? 1.0 - probWait : (1.0 - probWait) + probWait * (sumAnswered / sum);
        double occupancy = traffic * (1.0 - probAbandon) / agents;
        return new QueueMetrics(
                agents,
                traffic,
                thresholdSeconds,
                probWait,
                Math.min(1.0, Math.max(0.0, serviceLevel)),
                asa,
                Math.min(1.0, occupancy),
                probAbandon,
                true);
    }

    @Override
    public String toString() {
        return "ErlangA[A="
                + traffic
                + ", aht="
                + ahtSeconds
                + "s, patience="
                + patienceSeconds
                + "s]";
    }
}
