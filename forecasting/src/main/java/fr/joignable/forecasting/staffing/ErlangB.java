package fr.joignable.forecasting.staffing;

/**
 * Erlang B (M/M/N/N): the probability that an arrival finds all {@code N} servers busy when the
 * offered traffic is {@code A} erlangs.
 *
 * <p>Formula: {@code B(N, A) = (A^N / N!) / Σ_{k=0..N} A^k / k!}, computed without factorials by
 * the inverse form of the classical recursion {@code B(0) = 1, B(n) = A·B(n−1) / (n + A·B(n−1))},
 * i.e. {@code 1/B(n) = 1 + (n/A)·1/B(n−1)}: every step adds positive terms, so the recursion is
 * numerically stable. {@code 1/B} is carried as a mantissa and a logarithmic scale (rescaled by
 * 1e200 whenever it grows past it), so blocking probabilities far below the smallest double
 * (1e-308) are returned exactly as logarithms: accurate from 0.01 erlangs to well beyond 20,000.
 *
 * <p>Assumptions: Poisson arrivals, any service-time distribution with the given mean
 * (insensitivity), blocked contacts lost. Reference: G. Jagerman, "Some properties of the Erlang
 * loss function", Bell System Technical Journal 53 (1974) 525–551; the recursion is eq. (1.5) of
 * Jagerman's paper and appears in every teletraffic textbook (ITU-T, Teletraffic Engineering
 * Handbook, ch. 7).
 */
public final class ErlangB {

    /** Rescaling factor of {@code 1/B} and its logarithm. */
    private static final double RESCALE = 1e200;

    private static final double LOG_RESCALE = Math.log(RESCALE);

    private ErlangB() {}

    /**
     * {@code ln B(N, A)}.
     *
     * @param agents {@code N ≥ 0}
     * @param traffic {@code A > 0}, finite
     */
    public static double logBlocking(int agents, double traffic) {
        checkTraffic(traffic);
        if (agents < 0) {
            throw new IllegalArgumentException("agents must be >= 0, got " + agents);
        }
        double inverseTraffic = 1.0 / traffic;
        double mantissa = 1.0; // 1/B(0) = 1
        double one = 1.0; // the constant 1 in the current scale
        double logScale = 0.0;
        for (int k = 1; k <= agents; k++) {
            mantissa = one + k * inverseTraffic * mantissa;
            if (mantissa > RESCALE) {
                mantissa /= RESCALE;
                one /= RESCALE;
                logScale += LOG_RESCALE;
            }
        }
        return -(Math.log(mantissa) + logScale);
    }

    /** {@code B(N, A)}; 0 when below the smallest double (use {@link #logBlocking}). */
    public static double blocking(int agents, double traffic) {
        return Math.exp(logBlocking(agents, traffic));
    }

    /** {@code ln B(n+1, A)} from {@code ln B(n, A)}: the forward recursion, one step. */
    static double logStepUp(int n, double traffic, double logB) {
        return Math.log(traffic) + logB - Math.log(n + 1 + traffic * Math.exp(logB));
    }

    /**
     * {@code ln B(n−1, A)} from {@code ln B(n, A)}: the recursion solved for {@code B(n−1) = n·B(n)
     * / (A·(1 − B(n)))}; used a few steps at a time near the optimum, where {@code B} is well below
     * 1, so the error growth factor {@code 1/(1 − B)} stays close to 1.
     */
    static double logStepDown(int n, double traffic, double logB) {
        return Math.log(n) + logB - Math.log(traffic) - Math.log1p(-Math.exp(logB));
    }

    static void checkTraffic(double traffic) {
        if (!(traffic > 0) || Double.isInfinite(traffic)) {
            throw new IllegalArgumentException(
                    "traffic must be a positive finite number of erlangs, got " + traffic);
        }
    }
}
