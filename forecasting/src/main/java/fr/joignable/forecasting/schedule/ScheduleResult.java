package fr.joignable.forecasting.schedule;

import fr.joignable.forecasting.training.Agent;
import fr.joignable.forecasting.training.Roster;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A schedule and what it achieves against the plan: paid hours, agents missing per interval (the
 * Hall deficiency over the {@link SkillSets#family}, recomputed from the shifts, not taken from the
 * solver), the solver's gap, the coverage rows and the marginal value of one more agent.
 *
 * @param requiredAgentHours Σ over intervals of the plan's agents (all queues) × 0.25 h
 * @param shortAgentHours Σ over intervals of agents missing × 0.25 h
 * @param unavoidableAgentHours the part of it in intervals no shift may cover (closed hours)
 * @param intervalsShort intervals with more than 0.05 agent missing
 * @param objective the solver's cost, paid minutes + weight × missing agent-minutes
 * @param bound the solver's proved lower bound on that cost
 * @param droppedShifts shifts of the weekly model that no agent could take (0 normally)
 */
public record ScheduleResult(
        List<Shift> shifts,
        List<CoverageRow> coverage,
        List<Marginal> marginals,
        List<String> idleAgents,
        int agents,
        double paidHours,
        double requiredAgentHours,
        double shortAgentHours,
        double unavoidableAgentHours,
        int intervalsShort,
        int intervalsWithDemand,
        Instant worstInterval,
        double worstShort,
        double objective,
        double bound,
        List<String> statuses,
        double solverSeconds,
        int droppedShifts) {

    /** Present vs required of one queue set in one interval (agents). */
    public record CoverageRow(
            Instant intervalStart, String pool, double required, double present) {}

    /**
     * One more agent of skill class {@code skills} working {@code pattern} on every {@code day} of
     * the horizon: the agent-hours under the plan it removes, and the coverage of {@code pool}
     * (present ∧ required over required, on those days' intervals) before and after.
     */
    public record Marginal(
            DayOfWeek day,
            String pattern,
            String skills,
            double agentHoursGained,
            String pool,
            double coverageBefore,
            double coverageAfter) {}

    /** Relative gap between the cost found and the proved bound. */
    public double gap() {
        return objective <= 0 ? 0 : Math.max(0, (objective - bound) / objective);
    }

    static ScheduleResult evaluate(
            List<String> queues,
            List<Instant> intervals,
            double[][] demand,
            ShiftRules rules,
            SkillSets sets,
            int[] masks,
            Roster roster,
            List<Shift> shifts,
            List<ShiftPattern> patterns,
            double objective,
            double bound,
            List<String> statuses,
            double seconds,
            List<String> idle,
            int dropped) {
        int ni = intervals.size();
        int nc = sets.classCount();
        Map<String, Integer> agentIndex = new HashMap<>();
        List<Agent> agents = roster.agents();
        for (int a = 0; a < agents.size(); a++) {
            agentIndex.put(agents.get(a).id(), a);
        }
        double[][] present = new double[ni][nc];
        Map<String, double[]> presence = Presence.of(shifts, intervals, rules.zone());
        presence.forEach(
                (id, share) -> {
                    int c = sets.classOf[agentIndex.get(id)];
                    for (int i = 0; i < ni; i++) {
                        present[i][c] += share[i];
                    }
                });
        double paid = 0;
        for (Shift s : shifts) {
            paid += s.pattern().paid() / 60.0;
        }
        // which intervals a shift could cover at all
        boolean[] coverable = new boolean[ni];
        int earliest = Integer.MAX_VALUE;
        int latest = 0;
        for (ShiftPattern p : patterns) {
            earliest = Math.min(earliest, p.start());
            latest = Math.max(latest, p.end());
        }
        DayOfWeek[] dow = new DayOfWeek[ni];
        LocalDate[] date = new LocalDate[ni];
        int[] minute = new int[ni];
        for (int i = 0; i < ni; i++) {
            ZonedDateTime z = intervals.get(i).atZone(rules.zone());
            dow[i] = z.getDayOfWeek();
            date[i] = z.toLocalDate();
            minute[i] = z.getHour() * 60 + z.getMinute();
            boolean openDay =
                    rules.openDays().contains(dow[i])
                            && !(rules.closedOnPublicHolidays()
                                    && fr.joignable.domain.time.FrenchPublicHolidays.isHoliday(
                                            date[i]));
            coverable[i] = openDay && minute[i] + 15 > earliest && minute[i] < latest;
        }
        double required = 0;
        double shortTotal = 0;
        double unavoidable = 0;
        int intervalsShort = 0;
        int withDemand = 0;
        Instant worstAt = null;
        double worst = 0;
        double[] shortAt = new double[ni];
        int full = (1 << queues.size()) - 1;
        List<CoverageRow> rows = new ArrayList<>();
        List<Integer> reported = new ArrayList<>();
        for (SkillSets.PoolSet p : sets.family) {
            reported.add(sets.family.indexOf(p));
        }
        for (int i = 0; i < ni; i++) {
            double total = SkillSets.required(demand[i], full);
            required += total;
            if (total > 0) {
                withDemand++;
            }
            double s = sets.shortfall(demand[i], present[i]);
            shortAt[i] = s;
            shortTotal += s;
            if (!coverable[i]) {
                unavoidable += s;
            }
            if (s > 0.05) {
                intervalsShort++;
            }
            if (s > worst + 1e-9) {
                worst = s;
                worstAt = intervals.get(i);
            }
            for (int f : reported) {
                SkillSets.PoolSet p = sets.family.get(f);
                rows.add(
                        new CoverageRow(
                                intervals.get(i),
                                sets.name(p.queues(), queues),
                                SkillSets.required(demand[i], p.queues()),
                                SkillSets.reach(present[i], p)));
            }
        }
        List<Marginal> marginals =
                marginals(queues, demand, sets, patterns, present, shortAt, dow, minute, coverable);
        return new ScheduleResult(
                shifts,
                rows,
                marginals,
                idle,
                agents.size(),
                paid,
                required * 0.25,
                shortTotal * 0.25,
                unavoidable * 0.25,
                intervalsShort,
                withDemand,
                worstAt,
                worst,
                objective,
                bound,
                statuses,
                seconds,
                dropped);
    }

    /**
     * For each weekday, shift shape (start–end, the best of its lunch placements) and skill class
     * of the roster: the agent-hours under the plan that one more such agent removes over the
     * horizon, exactly (the Hall deficiency recomputed with him). The best candidates, one per
     * weekday and shape, best first.
     */
    private static List<Marginal> marginals(
            List<String> queues,
            double[][] demand,
            SkillSets sets,
            List<ShiftPattern> patterns,
            double[][] present,
            double[] shortAt,
            DayOfWeek[] dow,
            int[] minute,
            boolean[] coverable) {
        int ni = demand.length;
        List<Integer> shortIntervals = new ArrayList<>();
        for (int i = 0; i < ni; i++) {
            if (shortAt[i] > 1e-9 && coverable[i]) {
                shortIntervals.add(i);
            }
        }
        Map<String, Marginal> best = new HashMap<>();
        for (int c = 0; c < sets.classCount(); c++) {
            if (sets.classMask[c] == 0) {
                continue;
            }
            for (ShiftPattern p : patterns) {
                double[] gained = new double[7];
                for (int i : shortIntervals) {
                    double add = p.workedIn(minute[i], 15) / 15.0;
                    if (add <= 0) {
                        continue;
                    }
                    present[i][c] += add;
                    double after = sets.shortfall(demand[i], present[i]);
                    present[i][c] -= add;
                    gained[dow[i].getValue() - 1] += shortAt[i] - after;
                }
                for (int d = 0; d < 7; d++) {
                    if (gained[d] <= 1e-9) {
                        continue;
                    }
                    String key = d + "|" + p.label();
                    Marginal m = best.get(key);
                    double hours = gained[d] * 0.25;
                    if (m == null || hours > m.agentHoursGained() + 1e-9) {
                        best.put(
                                key,
                                new Marginal(
                                        DayOfWeek.of(d + 1),
                                        p.label(),
                                        sets.name(sets.classMask[c], queues).replace('+', ';'),
                                        hours,
                                        null,
                                        0,
                                        0));
                    }
                }
            }
        }
        List<Marginal> list = new ArrayList<>(best.values());
        list.sort((x, y) -> Double.compare(y.agentHoursGained(), x.agentHoursGained()));
        List<Marginal> top = new ArrayList<>();
        for (Marginal m : list.subList(0, Math.min(8, list.size()))) {
            top.add(withPool(m, queues, demand, sets, patterns, present, dow, minute));
        }
        return top;
    }

    /** Adds the coverage, before and after, of the single queue of the class that gains most. */
    private static Marginal withPool(
            Marginal m,
            List<String> queues,
            double[][] demand,
            SkillSets sets,
            List<ShiftPattern> patterns,
            double[][] present,
            DayOfWeek[] dow,
            int[] minute) {
        int c = -1;
        for (int k = 0; k < sets.classCount(); k++) {
            if (sets.name(sets.classMask[k], queues).replace('+', ';').equals(m.skills())) {
                c = k;
            }
        }
        ShiftPattern shape = null;
        for (ShiftPattern p : patterns) {
            if (p.label().equals(m.pattern())) {
                shape = p;
                break;
            }
        }
        // coverage of a queue q = Σ min(1, served share) weighted by demand, with the fair share
        // approximated by the pool of the agents trained in q: present(q)/required(q) capped at 1
        String bestPool = null;
        double bestBefore = 0;
        double bestAfter = 0;
        double bestLift = -1;
        for (int q = 0; q < queues.size(); q++) {
            if ((sets.classMask[c] & (1 << q)) == 0) {
                continue;
            }
            SkillSets.PoolSet set = null;
            for (SkillSets.PoolSet p : sets.family) {
                if ((p.queues() & (1 << q)) != 0
                        && (set == null
                                || Integer.bitCount(p.queues()) < Integer.bitCount(set.queues()))) {
                    set = p;
                }
            }
            double req = 0;
            double before = 0;
            double after = 0;
            for (int i = 0; i < demand.length; i++) {
                if (dow[i] != m.day()) {
                    continue;
                }
                double r = SkillSets.required(demand[i], set.queues());
                if (r <= 0) {
                    continue;
                }
                double have = SkillSets.reach(present[i], set);
                double add = set.classes().get(c) ? shape.workedIn(minute[i], 15) / 15.0 : 0;
                req += r;
                before += Math.min(r, have);
                after += Math.min(r, have + add);
            }
            if (req > 0 && (after - before) / req > bestLift) {
                bestLift = (after - before) / req;
                bestPool = sets.name(set.queues(), queues);
                bestBefore = before / req;
                bestAfter = after / req;
            }
        }
        return new Marginal(
                m.day(),
                m.pattern(),
                m.skills(),
                m.agentHoursGained(),
                bestPool,
                bestBefore,
                bestAfter);
    }
}
