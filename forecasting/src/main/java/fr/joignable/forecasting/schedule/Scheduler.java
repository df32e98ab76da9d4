package fr.joignable.forecasting.schedule;

import com.google.ortools.Loader;
import fr.joignable.domain.io.InputException;
import fr.joignable.domain.time.FrenchPublicHolidays;
import fr.joignable.forecasting.training.Agent;
import fr.joignable.forecasting.training.QueueDemand;
import fr.joignable.forecasting.training.Roster;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Shifts for a roster against a staffing plan: one CP-SAT model per calendar week ({@link
 * WeekModel}), solved in order so that the rest after the last shift of a week binds the first day
 * of the next. With a centre closed at night and on Sundays the weeks are independent and the
 * decomposition loses nothing; otherwise only the rest across the week boundary is carried over.
 */
public final class Scheduler {

    /** Options of a run. */
    public record Options(double timeLimitSeconds, int workers, boolean mip) {}

    /** One week's model, built before any week is solved. */
    record WeekJob(
            LocalDate weekStart,
            boolean[] open,
            int openDays,
            List<WeekModel.Slot> slots,
            List<Integer> slotIntervals,
            int maxDays,
            List<WeekModel.Group> groups,
            List<List<Integer>> members,
            int floor,
            double budget,
            String header) {}

    private Scheduler() {}

    /** Paid minutes of {@code shifts} by the Monday of their week. */
    public static Map<LocalDate, Integer> weeklyPaid(List<Shift> shifts) {
        Map<LocalDate, Integer> out = new TreeMap<>();
        for (Shift s : shifts) {
            out.merge(
                    s.date().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                    s.pattern().paid(),
                    Integer::sum);
        }
        return out;
    }

    /**
     * Interval i's weights by family set (the largest of its queues'), each queue's own pool
     * weighted {@code base} more where the queue needs agents — except the pool reached by every
     * skill class (the whole centre, whose shortfall is already the interval's deficiency): the
     * base weight values the <em>narrow</em> pools; null when no set has a weight.
     */
    static double[] poolWeights(
            SkillSets sets, double[][] queueWeights, double base, double[][] demand, int i) {
        double[] out = null;
        int nq = demand[i].length;
        for (int q = 0; q < nq; q++) {
            int f = sets.poolOf(q);
            if (f < 0) {
                continue;
            }
            double w = queueWeights == null ? 0 : queueWeights[i][q];
            if (demand[i][q] > 0
                    && sets.family.get(f).classes().cardinality() < sets.classCount()) {
                w += base;
            }
            if (w > 0) {
                if (out == null) {
                    out = new double[sets.family.size()];
                }
                out[f] = Math.max(out[f], w);
            }
        }
        return out;
    }

    /**
     * Re-places the short breaks of the week's shifts ({@code shifts} from {@code first}), day by
     * day ({@link BreakPlacement}), against the week's slots.
     */
    private static void placeBreaks(
            BreakPlacement placement,
            List<Shift> shifts,
            int first,
            LocalDate weekStart,
            List<WeekModel.Slot> slots,
            double[] load,
            Map<String, Integer> agentIndex,
            SkillSets sets,
            Consumer<String> progress) {
        long t0 = System.nanoTime();
        int moved = 0;
        for (int d = 0; d < 7; d++) {
            LocalDate date = weekStart.plusDays(d);
            List<Integer> at = new ArrayList<>();
            List<BreakPlacement.Worked> worked = new ArrayList<>();
            for (int k = first; k < shifts.size(); k++) {
                Shift s = shifts.get(k);
                if (s.date().equals(date)) {
                    at.add(k);
                    worked.add(
                            new BreakPlacement.Worked(
                                    s.pattern(), sets.classOf[agentIndex.get(s.agentId())]));
                }
            }
            List<WeekModel.Slot> today = new ArrayList<>();
            List<Double> todayLoad = new ArrayList<>();
            for (int j = 0; j < slots.size(); j++) {
                if (slots.get(j).day() == d) {
                    today.add(slots.get(j));
                    todayLoad.add(load == null ? 0 : load[j]);
                }
            }
            if (worked.isEmpty() || today.isEmpty()) {
                continue;
            }
            List<ShiftPattern> placed =
                    placement.place(
                            worked,
                            today,
                            todayLoad.stream().mapToDouble(Double::doubleValue).toArray(),
                            2);
            for (int j = 0; j < at.size(); j++) {
                Shift s = shifts.get(at.get(j));
                if (placed.get(j) != s.pattern()) {
                    moved += samePlaces(placed.get(j), s.pattern()) ? 0 : 1;
                    shifts.set(at.get(j), new Shift(s.agentId(), s.date(), placed.get(j)));
                }
            }
        }
        progress.accept(
                String.format(
                        "  breaks re-placed in %d shifts, %.1f s",
                        moved, (System.nanoTime() - t0) / 1e9));
    }

