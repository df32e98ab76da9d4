package fr.joignable.forecasting.schedule;

import fr.joignable.domain.event.Channel;
import fr.joignable.forecasting.staffing.OpeningHours;
import fr.joignable.forecasting.staffing.Replay;
import fr.joignable.forecasting.staffing.ReplayAgents;
import fr.joignable.forecasting.staffing.ReplaySummary;
import fr.joignable.forecasting.staffing.StaffRoster;
import fr.joignable.forecasting.training.QueueDemand;
import fr.joignable.sim.PlanSimulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code schedule --verify}: replays a schedule through the contact-centre simulator ({@link
 * PlanSimulator}, via {@link Replay}: the roster's agents with their skills, present exactly in
 * their shifts minus their breaks) and judges it by hour-of-week slot.
 *
 * <p><b>Criterion</b> (the one {@code simulate} prints, {@link ReplaySummary}, restricted to the
 * open intervals): a slot (local weekday and hour; the open intervals of all weeks and seeds of the
 * horizon pooled) of a live queue and channel is <i>judged</i> when it holds at least {@link
 * ReplaySummary#MIN_SLOT_CONTACTS} simulated contacts, and <i>met</i> when its service level
 * (answered within the threshold / offered) is at least the target minus {@link
 * ReplaySummary#SLOT_TOLERANCE} (3 points). A queue's figure is the share of its judged slots met;
 * the schedule passes when every live queue reaches {@link #PASS_SHARE}.
 *
 * <p><b>Improvement</b> ({@link #raise}): in every judged slot below the target minus 3 points, the
 * requirement of the slot's queue is raised in each interval of that slot by a step of {@code 0.5 +
 * 10 · (target − SL)} agents, at most {@link #MAX_STEP} a round (a queue 10 points under gets 1.5
 * more agents), and the interval's shortfall weight is multiplied by {@code 1 + WEIGHT_SHARE ·
 * step} (off); both accumulate over rounds, and the solver re-schedules against plan + raises. It
 * is a fixed-point heuristic on the hour-of-week grid, not an optimisation through the simulator: a
 * round may also make things worse elsewhere, which is why the caller keeps the best round.
 */
public final class ScheduleVerification {

    /** A schedule passes when every live queue meets this share of its judged slots. */
    public static final double PASS_SHARE = 0.90;

    /** Slots a queue with {@code slots} judged slots must meet: {@link #PASS_SHARE} of them, up. */
    public static int slotsNeeded(int slots) {
        return (int) Math.ceil(PASS_SHARE * slots - 1e-9);
    }

    /**
     * A failing interval's shortfall weight is multiplied by {@code 1 + WEIGHT_SHARE × step} a
     * round; 0: off. Measured on the demo's data (3 rounds, 30 s each, loaded machine): a factor of
     * {@code 1 + step} lowered the share of slots met from 84 % to 72–74 %, {@code 1 + 0.2 step} to
     * 78–81 %, while raising the requirement alone reached 86–89 % — a heavier weight pulls agents
     * off slots that were fine. Kept as a seam, off.
     */
    public static final double WEIGHT_SHARE = 0;

    /** Largest raise of one (queue, interval) in one round, agents. */
    public static final double MAX_STEP = 2.0;

    /** One judged hour-of-week slot of one live queue and channel. */
    public record Slot(
            String queue,
            Channel channel,
            int hourOfWeek,
            long offered,
            long within,
            double targetPercent) {

        public double serviceLevel() {
            return (double) within / offered;
        }

        public boolean met() {
            return serviceLevel() >= targetPercent / 100 - ReplaySummary.SLOT_TOLERANCE;
        }

        /** Within {@code target ± 3 points}: the strict band (neither short nor over-served). */
        public boolean inBand() {
            return Math.abs(serviceLevel() - targetPercent / 100) <= ReplaySummary.SLOT_TOLERANCE;
        }

        /** "Mon 09:00". */
        public String label() {
            String[] days = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
            return String.format(
                    java.util.Locale.ROOT, "%s %02d:00", days[hourOfWeek / 24], hourOfWeek % 24);
        }
    }

    /**
     * What one replay of a schedule showed: per live queue and channel, over the open intervals
     * ({@code offeredPerSeed}, service level, abandon rate, judged and met slots); the judged
     * slots; the contacts per seed that arrived while the centre was closed (not judged).
     */
    public record Outcome(List<ReplaySummary.Line> lines, List<Slot> slots, double closedPerSeed) {

        /** The lowest share of met slots over the live queues with judged slots (1 if none). */
        public double worstShare() {
            double worst = 1;
            for (ReplaySummary.Line l : lines) {
                if (l.slots() > 0) {
                    worst = Math.min(worst, l.slotShare());
                }
            }
            return worst;
        }

        /** Met slots over judged slots, all queues together. */
        public double overallShare() {
            int judged = 0;
            int met = 0;
            for (ReplaySummary.Line l : lines) {
                judged += l.slots();
                met += l.slotsMet();
            }
            return judged == 0 ? 1 : (double) met / judged;
        }

        public boolean passes() {
            return worstShare() >= PASS_SHARE - 1e-12;
        }
    }

    private final Replay.Workload workload;
    private final StaffRoster roster;
    private final OpeningHours opening;
    private final ZoneId zone;
    private final int seeds;
    private final int firstSeed;

    /**
     * First seed of the loop's tuning replays: the loop's raises are fitted to these seeds, so an
     * independent check ({@code simulate}, seeds 1…N) must not share them.
     */
    public static final int TUNING_FIRST_SEED = 1001;

    /**
     * First seed of the hold-out replays that choose the round kept: seeds the raises never saw, so
     * that the choice among rounds does not favour a round that is merely lucky on the tuning
     * seeds.
     */
    public static final int HOLDOUT_FIRST_SEED = 2001;

    /**
     * First seed of the confirmation replay of the round kept: seeds that neither fitted the raises
     * nor chose the round, so the criterion printed is not the best of several rounds' luck (on the
     * demo the kept round's 94 % on the hold-out was 86–90 % on fresh seeds).
     */
    public static final int CONFIRM_FIRST_SEED = 3001;

    /**
     * @param opening only contacts arriving in open intervals are judged (a closed centre answers
     *     nobody, and the plan asks for no agent then)
     */
    public ScheduleVerification(
            Replay.Workload workload, StaffRoster roster, OpeningHours opening, int seeds) {
        this(workload, roster, opening, 1, seeds);
    }

    /** As above, replaying the seeds {@code firstSeed … firstSeed + seeds − 1}. */
    public ScheduleVerification(
            Replay.Workload workload,
            StaffRoster roster,
            OpeningHours opening,
            int firstSeed,
            int seeds) {
        this.workload = workload;
        this.roster = roster;
        this.opening = opening;
        this.zone = opening.zone();
        this.seeds = seeds;
        this.firstSeed = firstSeed;
    }

    /** The same replay on {@code count} other seeds, from {@code first}. */
    public ScheduleVerification withSeeds(int first, int count) {
        return new ScheduleVerification(workload, roster, opening, first, count);
    }

    /** Replays {@code shifts} ({@code seeds} seeds, common random numbers) and judges the slots. */
    public Outcome replay(List<Shift> shifts) throws IOException {
        Path tmp = Files.createTempFile("joignable-schedule-", ".csv");
        List<PlanSimulator.Agent> agents;
        try {
            ScheduleFiles.writeSchedule(tmp, shifts);
            agents = ReplayAgents.fromSchedule(tmp, workload, roster, zone);
        } finally {
            Files.deleteIfExists(tmp);
        }
        List<PlanSimulator.Result> runs = Replay.runs(workload, agents, firstSeed, seeds);
        return judge(PlanSimulator.sum(runs), runs.size());
    }

    /** Judges the pooled result of {@code runs} runs. */
    Outcome judge(PlanSimulator.Result total, int runs) {
        boolean[] open = new boolean[workload.size()];
        for (int u = 0; u < workload.size(); u++) {
            open[u] = opening.isOpen(workload.instant(u));
        }
        List<Slot> out = new ArrayList<>();
        List<ReplaySummary.Line> lines = new ArrayList<>();
        long closed = 0;
        for (int s = 0; s < workload.queues().size(); s++) {
            TreeMap<Integer, long[]> bySlot = new TreeMap<>();
            long offered = 0;
            long within = 0;
            long abandoned = 0;
            for (int u = 0; u < workload.size(); u++) {
                long o = total.offered()[s][u];
                if (o == 0) {
                    continue;
                }
                if (!open[u]) {
                    closed += o;
                    continue;
                }
                offered += o;
                within += total.withinThreshold()[s][u];
                abandoned += total.abandoned()[s][u];
                long[] v =
                        bySlot.computeIfAbsent(hourOfWeek(workload.instant(u)), k -> new long[2]);
                v[0] += o;
                v[1] += total.withinThreshold()[s][u];
            }
            double target = workload.targets().get(s).serviceLevelPercent();
            int judged = 0;
            int met = 0;
            int inBand = 0;
            for (Map.Entry<Integer, long[]> e : bySlot.entrySet()) {
                if (e.getValue()[0] >= ReplaySummary.MIN_SLOT_CONTACTS) {
                    Slot slot =
                            new Slot(
                                    workload.queues().get(s),
                                    workload.channels().get(s),
                                    e.getKey(),
                                    e.getValue()[0],
                                    e.getValue()[1],
                                    target);
                    out.add(slot);
                    judged++;
                    met += slot.met() ? 1 : 0;
                    inBand += slot.inBand() ? 1 : 0;
                }
            }
            lines.add(
                    new ReplaySummary.Line(
                            workload.queues().get(s),
                            workload.channels().get(s),
                            (double) offered / runs,
                            offered == 0 ? Double.NaN : (double) within / offered,
                            target,
                            judged,
                            met,
                            offered == 0 ? Double.NaN : (double) abandoned / offered,
                            inBand));
        }
        return new Outcome(lines, out, (double) closed / runs);
    }

    int hourOfWeek(Instant t) {
        ZonedDateTime z = t.atZone(zone);
        return (z.getDayOfWeek().getValue() - 1) * 24 + z.getHour();
    }

    /**
     * What the next solve asks for on top of the plan: {@code extra[i][q]} agents by plan interval
     * and queue (negative where a queue is over-served), {@code weights[i]}, a factor on the
     * shortfall weight of interval {@code i} (1: off, {@link #WEIGHT_SHARE}), and {@code
     * poolWeights[i][q]}, the extra weight of a missing agent in queue q's own pool ({@link
     * Scheduler#schedule(fr.joignable.forecasting.training.Roster, QueueDemand, ShiftRules,
     * Scheduler.Options, java.util.function.Consumer, double[][], double[], double[][],
     * java.util.Map)}), and {@code paidFloor}, the paid minutes each week must keep.
     */
    public record Raise(
            double[][] extra,
            double[] weights,
            double[][] poolWeights,
            java.util.Map<java.time.LocalDate, Integer> paidFloor) {

        /**
         * The same, each week's shifts paid at least {@code floor} (by Monday, minutes; null: no
         * floor): the loop keeps its first solve's hours so that they move rather than vanish.
         */
        public Raise withPaidFloor(java.util.Map<java.time.LocalDate, Integer> floor) {
            return new Raise(extra, weights, poolWeights, floor);
        }

        /** The largest lowering of one (queue, interval), as a share of the plan's demand. */
        public double deepestCut(QueueDemand plan) {
            double deepest = 0;
            for (int i = 0; i < extra.length; i++) {
                for (int q = 0; q < extra[i].length; q++) {
                    double d = plan.demand()[i][q];
                    if (d > 0 && extra[i][q] < 0) {
                        deepest = Math.max(deepest, -extra[i][q] / d);
                    }
                }
            }
            return deepest;
        }
    }

    /**
     * A met slot whose service level is at least the target plus this many points is over-served:
     * the next round asks for fewer agents there ({@link #lowerStep}). The system property {@code
     * joignable.schedule.surplusMargin} overrides it, for measurements (a large value: no
     * lowering).
     */
    public static final double SURPLUS_MARGIN =
            Double.parseDouble(System.getProperty("joignable.schedule.surplusMargin", "0.08"));

    /** Largest lowering of one (queue, interval) in one round, agents. */
    public static final double MAX_LOWER = 1.0;

    /**
     * The requirement of a (queue, interval) is never lowered below {@code 1 − MAX_CUT} of the
     * plan's: the loop moves hours between slots, it does not unstaff a queue.
     */
    public static final double MAX_CUT = 0.35;

    /**
     * A failing slot's pool weight grows by {@code POOL_WEIGHT × step} a round (at most {@link
     * #MAX_POOL_WEIGHT}): a missing agent in the failing queue's own pool then costs more than a
     * missing agent elsewhere, even where the whole interval is short (where the Hall deficiency
     * alone leaves a narrow pool's shortfall free). The system property {@code
     * joignable.schedule.poolWeight} overrides it, for measurements (0: off).
     */
    public static final double POOL_WEIGHT =
            Double.parseDouble(System.getProperty("joignable.schedule.poolWeight", "1.0"));

    /** Cap of the accumulated pool weight (in units of the shortfall weight). */
    public static final double MAX_POOL_WEIGHT = 4.0;

    /**
     * The raises after {@code outcome}, on top of {@code previous} (null: none yet). For each
     * failing slot, on every plan interval of that hour-of-week where its queue needs agents: the
     * queue's requirement grows by the slot's {@link #step}, its pool weight by {@code POOL_WEIGHT
     * × step}, and the interval's shortfall weight is multiplied by {@code 1 + WEIGHT_SHARE · step}
     * (the largest step when several queues fail in one slot). For each over-served slot (service
     * level at least target + {@link #SURPLUS_MARGIN}): the queue's requirement falls by {@link
     * #lowerStep}, never below {@code (1 − MAX_CUT)} of the plan's. The roster's hours being
     * bounded by the contracts, a lower requirement where a queue is comfortably served is what
     * frees shifts for the slots under target.
     */
    public Raise raise(QueueDemand plan, Outcome outcome, Raise previous) {
        int n = plan.intervals().size();
        int nq = plan.queues().size();
        double[][] next = new double[n][nq];
        double[][] pool = new double[n][nq];
        double[] weights = new double[n];
        java.util.Arrays.fill(weights, 1);
        if (previous != null) {
            for (int i = 0; i < n; i++) {
                next[i] = previous.extra()[i].clone();
                pool[i] = previous.poolWeights()[i].clone();
            }
            weights = previous.weights().clone();
        }
        Map<String, Integer> queueIndex = new HashMap<>();
        for (int q = 0; q < nq; q++) {
            queueIndex.put(plan.queues().get(q), q);
        }
        // step per (queue, hour of week): positive under target, negative over-served
        Map<Integer, Map<Integer, Double>> steps = new HashMap<>();
        for (Slot s : outcome.slots()) {
            Integer q = queueIndex.get(s.queue());
            if (q == null) {
                continue;
            }
            double target = s.targetPercent() / 100;
            double step =
                    s.met() ? -lowerStep(target, s.serviceLevel()) : step(target, s.serviceLevel());
            if (step != 0) {
                // several channels of one queue in one slot: the one under target decides
                steps.computeIfAbsent(q, k -> new HashMap<>())
                        .merge(s.hourOfWeek(), step, Math::max);
            }
        }
        for (int i = 0; i < n; i++) {
            int h = hourOfWeek(plan.intervals().get(i));
            double largest = 0;
            for (Map.Entry<Integer, Map<Integer, Double>> e : steps.entrySet()) {
                Double step = e.getValue().get(h);
                int q = e.getKey();
                double demand = plan.demand()[i][q];
                if (step == null || demand <= 0) {
                    continue;
                }
                if (step > 0) {
                    next[i][q] += step;
                    pool[i][q] = Math.min(MAX_POOL_WEIGHT, pool[i][q] + POOL_WEIGHT * step);
                    largest = Math.max(largest, step);
                } else {
                    next[i][q] = Math.max(-MAX_CUT * demand, next[i][q] + step);
                }
            }
            weights[i] *= 1 + WEIGHT_SHARE * largest;
        }
        return new Raise(next, weights, pool, previous == null ? null : previous.paidFloor());
    }

    /**
     * Agents fewer asked for in an over-served slot: 0 below target + {@link #SURPLUS_MARGIN}, else
     * {@code 0.25 + 5 · (SL − target − margin)}, at most {@link #MAX_LOWER} (a slot at 98 % for a
     * target of 80 % gives 0.75 agent a round).
     */
    static double lowerStep(double target, double serviceLevel) {
        double over = serviceLevel - target - SURPLUS_MARGIN;
        return over < -1e-12 ? 0 : Math.min(MAX_LOWER, 0.25 + 5 * over);
    }

    /** {@code 0.5 + 10 · (target − SL)} agents, at most {@link #MAX_STEP}. */
    static double step(double target, double serviceLevel) {
        return Math.min(MAX_STEP, 0.5 + 10 * Math.max(0, target - serviceLevel));
    }
}
