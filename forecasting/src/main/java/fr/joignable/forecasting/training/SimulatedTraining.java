package fr.joignable.forecasting.training;

import fr.joignable.domain.event.Channel;
import fr.joignable.forecasting.staffing.Replay;
import fr.joignable.forecasting.staffing.ReplayAgents;
import fr.joignable.forecasting.staffing.ReplaySummary;
import fr.joignable.forecasting.staffing.StaffRoster;
import fr.joignable.sim.PlanSimulator;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Training gaps seen by simulation: the schedule's agents (present in their shifts, off their
 * breaks, with the roster's skills) replay the plan's live workload ({@link Replay}, seeds {@code
 * 1…S}, common random numbers), and a queue is <b>short of trained agents</b> when
 *
 * <ul>
 *   <li>it misses the criterion the plan is judged on (its worst live channel at or above target −
 *       3 points in fewer than 90 % of its open hour-of-week slots, {@link ReplaySummary}), and
 *   <li>its service-level margin {@code SL − target} (worst live channel) is more than {@link #LAG}
 *       below the centre's median queue: the agents present serve the other queues, not this one —
 *       a skill problem. When every queue misses alike the agents present are too few (hiring),
 *       which no training fixes, and no queue is named.
 * </ul>
 *
 * <p><b>Trainings</b> (a marginal search by simulation, one training at a time): for the named
 * queue, the roster agents not trained in it are ranked by the time they are present in the queue's
 * short slots (slots below target − 3 points), weighted by {@code 1/(1 + skills)} (an agent with
 * few skills gives more of his time to a new queue); the {@link #CANDIDATES} best are each replayed
 * with the training added and the one raising the queue's service level most is kept, if it raises
 * it by at least {@link #MIN_GAIN}. Stops when the queue meets the criterion, after {@link
 * #MAX_TRAININGS}, or when no candidate helps. Every figure printed is a replay with the same
 * seeds, so "before" and "after" differ only by the trainings.
 */
public final class SimulatedTraining {

    /** A queue lags the centre when its margin is this far below the median queue's (3 points). */
    static final double LAG = 0.03;

    static final int CANDIDATES = 3;
    static final int MAX_TRAININGS = 6;

    /** A training is kept only if it raises the queue's service level this much (0.5 point). */
    static final double MIN_GAIN = 0.005;

    /** One queue's worst live channel in a replay. */
    public record QueueLevel(
            String queue,
            Channel channel,
            double serviceLevel,
            double targetPercent,
            double slotShare) {

        double margin() {
            return serviceLevel - targetPercent / 100;
        }

        /** The month's service level at target, or the slot criterion met. */
        public boolean meets() {
            return meetsCriterion() || serviceLevel >= targetPercent / 100;
        }

        /**
         * The criterion the plan is judged on: at or above target − 3 points in 90 % of the open
         * hour-of-week slots. A queue at target over the month can still miss it (short at its
         * peaks): that is what names it and what its trainings aim at.
         */
        public boolean meetsCriterion() {
            return slotShare >= ReplaySummary.CRITERION_SHARE - 1e-12;
        }
    }

    /** A training kept, and the queue's level after it. */
    public record Step(String agentId, String team, String queue, QueueLevel after) {}

    /**
     * What the simulation found: per queue the level with today's roster, the queues named short of
     * trained agents, the trainings and the final level of every queue.
     */
    public record Outcome(
            int seeds,
            List<QueueLevel> before,
            List<String> named,
            List<Step> steps,
            List<QueueLevel> after) {}

    private final Replay.Workload workload;
    private final Path schedule;
    private final ZoneId zone;
    private final int seeds;

    public SimulatedTraining(Replay.Workload workload, Path schedule, ZoneId zone, int seeds) {
        this.workload = workload;
        this.schedule = schedule;
        this.zone = zone;
        this.seeds = seeds;
    }

    /** Runs the check and the search for {@code roster}. */
    public Outcome run(StaffRoster roster) {
        Replayed base = replay(roster);
        List<QueueLevel> before = levels(base.lines);
        List<String> named = named(before);
        List<Step> steps = new ArrayList<>();
        StaffRoster current = roster;
        Replayed now = base;
        for (String q : named) {
            Set<String> tried = new HashSet<>();
            while (steps.size() < MAX_TRAININGS) {
                QueueLevel level = level(levels(now.lines), q);
                if (level == null || level.meetsCriterion()) {
                    break;
                }
                List<StaffRoster.Agent> candidates = candidates(current, now, q, tried);
                if (candidates.isEmpty()) {
                    break;
                }
                StaffRoster best = null;
                Replayed bestRun = null;
                StaffRoster.Agent bestAgent = null;
                double bestLevel = level.serviceLevel() + MIN_GAIN;
                for (StaffRoster.Agent a : candidates) {
                    tried.add(a.agentId());
                    StaffRoster trained = train(current, a.agentId(), q);
                    Replayed r = replay(trained);
                    QueueLevel l = level(levels(r.lines), q);
                    if (l != null && l.serviceLevel() > bestLevel) {
                        bestLevel = l.serviceLevel();
                        best = trained;
                        bestRun = r;
                        bestAgent = a;
                    }
                }
                if (best == null) {
                    break;
                }
                current = best;
                now = bestRun;
                steps.add(
                        new Step(
                                bestAgent.agentId(),
                                bestAgent.team(),
                                q,
                                level(levels(now.lines), q)));
            }
        }
        return new Outcome(seeds, before, named, steps, levels(now.lines));
    }

    private record Replayed(
            List<ReplaySummary.Line> lines,
            PlanSimulator.Result total,
            List<PlanSimulator.Agent> agents) {}

    private Replayed replay(StaffRoster roster) {
        List<PlanSimulator.Agent> agents =
                ReplayAgents.fromSchedule(schedule, workload, roster, zone);
        List<PlanSimulator.Result> runs = Replay.runs(workload, agents, seeds);
        return new Replayed(
                ReplaySummary.lines(workload, runs, zone), PlanSimulator.sum(runs), agents);
    }

    /** Per queue its worst live channel (lowest margin; channels without judged slots skipped). */
    static List<QueueLevel> levels(List<ReplaySummary.Line> lines) {
        Map<String, QueueLevel> out = new LinkedHashMap<>();
        for (ReplaySummary.Line l : lines) {
            if (l.slots() == 0 || Double.isNaN(l.serviceLevel())) {
                continue;
            }
            QueueLevel v =
                    new QueueLevel(
                            l.queue(),
                            l.channel(),
                            l.serviceLevel(),
                            l.targetPercent(),
                            l.slotShare());
            QueueLevel old = out.get(l.queue());
            if (old == null || v.margin() < old.margin()) {
                out.put(l.queue(), v);
            }
        }
        return new ArrayList<>(out.values());
    }

    private static QueueLevel level(List<QueueLevel> levels, String queue) {
        return levels.stream().filter(l -> l.queue().equals(queue)).findFirst().orElse(null);
    }

    /** The queues short of trained agents, the most short first. */
    static List<String> named(List<QueueLevel> levels) {
        if (levels.size() < 2) {
            return List.of();
        }
        List<Double> margins = new ArrayList<>();
        levels.forEach(l -> margins.add(l.margin()));
        margins.sort(Double::compare);
        int n = margins.size();
        double median =
                n % 2 == 1 ? margins.get(n / 2) : (margins.get(n / 2 - 1) + margins.get(n / 2)) / 2;
        List<QueueLevel> short_ = new ArrayList<>();
        for (QueueLevel l : levels) {
            if (!l.meetsCriterion() && l.margin() < median - LAG) {
                short_.add(l);
            }
        }
        short_.sort(Comparator.comparingDouble(QueueLevel::margin));
        return short_.stream().map(QueueLevel::queue).toList();
    }

    /**
     * Agents not trained in {@code queue} (and not tried yet), by presence in the queue's short
     * slots weighted by 1 / (1 + skills); the best {@link #CANDIDATES}.
     */
    private List<StaffRoster.Agent> candidates(
            StaffRoster roster, Replayed run, String queue, Set<String> tried) {
        boolean[] shortSlot = shortSlots(run.total, queue);
        Map<String, Double> score = new LinkedHashMap<>();
        for (int a = 0; a < run.agents.size(); a++) {
            PlanSimulator.Agent ag = run.agents.get(a);
            double s = 0;
            for (int u = 0; u < workload.size(); u++) {
                if (shortSlot[slot(u)]) {
                    s += run.total.presentSeconds()[a][u];
                }
            }
            score.merge(ag.id(), s, Double::sum);
        }
        List<StaffRoster.Agent> out = new ArrayList<>();
        for (StaffRoster.Agent a : roster.agents()) {
            if (!a.skills().contains(queue)
                    && !tried.contains(a.agentId())
                    && score.getOrDefault(a.agentId(), 0.0) > 0) {
                out.add(a);
            }
        }
        out.sort(
                Comparator.comparingDouble(
                                (StaffRoster.Agent a) ->
                                        -score.get(a.agentId()) / (1 + a.skills().size()))
                        .thenComparing(StaffRoster.Agent::agentId));
        return out.subList(0, Math.min(CANDIDATES, out.size()));
    }

    private int slot(int u) {
        ZonedDateTime t = workload.instant(u).atZone(zone);
        return (t.getDayOfWeek().getValue() - 1) * 24 + t.getHour();
    }

    /** Hour-of-week slots where some live channel of {@code queue} is below target − 3 points. */
    private boolean[] shortSlots(PlanSimulator.Result total, String queue) {
        boolean[] out = new boolean[7 * 24];
        for (int s = 0; s < workload.queues().size(); s++) {
            if (!workload.queues().get(s).equals(queue)) {
                continue;
            }
            long[] offered = new long[7 * 24];
            long[] within = new long[7 * 24];
            for (int u = 0; u < workload.size(); u++) {
                offered[slot(u)] += total.offered()[s][u];
                within[slot(u)] += total.withinThreshold()[s][u];
            }
            double floor =
                    workload.targets().get(s).serviceLevelPercent() / 100
                            - ReplaySummary.SLOT_TOLERANCE;
            for (int h = 0; h < out.length; h++) {
                if (offered[h] > 0 && (double) within[h] / offered[h] < floor) {
                    out[h] = true;
                }
            }
        }
        return out;
    }

    /** The roster with {@code agentId} also trained in {@code queue}. */
    static StaffRoster train(StaffRoster roster, String agentId, String queue) {
        List<StaffRoster.Agent> out = new ArrayList<>();
        for (StaffRoster.Agent a : roster.agents()) {
            if (a.agentId().equals(agentId)) {
                List<String> skills = new ArrayList<>(a.skills());
                skills.add(queue);
                out.add(new StaffRoster.Agent(a.agentId(), a.team(), skills, a.fte()));
            } else {
                out.add(a);
            }
        }
        return new StaffRoster(out);
    }
}
