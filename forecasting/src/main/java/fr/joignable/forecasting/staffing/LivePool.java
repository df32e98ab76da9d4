package fr.joignable.forecasting.staffing;

import fr.joignable.domain.time.Intervals;
import java.util.List;

/**
 * The live contacts of one pool in one interval, staffed as one queue.
 *
 * <p><b>Model.</b> Member {@code i} (a queue on PHONE or CHAT) offers {@code λᵢ = offeredᵢ / 900 s}
 * contacts per second, each taking {@code sᵢ} seconds of an agent: its handle time, or for chat
 * with {@code k} chats at once {@code sᵢ = aht · (1 + g(k − 1)) / k} ({@link
 * ChannelTargets#agentSecondsPerContact}). The pool is one M/M/N+M queue (Erlang A) with traffic
 * {@code A = Σ λᵢ sᵢ}, mean service {@code s = A / Σ λᵢ} and abandonment rate {@code θ = Σ λᵢ θᵢ /
 * Σ λᵢ} ({@code θᵢ = 1 / patienceᵢ}); if any member has no patience configured, Erlang C (M/M/N)
 * over the same traffic. Every member sees the pool's waiting-time distribution (routing to the
 * longest-waiting contact among an agent's skills), each judged against its own threshold: the
 * pool's agents {@code N} are the fewest meeting every member's targets ({@link RequiredAgents}).
 * With a single member the model is exactly that member's Erlang A / Erlang C.
 *
 * <p><b>Allocation.</b> Member {@code i}'s share of {@code N} is its load plus a square-root share
 * of the pool's safety staffing, {@code nᵢ = aᵢ + (N − A) · √aᵢ / Σⱼ √aⱼ} with {@code aᵢ = λᵢ sᵢ}
 * (the square-root allocation of Wallace &amp; Whitt 2005, after Borst, Mandelbaum &amp; Reiman
 * 2004); when {@code N < A} (Erlang A may staff below the load) shares are proportional to {@code
 * aᵢ}. Shares sum to {@code N}.
 */
public final class LivePool {

    /** One member: its volume and handle time in this interval, and its targets. */
    public record Member(double offered, double ahtSeconds, ChannelTargets targets) {}

    /**
     * The pool's staffing: whole agents, its traffic, each member's share and predicted metrics (in
     * the members' order).
     */
    public record Result(int agents, double traffic, double[] shares, QueueMetrics[] metrics) {}

    private LivePool() {}

    public static Result solve(List<Member> members) {
        int n = members.size();
        double[] load = new double[n];
        double lambda = 0;
        double traffic = 0;
        double theta = 0;
        boolean patient = true;
        for (int i = 0; i < n; i++) {
            Member m = members.get(i);
            load[i] = m.offered() * m.targets().agentSecondsPerContact(m.ahtSeconds()) / INTERVAL;
            lambda += m.offered() / INTERVAL;
            traffic += load[i];
            if (Double.isNaN(m.targets().patienceSeconds())) {
                patient = false;
            } else {
                theta += m.offered() / INTERVAL / m.targets().patienceSeconds();
            }
        }
        QueueModel model;
        if (n == 1) {
            Member m = members.get(0);
            model = m.targets().model(load[0], m.targets().agentSecondsPerContact(m.ahtSeconds()));
        } else {
            double service = traffic / lambda;
            model =
                    patient
                            ? ErlangA.of(traffic, service, lambda / theta)
                            : ErlangC.of(traffic, service);
        }
        int agents = 0;
        QueueMetrics[] solved = new QueueMetrics[n];
        for (int i = 0; i < n; i++) {
            solved[i] = RequiredAgents.solve(model, members.get(i).targets().liveTargets());
            agents = Math.max(agents, solved[i].agents());
        }
        QueueMetrics[] metrics = new QueueMetrics[n];
        for (int i = 0; i < n; i++) {
            metrics[i] =
                    solved[i].agents() == agents
                            ? solved[i]
                            : model.evaluate(agents, members.get(i).targets().thresholdSeconds());
        }
        return new Result(agents, traffic, shares(load, traffic, agents), metrics);
    }

    /** The square-root allocation of {@code agents} over loads {@code a} summing to {@code A}. */
    static double[] shares(double[] a, double traffic, int agents) {
        double[] out = new double[a.length];
        if (a.length == 1) {
            out[0] = agents;
            return out;
        }
        double sumRoot = 0;
        for (double v : a) {
            sumRoot += Math.sqrt(v);
        }
        for (int i = 0; i < a.length; i++) {
            out[i] =
                    agents >= traffic
                            ? a[i] + (agents - traffic) * Math.sqrt(a[i]) / sumRoot
                            : agents * a[i] / traffic;
        }
        return out;
    }

    private static final double INTERVAL = Intervals.INTERVAL_SECONDS;
}
