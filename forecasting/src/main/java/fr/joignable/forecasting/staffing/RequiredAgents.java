package fr.joignable.forecasting.staffing;

/**
 * The smallest number of agents that meets every target of a {@link StaffingTargets}.
 *
 * <p>Search: start from the square-root-staffing guess {@code N₀ = ⌈A + β√A⌉} (β from the
 * service-level percent, see {@link StaffingTargets}), raised to {@code ⌈A / max occupancy⌉} and to
 * the model's smallest sensible staffing; evaluate there, then step down while the level below
 * still meets the targets, or up until one does. Each step moves {@code ln B(N, A)} by one step of
 * the Erlang-B recursion ({@link ErlangB}), so a solve costs one recursion up to {@code N₀} plus a
 * few O(1) steps for Erlang C. The targets are monotone in {@code N} (service level rises, wait and
 * occupancy fall with more agents), so the first level found is the minimum.
 *
 * <p>Without any target the answer is the model's smallest staffing (Erlang C: the first stable
 * level, {@code ⌊A⌋ + 1}; Erlang A: 1 agent).
 */
public final class RequiredAgents {

    /** How far above the traffic the search may go before declaring a target unreachable. */
    private static final double MAX_BETA = 60;

    private RequiredAgents() {}

    /** The performance at the smallest staffing level meeting {@code targets}. */
    public static QueueMetrics solve(QueueModel model, StaffingTargets targets) {
        double a = model.traffic();
        double threshold = targets.thresholdSeconds();
        int lower = model.minimumAgents();
        double guess = a + targets.squareRootBeta() * Math.sqrt(a);
        if (targets.maxOccupancy().isPresent()) {
            guess = Math.max(guess, a / targets.maxOccupancy().getAsDouble());
        }
        int n = targets.isEmpty() ? lower : Math.max(lower, (int) Math.ceil(guess - 1e-9));
        int cap =
                (int) Math.min(Integer.MAX_VALUE - 1, Math.ceil(a + MAX_BETA * Math.sqrt(a) + 100));
        double logB = ErlangB.logBlocking(n, a);
        QueueMetrics m = model.evaluate(n, threshold, logB);
        if (targets.isMetBy(m)) {
            while (n - 1 >= lower) {
                double logBelow = ErlangB.logStepDown(n, a, logB);
                QueueMetrics below = model.evaluate(n - 1, threshold, logBelow);
                if (!targets.isMetBy(below)) {
                    break;
                }
                n--;
                logB = logBelow;
                m = below;
            }
            return m;
        }
        while (!targets.isMetBy(m)) {
            if (n >= cap) {
                throw new IllegalArgumentException(
                        "no staffing up to " + cap + " agents meets " + targets + " for " + model);
            }
            logB = ErlangB.logStepUp(n, a, logB);
            n++;
            m = model.evaluate(n, threshold, logB);
        }
        return m;
    }

    /**
     * The naive reference search, for the benchmark and tests only: tries {@code N = ⌈A⌉, ⌈A⌉ + 1,
     * …} (from 1 for Erlang A), each from a fresh Erlang-B recursion.
     */
    public static QueueMetrics solveByScan(QueueModel model, StaffingTargets targets) {
        int n = Math.max(model.minimumAgents(), (int) Math.ceil(model.traffic()));
        if (model instanceof ErlangA) {
            n = 1;
        }
        while (true) {
            QueueMetrics m = model.evaluate(n, targets.thresholdSeconds());
            if (targets.isMetBy(m)) {
                return m;
            }
            n++;
        }
    }
}
