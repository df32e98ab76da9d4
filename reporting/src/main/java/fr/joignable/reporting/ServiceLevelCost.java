package fr.joignable.reporting;

import fr.joignable.domain.event.Channel;
import fr.joignable.forecasting.staffing.ChannelTargets;
import fr.joignable.forecasting.staffing.QueueMetrics;
import fr.joignable.forecasting.staffing.RequiredAgents;
import fr.joignable.forecasting.staffing.StaffingTargets;
import fr.joignable.forecasting.staffing.TargetsConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a service level costs: the agents the staffing model needs to give the peak week's actual
 * load a target service level, and their cost.
 *
 * <p>For each quarter-hour and live channel (phone, chat) of the peak week: traffic A = contacts
 * that reached the queue × mean handling time / 900 s; the fewest agents N whose service level (the
 * channel's threshold: 20 s phone, 60 s chat) reaches the target, from the model of the staffing
 * targets ({@link TargetsConfig#defaults()}: Erlang C, or Erlang A where a patience is configured),
 * the service level being the only target (no occupancy cap, so that the three levels differ by the
 * service level alone). Each channel's queues form one pool (agents answer every queue of the
 * channel); a chat agent is counted as one conversation at a time (an upper bound). Agent-hours = Σ
 * N / 4; paid hours = agent-hours / (1 − shrinkage) (default shrinkage 30 %: breaks, training,
 * absence). The deferred channels add their handling work, Σ aht · handled, divided by the same (1
 * − shrinkage), whatever the live target. Cost = paid hours × cost per agent-hour.
 *
 * <p>Reference: Koole, <em>Call Center Optimization</em> (2013), ch. 4 and 6 (Erlang C/A staffing,
 * shrinkage).
 */
public final class ServiceLevelCost {

    /** The service levels priced. */
    public static final double[] TARGETS = {0.70, 0.80, 0.90};

    private ServiceLevelCost() {}

    /** One quarter-hour × channel of the peak week ({@link BudgetQueries#PEAK_WEEK_LOAD}). */
    public record Load(
            Instant intervalStart,
            String channel,
            double offered,
            Double ahtSeconds,
            Double weekAhtSeconds,
            double workSeconds) {}

    /**
     * One priced service level.
     *
     * @param target the service-level target (fraction)
     * @param peakAgents the most agents needed at once on the live channels
     * @param liveAgentHours Σ agents / 4 over the live channels
     * @param paidHours live and deferred, divided by (1 − shrinkage)
     * @param cost paid hours × cost per agent-hour
     */
    public record Level(
            double target, int peakAgents, double liveAgentHours, double paidHours, double cost) {}

    /** The three levels of {@link #TARGETS} for {@code load}. */
    public static List<Level> price(List<Load> load, double costPerHour, TargetsConfig config) {
        List<Level> out = new ArrayList<>();
        for (double target : TARGETS) {
            out.add(level(load, target, costPerHour, config));
        }
        return out;
    }

    static Level level(List<Load> load, double target, double costPerHour, TargetsConfig config) {
        Map<Instant, Integer> perInterval = new HashMap<>();
        double liveHours = 0;
        double paid = 0;
        for (Load row : load) {
            Channel channel = channel(row.channel());
            if (channel == null) {
                continue;
            }
            ChannelTargets targets = config.of("", channel);
            boolean live = channel == Channel.PHONE || channel == Channel.CHAT;
            if (!live) {
                paid += row.workSeconds() / 3600.0 / (1 - targets.shrinkage());
                continue;
            }
            Double aht = row.ahtSeconds() != null ? row.ahtSeconds() : row.weekAhtSeconds();
            if (row.offered() <= 0 || aht == null || !(aht > 0)) {
                continue;
            }
            double traffic = row.offered() * aht / 900.0;
            StaffingTargets slTarget =
                    StaffingTargets.none()
                            .withServiceLevel(target * 100, targets.thresholdSeconds());
            int agents;
            try {
                QueueMetrics m = RequiredAgents.solve(targets.model(traffic, aht), slTarget);
                agents = m.agents();
            } catch (IllegalArgumentException unreachable) {
                // No staffing the search allows reaches the target: leave the quarter-hour out
                // rather than fail the report (it cannot happen for targets below 100 %).
                continue;
            }
            perInterval.merge(row.intervalStart(), agents, Integer::sum);
            liveHours += agents / 4.0;
            paid += agents / 4.0 / (1 - targets.shrinkage());
        }
        int peak = perInterval.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return new Level(target, peak, liveHours, paid, paid * costPerHour);
    }

    private static Channel channel(String name) {
        try {
            return Channel.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
