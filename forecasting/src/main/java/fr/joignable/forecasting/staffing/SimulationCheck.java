package fr.joignable.forecasting.staffing;

import fr.joignable.sim.PlanSimulator;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Corrects the analytic live staffing of every pool by simulation, so that every live queue meets
 * its service-level target with as few agents as the search finds.
 *
 * <p><b>Search</b> (a marginal search by hour-of-week slot). The plan's analytic agents {@code
 * N_{p,u}} (pool {@code p}, interval {@code u}) get an offset {@code Δ_{p,h}} per local
 * hour-of-week slot {@code h} (the slot's intervals in every week of the horizon move together:
 * that is the unit the targets are judged on, and it pools enough contacts to judge). Each round
 * replays the whole plan ({@link Replay}, seeds {@code 1…S}, common random numbers) and measures,
 * per pool and slot, the worst margin over its live queues {@code m = min_q (SL_{q,h} − target_q)}
 * (slots of a queue with fewer than {@link ReplaySummary#MIN_SLOT_CONTACTS} contacts are not
 * judged), and the pool's occupancy in the slot. Then, per pool and slot:
 *
 * <ul>
 *   <li>{@code m < −RAISE_BELOW}: one agent more in each of the slot's intervals;
 *   <li>{@code m ≥ LOWER_ABOVE} and occupancy below the target: one agent less, tentatively; if a
 *       later round finds the slot short again, the agent comes back and the slot is never lowered
 *       again (so the search ends);
 * </ul>
 *
 * until a round changes nothing or {@link #MAX_ROUNDS} rounds have run. An interval with live
 * contacts keeps at least one agent. The final plan's replay gives the service level, occupancy and
 * asa of each row, so that {@code simulate} with the same seeds measures what {@code staff}
 * reports. Reference for simulation-based staffing of multi-skill centres: Cezik &amp; L'Ecuyer,
 * "Staffing multiskill call centers via linear programming and simulation", Management Science
 * 54(2), 2008 (this search is the simpler marginal variant they compare with).
 */
public final class SimulationCheck implements PoolPlanner.LiveCheck {

    /** A slot is raised when its worst queue is this far below target (1 point). */
    static final double RAISE_BELOW = 0.01;

    /**
     * A slot is lowered when its worst queue is more than this above target (3 points: the top of
     * the ±3-point band the plan is judged on).
     */
    static final double LOWER_ABOVE = 0.03;

    static final int MAX_ROUNDS = 12;

    /**
     * The bounds of the marginal search: a slot whose worst margin is below {@code -raiseBelow}
     * gets one agent more, one whose worst margin is above {@code lowerAbove} one less
     * (tentatively), for at most {@code maxRounds} replays.
     */
    public record Search(double raiseBelow, double lowerAbove, int maxRounds) {

        /**
         * The plan's search: every slot's worst queue between target − 1 point and target + 3
         * points where integer agents allow it.
         */
        public static final Search PLAN = new Search(RAISE_BELOW, LOWER_ABOVE, MAX_ROUNDS);

        /**
         * The fewest agents the search finds meeting the done-when criterion: every slot lowered
         * while its worst queue stays at or above target − 3 points (each slot descends until one
         * agent fewer would put a queue more than 3 points short).
         */
        public static final Search MINIMUM =
                new Search(ReplaySummary.SLOT_TOLERANCE, -ReplaySummary.SLOT_TOLERANCE, 20);
    }

    private final Replay.Workload workload;
    private final Pools pools;
    private final StaffRoster roster;
    private final int seeds;
    private final ZoneId zone;
    private final Search search;
    private List<ReplaySummary.Line> summary = List.of();
    private int rounds;
    private List<PlanSimulator.Agent> finalAgents = List.of();

    public SimulationCheck(
            Replay.Workload workload, Pools pools, StaffRoster roster, int seeds, ZoneId zone) {
        this(workload, pools, roster, seeds, zone, Search.PLAN);
    }

    public SimulationCheck(
            Replay.Workload workload,
            Pools pools,
            StaffRoster roster,
            int seeds,
            ZoneId zone,
            Search search) {
        this.search = search;
        this.workload = workload;
        this.pools = pools;
        this.roster = roster;
        this.seeds = seeds;
        this.zone = zone;
    }

    /** Per live queue, the final plan's simulated service level against its target. */
    public List<ReplaySummary.Line> summary() {
        return summary;
    }

    public int rounds() {
        return rounds;
    }

    @Override
    public Outcome check(Map<Pools.Pool, int[]> analytic) {
        int size = workload.size();
        int[] slotOf = new int[size];
        for (int u = 0; u < size; u++) {
            ZonedDateTime t = workload.instant(u).atZone(zone);
            slotOf[u] = (t.getDayOfWeek().getValue() - 1) * 24 + t.getHour();
        }
        Map<Pools.Pool, int[]> offset = new LinkedHashMap<>();
        Map<Pools.Pool, boolean[]> locked = new HashMap<>();
        Map<Pools.Pool, boolean[]> lowered = new HashMap<>();
        for (Pools.Pool p : analytic.keySet()) {
            offset.put(p, new int[7 * 24]);
            locked.put(p, new boolean[7 * 24]);
            lowered.put(p, new boolean[7 * 24]);
        }
        Map<Pools.Pool, int[]> counts = apply(analytic, offset, slotOf);
        List<PlanSimulator.Result> runs = null;
        int maxRounds = search.maxRounds();
        for (rounds = 1; rounds <= maxRounds; rounds++) {
            List<PlanSimulator.Agent> agents =
                    ReplayAgents.fromCounts(workload, pools, roster, counts);
            runs = Replay.runs(workload, agents, seeds);
            finalAgents = agents;
            if (rounds == maxRounds) {
                break;
            }
            PlanSimulator.Result total = PlanSimulator.sum(runs);
            boolean changed = false;
            for (Pools.Pool p : analytic.keySet()) {
                double[][] slot = slotMargins(total, agents, p, slotOf);
                int[] d = offset.get(p);
                for (int h = 0; h < d.length; h++) {
                    double margin = slot[0][h];
                    if (Double.isNaN(margin)) {
                        continue;
                    }
                    if (margin < -search.raiseBelow() - 1e-12) {
                        d[h]++;
                        changed = true;
                        if (lowered.get(p)[h]) {
                            locked.get(p)[h] = true;
                        }
                    } else if (margin > search.lowerAbove() + 1e-12
                            && slot[1][h] < slot[2][h]
                            && !locked.get(p)[h]) {
                        d[h]--;
                        lowered.get(p)[h] = true;
                        changed = true;
                    }
                }
            }
            if (!changed) {
                break;
            }
            counts = apply(analytic, offset, slotOf);
        }
        rounds = Math.min(rounds, maxRounds);
        summary = ReplaySummary.lines(workload, runs, zone);
        Map<String, double[]> metrics = new HashMap<>();
        for (Replay.Row r : Replay.rows(workload, finalAgents, runs)) {
            metrics.put(
                    PoolPlanner.metricsKey(
                            r.queue(), r.channel(), workload.indexOf(r.intervalStart())),
                    new double[] {r.serviceLevel(), r.occupancy(), r.asaSeconds()});
        }
        return new Outcome(counts, metrics);
    }

    private Map<Pools.Pool, int[]> apply(
            Map<Pools.Pool, int[]> analytic, Map<Pools.Pool, int[]> offset, int[] slotOf) {
        Map<Pools.Pool, int[]> out = new LinkedHashMap<>();
        for (Map.Entry<Pools.Pool, int[]> e : analytic.entrySet()) {
            int[] n = e.getValue().clone();
            int[] d = offset.get(e.getKey());
            for (int u = 0; u < n.length; u++) {
                if (n[u] > 0) {
                    n[u] = Math.max(1, n[u] + d[slotOf[u]]);
                }
            }
            out.put(e.getKey(), n);
        }
        return out;
    }

    /**
     * Per slot: {worst margin over the pool's queues (NaN: none judged), occupancy of the pool's
     * agents, the pool's lowest max occupancy}.
     */
    private double[][] slotMargins(
            PlanSimulator.Result total,
            List<PlanSimulator.Agent> agents,
            Pools.Pool pool,
            int[] slotOf) {
        int slots = 7 * 24;
        double[] worst = new double[slots];
        java.util.Arrays.fill(worst, Double.NaN);
        double[] maxOcc = new double[slots];
        java.util.Arrays.fill(maxOcc, 1);
        for (int s = 0; s < workload.queues().size(); s++) {
            if (!pool.queues().contains(workload.queues().get(s))) {
                continue;
            }
            long[] offered = new long[slots];
            long[] within = new long[slots];
            for (int u = 0; u < workload.size(); u++) {
                offered[slotOf[u]] += total.offered()[s][u];
                within[slotOf[u]] += total.withinThreshold()[s][u];
            }
            double target = workload.targets().get(s).serviceLevelPercent() / 100;
            for (int h = 0; h < slots; h++) {
                if (offered[h] < ReplaySummary.MIN_SLOT_CONTACTS) {
                    continue;
                }
                double margin = (double) within[h] / offered[h] - target;
                worst[h] = Double.isNaN(worst[h]) ? margin : Math.min(worst[h], margin);
                maxOcc[h] = Math.min(maxOcc[h], workload.targets().get(s).maxOccupancy());
            }
        }
        double[] present = new double[slots];
        double[] busy = new double[slots];
        for (int a = 0; a < agents.size(); a++) {
            if (agents.get(a).skills().stream().noneMatch(pool.queues()::contains)) {
                continue;
            }
            for (int u = 0; u < workload.size(); u++) {
                present[slotOf[u]] += total.presentSeconds()[a][u];
                busy[slotOf[u]] += total.busySeconds()[a][u];
            }
        }
        double[] occupancy = new double[slots];
        for (int h = 0; h < slots; h++) {
            occupancy[h] = present[h] == 0 ? 0 : busy[h] / present[h];
        }
        return new double[][] {worst, occupancy, maxOcc};
    }
}