    private static boolean samePlaces(ShiftPattern a, ShiftPattern b) {
        if (a.breaks().size() != b.breaks().size()) {
            return false;
        }
        for (int j = 0; j < a.breaks().size(); j++) {
            if (!java.util.Arrays.equals(a.breaks().get(j), b.breaks().get(j))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The plan's live workload per interval, erlangs (Σ over live rows of offered × aht / 900),
     * re-read from its file; null when the file cannot be read (a plan built in memory).
     */
    static double[] liveLoad(QueueDemand plan) {
        if (plan.source() == null || !java.nio.file.Files.isRegularFile(plan.source())) {
            return null;
        }
        Map<Instant, Integer> index = new HashMap<>();
        for (int i = 0; i < plan.intervals().size(); i++) {
            index.put(plan.intervals().get(i), i);
        }
        double[] out = new double[plan.intervals().size()];
        try {
            for (fr.joignable.domain.table.StaffingTable.Row r :
                    fr.joignable.domain.table.StaffingTable.read(plan.source())) {
                Integer i = index.get(r.intervalStart());
                if (i != null
                        && r.channel().isLive()
                        && Double.isFinite(r.offered())
                        && Double.isFinite(r.ahtSeconds())) {
                    out[i] += r.offered() * r.ahtSeconds() / 900;
                }
            }
        } catch (RuntimeException e) {
            return null;
        }
        return out;
    }

    /** Loads the OR-Tools native library (once; it is bundled in the ortools jar). */
    public static void loadSolver() {
        try {
            Loader.loadNativeLibraries();
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            throw new IllegalStateException(
                    "cannot load the OR-Tools native library: " + e.getMessage(), e);
        }
    }

    public static ScheduleResult schedule(
            Roster roster,
            QueueDemand plan,
            ShiftRules rules,
            Options options,
            Consumer<String> progress) {
        return schedule(roster, plan, rules, options, progress, null, null);
    }

    /**
     * As {@link #schedule(Roster, QueueDemand, ShiftRules, Options, Consumer)}, the model asking
     * for {@code plan.demand()[i][q] + extra[i][q]} agents (the improvement loop of {@code
     * --verify} raises the requirement where simulation shows a queue under target); the summary
     * still measures against the plan itself.
     *
     * @param extra agents added to the plan's demand, by plan interval and queue; null: none
     * @param weights by plan interval, a factor on the shortfall weight of its missing agents;
     *     null: 1 everywhere
     */
    public static ScheduleResult schedule(
            Roster roster,
            QueueDemand plan,
            ShiftRules rules,
            Options options,
            Consumer<String> progress,
            double[][] extra,
            double[] weights) {
        return schedule(roster, plan, rules, options, progress, extra, weights, null, null);
    }

    /**
     * As above, with {@code queueWeights[i][q]} ≥ 0 (null: none): in plan interval i, each
     * agent-minute missing in queue q's own pool ({@link SkillSets#poolOf}: the agents trained in q
     * against the requirement of the queues only they serve) costs that many times the shortfall
     * weight more, on top of the interval's Hall deficiency ({@link WeekModel.Slot#poolWeights});
     * and {@code weeklyPaidFloor} (null: none), by the Monday of each week, paid minutes the week's
     * shifts must reach at least (capped by the contracts): {@code --verify} keeps its first
     * solve's hours, so that a requirement lowered where a queue is over-served moves hours to the
     * slots under target instead of saving them.
     */
    public static ScheduleResult schedule(
            Roster roster,
            QueueDemand plan,
            ShiftRules rules,
            Options options,
            Consumer<String> progress,
            double[][] extra,
            double[] weights,
            double[][] queueWeights,
            Map<LocalDate, Integer> weeklyPaidFloor) {
        loadSolver();
        List<String> queues = plan.queues();
        if (queues.size() > 12) {
            throw new InputException(
                    plan.source()
                            + ": "
                            + queues.size()
                            + " queues, the schedule handles at most 12");
        }
        Map<String, Integer> queueIndex = new HashMap<>();
        for (int q = 0; q < queues.size(); q++) {
            queueIndex.put(queues.get(q), q);
        }
        List<Agent> agents = roster.agents();
        int[] masks = new int[agents.size()];
        for (int a = 0; a < agents.size(); a++) {
            for (String skill : agents.get(a).skills()) {
                Integer q = queueIndex.get(skill);
                if (q != null) {
                    masks[a] |= 1 << q;
                }
            }
        }
        SkillSets sets = new SkillSets(queues.size(), masks);
        List<ShiftPattern> patterns = PatternGenerator.patterns(rules);
        if (patterns.isEmpty()) {
            throw new InputException("the shift rules allow no shift inside the opening hours");
        }

        // the plan's intervals on local days
        List<Instant> intervals = plan.intervals();
        double[][] demand = plan.demand();
        double[][] modelDemand = demand;
        if (extra != null) {
            modelDemand = new double[demand.length][];
            for (int i = 0; i < demand.length; i++) {
                modelDemand[i] = demand[i].clone();
                for (int q = 0; q < modelDemand[i].length; q++) {
                    modelDemand[i][q] = Math.max(0, modelDemand[i][q] + extra[i][q]);
                }
            }
        }
        LocalDate firstDay = intervals.get(0).atZone(rules.zone()).toLocalDate();
        LocalDate lastDay = intervals.get(intervals.size() - 1).atZone(rules.zone()).toLocalDate();
        int[] dayOf = new int[intervals.size()];
        int[] minuteOf = new int[intervals.size()];
        for (int i = 0; i < intervals.size(); i++) {
            ZonedDateTime z = intervals.get(i).atZone(rules.zone());
            dayOf[i] = (int) ChronoUnit.DAYS.between(firstDay, z.toLocalDate());
            minuteOf[i] = z.getHour() * 60 + z.getMinute();
        }
        int nf = sets.family.size();
        int[][] required15 = new int[intervals.size()][nf];
        for (int i = 0; i < intervals.size(); i++) {
            for (int f = 0; f < nf; f++) {
                required15[i][f] =
                        (int)
                                Math.round(
                                        15
                                                * SkillSets.required(
                                                        modelDemand[i],
                                                        sets.family.get(f).queues()));
            }
        }

        // weeks from the Monday on or before the first day
        LocalDate monday = firstDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        int weeks = (int) (ChronoUnit.DAYS.between(monday, lastDay) / 7) + 1;
        int openPerFullWeek = rules.openDays().size();
        int[] eligible =
                java.util.stream.IntStream.range(0, agents.size())
                        .filter(a -> masks[a] != 0)
                        .toArray();
        Map<Integer, List<Integer>> slotsByDay = new TreeMap<>();
        for (int i = 0; i < intervals.size(); i++) {
            slotsByDay.computeIfAbsent(dayOf[i], k -> new ArrayList<>()).add(i);
        }
        WeekModel weekModel = new WeekModel(patterns, rules, sets);
        BreakPlacement breaks = new BreakPlacement(rules, sets);
        double[] load = liveLoad(plan);
        Map<String, Integer> agentIndex = new HashMap<>();
        for (int a = 0; a < agents.size(); a++) {
            agentIndex.put(agents.get(a).id(), a);
        }
        MipWeekModel mipModel = new MipWeekModel(patterns, rules, sets);
        List<Shift> shifts = new ArrayList<>();
        int[] lastEnd = new int[agents.size()]; // minutes relative to the next week's Monday 00:00
        java.util.Arrays.fill(lastEnd, Integer.MIN_VALUE / 2);
        double objective = 0;
        double bound = 0;
        List<String> statuses = new ArrayList<>();
        double seconds = 0;
        int dropped = 0;
        // each week's model depends on the plan and the roster only (the rest carried over from
        // the week before binds the rostering below, not the model), so the models are built
        // first and solved side by side; their results are then used in week order
        List<WeekJob> jobs = new ArrayList<>();
        for (int w = 0; w < weeks; w++) {
            LocalDate weekStart = monday.plusWeeks(w);
            boolean[] open = new boolean[7];
            int openDays = 0;
            for (int d = 0; d < 7; d++) {
                LocalDate date = weekStart.plusDays(d);
                open[d] =
                        !date.isBefore(firstDay)
                                && !date.isAfter(lastDay)
                                && rules.openDays().contains(date.getDayOfWeek())
                                && !(rules.closedOnPublicHolidays()
                                        && FrenchPublicHolidays.isHoliday(date));
                if (open[d]) {
                    openDays++;
                }
            }
            if (openDays == 0) {
                jobs.add(null);
                continue;
            }
            List<WeekModel.Slot> slots = new ArrayList<>();
            List<Integer> slotIntervals = new ArrayList<>();
            int offset = (int) ChronoUnit.DAYS.between(firstDay, weekStart);
            for (int d = 0; d < 7; d++) {
                for (int i : slotsByDay.getOrDefault(offset + d, List.of())) {
                    int max = 0;
                    for (int r : required15[i]) {
                        max = Math.max(max, r);
                    }
                    if (max > 0 && open[d]) {
                        slots.add(
                                new WeekModel.Slot(
                                        d,
                                        minuteOf[i],
                                        required15[i],
                                        weights == null ? 1 : weights[i],
                                        poolWeights(
                                                sets,
                                                queueWeights,
                                                rules.poolShortfallWeight(),
                                                modelDemand,
                                                i)));
                        slotIntervals.add(i);
                    }
                }
            }
            int maxDays = Math.min(7 - rules.daysOffPerWeek(), openDays);
            // groups of interchangeable agents: same skills, same contract
            Map<String, List<Integer>> byGroup = new java.util.LinkedHashMap<>();
            for (int a : eligible) {
                byGroup.computeIfAbsent(
                                sets.classOf[a] + "|" + agents.get(a).fte(), k -> new ArrayList<>())
                        .add(a);
            }
            List<WeekModel.Group> groups = new ArrayList<>();
            List<List<Integer>> members = new ArrayList<>();
            for (List<Integer> m : byGroup.values()) {
                Agent a = agents.get(m.get(0));
                int cap =
                        (int)
                                Math.floor(
                                        a.fte()
                                                        * rules.weeklyMinutes()
                                                        * openDays
                                                        / (double) openPerFullWeek
                                                + 1e-9);
                int min = (int) Math.ceil(rules.minContractShare() * cap - 1e-9);
                groups.add(new WeekModel.Group(sets.classOf[m.get(0)], m.size(), cap, min));
                members.add(m);
            }
            long capacity = 0;
            for (WeekModel.Group group : groups) {
                capacity += (long) group.size() * group.capMinutes();
            }
            // the week pays at least min_paid_share_of_plan of the plan's agent-hours of its open
            // days (the plan itself, not the loop's raised requirement), and the loop's floor
            double planMinutes = 0;
            for (int d = 0; d < 7; d++) {
                if (open[d]) {
                    for (int i : slotsByDay.getOrDefault(offset + d, List.of())) {
                        for (double v : demand[i]) {
                            planMinutes += 15 * v;
                        }
                    }
                }
            }
            long wanted =
                    Math.max(
                            (long) Math.floor(rules.minPaidShareOfPlan() * planMinutes),
                            weeklyPaidFloor == null
                                    ? 0
                                    : weeklyPaidFloor.getOrDefault(weekStart, 0));
            int floor = (int) Math.min(capacity, wanted);
            // an equal share per week, not what the clock left: a budget that depends on how
            // long earlier weeks took would make the schedule depend on the machine's load
            double budget = Math.max(1, options.timeLimitSeconds() / weeks);
            jobs.add(
                    new WeekJob(
                            weekStart,
                            open,
                            openDays,
                            slots,
                            slotIntervals,
                            maxDays,
                            groups,
                            members,
                            floor,
                            budget,
                            String.format(
                                    "week of %s: %d agents in %d groups × %d open days × %d patterns, %d intervals to cover, %.0f s allowed",
                                    weekStart,
                                    eligible.length,
                                    groups.size(),
                                    openDays,
                                    patterns.size(),
                                    slots.size(),
                                    budget)));
        }
        WeekSolves solves =
                new WeekSolves(
                        SolverLimits.weekThreads(options.mip() ? 1 : options.workers()),
                        jobs,
                        (job, log) ->
                                options.mip()
                                        ? mipModel.solve(
                                                7,
                                                job.open(),
                                                job.groups(),
                                                job.maxDays(),
                                                job.slots(),
                                                job.floor(),
                                                job.budget() * 0.85,
                                                log)
                                        : weekModel.solve(
                                                7,
                                                job.open(),
                                                job.groups(),
                                                job.maxDays(),
                                                job.slots(),
                                                job.floor(),
                                                job.budget() * 0.85,
                                                options.workers(),
                                                log));
        try {
            for (int w = 0; w < weeks; w++) {
                WeekJob job = jobs.get(w);
                if (job == null) {
                    java.util.Arrays.fill(lastEnd, Integer.MIN_VALUE / 2);
                    continue;
                }
                LocalDate weekStart = job.weekStart();
                List<WeekModel.Slot> slots = job.slots();
                List<Integer> slotIntervals = job.slotIntervals();
                int maxDays = job.maxDays();
                List<WeekModel.Group> groups = job.groups();
                List<List<Integer>> members = job.members();
                progress.accept(job.header());
                WeekModel.Solution s = solves.result(w, progress);
                if (s.counts() == null) {
                    throw new InputException(
                            "no schedule satisfies the rules in the week of "
                                    + weekStart
                                    + " (solver: "
                                    + s.status()
                                    + "); check min_contract_share and the shift lengths against the"
                                    + " contracts, or allow more time");
                }
                progress.accept(
                        String.format(
                                "  %s in %.1f s: cost %.1f h, bound %.1f h",
                                s.status(), s.seconds(), s.objective() / 60, s.bound() / 60));
                objective += s.objective();
                bound += s.bound();
                seconds += s.seconds();
                statuses.add(s.status());
                int weekFirstShift = shifts.size();
                int[] nextLastEnd = new int[agents.size()];
                java.util.Arrays.fill(nextLastEnd, Integer.MIN_VALUE / 2);
                for (int g = 0; g < groups.size(); g++) {
                    List<Integer> m = members.get(g);
                    int[] earliest = new int[m.size()];
                    for (int k = 0; k < m.size(); k++) {
                        earliest[k] = lastEnd[m.get(k)] + rules.rest();
                    }
                    WeekModel.Group group = groups.get(g);
                    int[][] given =
                            Rostering.assign(
                                    patterns,
                                    s.counts()[g],
                                    m.size(),
                                    group.capMinutes(),
                                    group.minMinutes(),
                                    maxDays,
                                    rules.rest(),
                                    earliest,
                                    5);
                    if (given == null) {
                        throw new InputException(
                                "no assignment of the week of "
                                        + weekStart
                                        + "'s shifts to agents satisfies the rules");
                    }
                    int planned = 0;
                    int placed = 0;
                    for (int[] perPattern : s.counts()[g]) {
                        for (int c : perPattern) {
                            planned += c;
                        }
                    }
                    for (int k = 0; k < m.size(); k++) {
                        for (int d = 0; d < 7; d++) {
                            int p = given[k][d];
                            if (p >= 0) {
                                placed++;
                                ShiftPattern pattern = patterns.get(p);
                                shifts.add(
                                        new Shift(
                                                agents.get(m.get(k)).id(),
                                                weekStart.plusDays(d),
                                                pattern));
                                nextLastEnd[m.get(k)] = pattern.end() + (d - 7) * 1440;
                            }
                        }
                    }
                    dropped += planned - placed;
                }
                lastEnd = nextLastEnd;
                double[] slotLoad = null;
                if (load != null) {
                    slotLoad = new double[slots.size()];
                    for (int j = 0; j < slots.size(); j++) {
                        slotLoad[j] = load[slotIntervals.get(j)];
                    }
                }
                placeBreaks(
                        breaks,
                        shifts,
                        weekFirstShift,
                        weekStart,
                        slots,
                        slotLoad,
                        agentIndex,
                        sets,
                        progress);
            }
        } finally {
            solves.close();
        }
        // roster order, then date
        Map<String, Integer> order = new HashMap<>();
        for (int a = 0; a < agents.size(); a++) {
            order.put(agents.get(a).id(), a);
        }
        shifts.sort(
                (x, y) -> {
                    int c = Integer.compare(order.get(x.agentId()), order.get(y.agentId()));
                    return c != 0 ? c : x.date().compareTo(y.date());
                });
        List<String> idle = new ArrayList<>();
        for (int a = 0; a < agents.size(); a++) {
            if (masks[a] == 0) {
                idle.add(agents.get(a).id());
            }
        }
        return ScheduleResult.evaluate(
                queues, intervals, demand, rules, sets, masks, roster, shifts, patterns, objective,
                bound, statuses, seconds, idle, dropped);
    }
}
