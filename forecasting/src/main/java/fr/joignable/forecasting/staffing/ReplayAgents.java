package fr.joignable.forecasting.staffing;

import fr.joignable.domain.event.Channel;
import fr.joignable.domain.io.InputException;
import fr.joignable.domain.table.ScheduleTable;
import fr.joignable.domain.table.StaffingTable;
import fr.joignable.sim.PlanSimulator;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The agents a plan puts in front of the simulated workload.
 *
 * <p><b>From a staffing plan</b> (agents per pool per interval): the live rows' {@code agents} of a
 * pool add up to {@code nᵤ} agents (rounded up) in interval {@code u}; the pool's roster agents are
 * put in a fixed order and the first {@code nᵤ} are present. The order spreads skills: each next
 * agent is the one whose skills cover most of the still least-covered load, {@code Σ_{q ∈ skills}
 * load_q / (1 + trained_q)}; when the plan asks for more agents than the pool has, the order
 * repeats with copies of the same skills (a plan may ask for hires). A pool nobody is trained for
 * gets agents trained in all its queues. Deferred rows are not replayed: their agents work the
 * backlog.
 *
 * <p><b>From a schedule</b> ({@code agent_id,date,start,end,breaks}, local {@code HH:MM} in the
 * opening hours' zone, breaks {@code HH:MM-HH:MM;…}): each agent is present from start to end
 * except in his breaks, with the skills of the roster.
 */
public final class ReplayAgents {

    public static final String SCHEDULE_HEADER = ScheduleTable.HEADER;

    /**
     * A pool's rows are written to 4 decimals: their sum may exceed the whole number of agents by a
     * few ten-thousandths, which must not add an agent.
     */
    static final double ROUNDING_SLACK = 0.01;

    private ReplayAgents() {}

    /** True when {@code file}'s header is a schedule's. */
    public static boolean isSchedule(Path file) {
        return ScheduleTable.isSchedule(file);
    }

    /** Live agents per pool and interval of a staffing plan CSV, rounded up. */
    public static Map<Pools.Pool, int[]> countsFromStaffing(
            Path file, Replay.Workload w, Pools pools) {
        Map<Pools.Pool, double[]> sums = new LinkedHashMap<>();
        for (StaffingTable.Row r : StaffingTable.read(file)) {
            if (r.channel() != Channel.PHONE && r.channel() != Channel.CHAT) {
                continue;
            }
            Instant t = r.intervalStart();
            int u = w.indexOf(t);
            if (t.isBefore(w.first()) || u >= w.size()) {
                continue; // outside the forecast's horizon
            }
            double agents = r.agents();
            if (!(agents >= 0)) {
                throw new InputException(
                        file + " line " + r.line() + ": field agents: must be a number >= 0");
            }
            Pools.Pool p;
            try {
                p = pools.of(r.queue());
            } catch (IllegalArgumentException e) {
                continue; // a queue without forecast: nothing to replay
            }
            sums.computeIfAbsent(p, k -> new double[w.size()])[u] += agents;
        }
        Map<Pools.Pool, int[]> counts = new LinkedHashMap<>();
        for (Map.Entry<Pools.Pool, double[]> e : sums.entrySet()) {
            int[] n = new int[w.size()];
            for (int u = 0; u < n.length; u++) {
                n[u] = (int) Math.ceil(e.getValue()[u] - ROUNDING_SLACK);
            }
            counts.put(e.getKey(), n);
        }
        return counts;
    }

    /** Simulated agents for per-pool counts: the first {@code nᵤ} of each pool's order. */
    public static List<PlanSimulator.Agent> fromCounts(
            Replay.Workload w, Pools pools, StaffRoster roster, Map<Pools.Pool, int[]> counts) {
        List<PlanSimulator.Agent> out = new ArrayList<>();
        for (Map.Entry<Pools.Pool, int[]> e : counts.entrySet()) {
            Pools.Pool pool = e.getKey();
            int[] n = e.getValue();
            int most = 0;
            for (int v : n) {
                most = Math.max(most, v);
            }
            out.addAll(present(order(w, pool, roster), n));
        }
        return out;
    }

    /**
     * Agents of {@code order} present in interval {@code u} when their rank is below {@code n[u]};
     * copies of the same skills beyond the list's length.
     */
    static List<PlanSimulator.Agent> present(List<StaffRoster.Agent> order, int[] n) {
        List<PlanSimulator.Agent> out = new ArrayList<>();
        int most = 0;
        for (int v : n) {
            most = Math.max(most, v);
        }
        for (int k = 0; k < most; k++) {
            StaffRoster.Agent base = order.get(k % order.size());
            String id =
                    k < order.size() ? base.agentId() : base.agentId() + "+" + (k / order.size());
            List<double[]> segments = new ArrayList<>();
            int u = 0;
            while (u < n.length) {
                if (n[u] > k) {
                    int start = u;
                    while (u < n.length && n[u] > k) {
                        u++;
                    }
                    segments.add(
                            new double[] {
                                start * PlanSimulator.INTERVAL, u * PlanSimulator.INTERVAL
                            });
                } else {
                    u++;
                }
            }
            out.add(agent(id, base.skills(), segments));
        }
        return out;
    }

    /** The pool's roster agents in the order that spreads skills over the pool's load. */
    static List<StaffRoster.Agent> order(Replay.Workload w, Pools.Pool pool, StaffRoster roster) {
        Map<String, Double> load = new HashMap<>();
        for (int s = 0; s < w.queues().size(); s++) {
            String q = w.queues().get(s);
            if (!pool.queues().contains(q)) {
                continue;
            }
            double sum = 0;
            for (int u = 0; u < w.size(); u++) {
                sum += w.offered(s, u) * Math.max(1, w.streams.get(s).ahtSeconds()[u]);
            }
            load.merge(q, sum, Double::sum);
        }
        List<StaffRoster.Agent> candidates = new ArrayList<>();
        for (StaffRoster.Agent a : roster.agents()) {
            if (a.skills().stream().anyMatch(pool.queues()::contains)) {
                candidates.add(a);
            }
        }
        if (candidates.isEmpty()) {
            candidates.add(new StaffRoster.Agent("V-" + pool.name(), "", pool.queues(), 1));
        }
        Map<String, Integer> trained = new HashMap<>();
        List<StaffRoster.Agent> order = new ArrayList<>();
        while (!candidates.isEmpty()) {
            StaffRoster.Agent best = null;
            double bestGain = -1;
            for (StaffRoster.Agent a : candidates) {
                double gain = 0;
                for (String q : a.skills()) {
                    gain += load.getOrDefault(q, 0.0) / (1 + trained.getOrDefault(q, 0));
                }
                if (gain > bestGain + 1e-12) {
                    best = a;
                    bestGain = gain;
                }
            }
            candidates.remove(best);
            order.add(best);
            for (String q : best.skills()) {
                trained.merge(q, 1, Integer::sum);
            }
        }
        return order;
    }

    /** Simulated agents from a schedule file, skills from the roster. */
    public static List<PlanSimulator.Agent> fromSchedule(
            Path file, Replay.Workload w, StaffRoster roster, ZoneId zone) {
        Map<String, StaffRoster.Agent> byId = new HashMap<>();
        for (StaffRoster.Agent a : roster.agents()) {
            byId.put(a.agentId(), a);
        }
        Map<String, TreeMap<Double, Double>> segments = new TreeMap<>();
        double origin = w.first().getEpochSecond();
        for (ScheduleTable.Shift shift : ScheduleTable.read(file)) {
            String id = shift.agentId();
            if (!byId.containsKey(id)) {
                throw new InputException(
                        file
                                + " line "
                                + shift.line()
                                + ": field agent_id: '"
                                + id
                                + "' is not in the roster");
            }
            LocalDate date = shift.date();
            double start = seconds(date, shift.startMinute(), zone) - origin;
            double end = seconds(date, shift.endMinute(), zone) - origin;
            if (end <= start) {
                end += 86_400; // a shift past midnight
            }
            List<double[]> pieces = new ArrayList<>();
            pieces.add(new double[] {start, end});
            for (ScheduleTable.Break b : shift.breaks()) {
                double bs = seconds(date, b.fromMinute(), zone) - origin;
                double be = seconds(date, b.toMinute(), zone) - origin;
                pieces = cut(pieces, bs, be);
            }
            TreeMap<Double, Double> mine = segments.computeIfAbsent(id, k -> new TreeMap<>());
            for (double[] p : pieces) {
                if (p[1] > p[0]) {
                    mine.merge(p[0], p[1], Math::max);
                }
            }
        }
        List<PlanSimulator.Agent> out = new ArrayList<>();
        for (Map.Entry<String, TreeMap<Double, Double>> e : segments.entrySet()) {
            List<double[]> merged = new ArrayList<>();
            for (Map.Entry<Double, Double> s : e.getValue().entrySet()) {
                if (!merged.isEmpty() && s.getKey() <= merged.get(merged.size() - 1)[1]) {
                    double[] last = merged.get(merged.size() - 1);
                    last[1] = Math.max(last[1], s.getValue());
                } else {
                    merged.add(new double[] {s.getKey(), s.getValue()});
                }
            }
            out.add(agent(e.getKey(), byId.get(e.getKey()).skills(), merged));
        }
        return out;
    }

    private static List<double[]> cut(List<double[]> pieces, double from, double to) {
        List<double[]> out = new ArrayList<>();
        for (double[] p : pieces) {
            if (to <= p[0] || from >= p[1]) {
                out.add(p);
                continue;
            }
            if (from > p[0]) {
                out.add(new double[] {p[0], from});
            }
            if (to < p[1]) {
                out.add(new double[] {to, p[1]});
            }
        }
        return out;
    }

    private static double seconds(LocalDate date, int minute, ZoneId zone) {
        return ScheduleTable.instant(date, minute, zone).getEpochSecond();
    }

    private static PlanSimulator.Agent agent(
            String id, List<String> skills, List<double[]> segments) {
        double[] from = new double[segments.size()];
        double[] to = new double[segments.size()];
        for (int i = 0; i < segments.size(); i++) {
            from[i] = Math.max(0, segments.get(i)[0]);
            to[i] = Math.max(from[i], segments.get(i)[1]);
        }
        return new PlanSimulator.Agent(id, skills, from, to);
    }

    /** Queues the roster's agents are trained in, sorted. */
    static TreeSet<String> skills(StaffRoster roster) {
        TreeSet<String> out = new TreeSet<>();
        roster.agents().forEach(a -> out.addAll(a.skills()));
        return out;
    }
}
