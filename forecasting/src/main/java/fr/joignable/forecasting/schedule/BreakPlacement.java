package fr.joignable.forecasting.schedule;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.List;

/**
 * Places the short breaks of one day's shifts, once the weekly model has chosen the shifts and the
 * rostering has given them to agents. The patterns put each short break at the middle of its
 * stretch of work, so agents who start together pause together (measured on the demo: 12 of 24
 * agents present at 10:00 on Mondays, in the morning peak). Here each short break (shorter than the
 * legal break; the lunch and the legal break stay) may start anywhere on the 5-minute grid of its
 * stretch that leaves at least {@code breakMinWorkAround} of work on both sides and less than
 * {@code breakFromStretch} on either (so neither side would itself call for a break): a stretch of
 * 3 h 30 from 08:30 gives a break starting between 09:20 and 10:55.
 *
 * <p><b>Model</b> (a small MIP, SCIP; one per day): {@code x[b][k]} = break b starts at its k-th
 * position, {@code Σ_k x[b][k] = 1}; an agent's presence in an interval is his shift's minutes
 * there minus his breaks'; per interval i, {@code u_i ≥ 15·required_i(S) − reach_i(S)} for every
 * set S of the {@link SkillSets#family} (the Hall deficiency, as in the weekly model) and, for a
 * set S with a pool weight, {@code v_{i,S} ≥ 15·required_i(S) − reach_i(S)}. Objective: {@code Σ_i
 * weight_i·u_i + Σ poolWeight·v + ε·(distance of each break from its middle)} — the last term only
 * keeps the middle where nothing is gained. The current placement is feasible and given as a hint,
 * and the result is used only when it costs no more: the placement never makes coverage worse in
 * the model's own terms.
 */
final class BreakPlacement {

    /** Cost of one minute of distance from the middle, against one agent-minute missing. */
    static final double EPSILON = 1e-4;

    /**
     * Cost of one minute of break in the interval of the day's highest live workload (the plan's
     * live {@code offered × aht}), proportionally less elsewhere: where the plan is as short
     * everywhere (a pooled plan levels a morning), the breaks go where fewer calls arrive. Small
     * against the shortfall weight (3 per agent-minute by default): only a tie-break.
     */
    static final double LOAD_WEIGHT = 0.05;

    private final ShiftRules rules;
    private final SkillSets sets;

    BreakPlacement(ShiftRules rules, SkillSets sets) {
        this.rules = rules;
        this.sets = sets;
    }

    /** One shift of the day: its pattern and the skill class of its agent. */
    record Worked(ShiftPattern pattern, int skillClass) {}

    /** A movable break: index in its pattern's breaks and its candidate starts. */
    record Movable(int shift, int index, int[] starts, int current) {}

    /**
     * The day's patterns with their short breaks placed; {@code slots} are the day's intervals to
     * cover (their {@code day} is ignored). Returns the input patterns when nothing moves or the
     * solver fails.
     */
    List<ShiftPattern> place(List<Worked> shifts, List<WeekModel.Slot> slots, double seconds) {
        return place(shifts, slots, null, seconds);
    }

    /**
     * As above, {@code load[j]} (null: none) the live workload of {@code slots.get(j)}, in any
     * unit: the tie-break of {@link #LOAD_WEIGHT}.
     */
    List<ShiftPattern> place(
            List<Worked> shifts, List<WeekModel.Slot> slots, double[] load, double seconds) {
        double peak = 0;
        if (load != null) {
            for (double l : load) {
                peak = Math.max(peak, l);
            }
        }
        List<Movable> movable = new ArrayList<>();
        for (int s = 0; s < shifts.size(); s++) {
            movable.addAll(movables(s, shifts.get(s).pattern()));
        }
        List<ShiftPattern> out = new ArrayList<>();
        shifts.forEach(w -> out.add(w.pattern()));
        if (movable.isEmpty() || slots.isEmpty()) {
            return out;
        }
        MPSolver solver = MPSolver.createSolver("SCIP");
        if (solver == null) {
            return out;
        }
        try {
            double inf = MPSolver.infinity();
            MPObjective objective = solver.objective();
            MPVariable[][] x = new MPVariable[movable.size()][];
            List<MPVariable> hintVars = new ArrayList<>();
            List<Double> hintValues = new ArrayList<>();
            for (int b = 0; b < movable.size(); b++) {
                Movable m = movable.get(b);
                MPConstraint one = solver.makeConstraint(1, 1);
                x[b] = new MPVariable[m.starts().length];
                int mid = m.starts()[m.current()];
                for (int k = 0; k < m.starts().length; k++) {
                    x[b][k] = solver.makeBoolVar("");
                    one.setCoefficient(x[b][k], 1);
                    objective.setCoefficient(x[b][k], EPSILON * Math.abs(m.starts()[k] - mid));
                    hintVars.add(x[b][k]);
                    hintValues.add(k == m.current() ? 1.0 : 0.0);
                }
            }
            int nc = sets.classCount();
            for (int j = 0; j < slots.size(); j++) {
                WeekModel.Slot slot = slots.get(j);
                double loadCost = peak > 0 ? LOAD_WEIGHT * load[j] / peak : 0;
                if (loadCost > 0) {
                    for (int b = 0; b < movable.size(); b++) {
                        Movable m = movable.get(b);
                        int len = breakLength(shifts.get(m.shift()).pattern(), m.index());
                        for (int k = 0; k < m.starts().length; k++) {
                            int lost = overlap(m.starts()[k], len, slot.minute());
                            if (lost > 0) {
                                objective.setCoefficient(
                                        x[b][k],
                                        objective.getCoefficient(x[b][k]) + loadCost * lost);
                            }
                        }
                    }
                }
                // fixed presence by class (minutes, with the movable breaks taken out) and the
                // minutes each break position removes
                double[] fixed = new double[nc];
                for (int s = 0; s < shifts.size(); s++) {
                    Worked w = shifts.get(s);
                    fixed[w.skillClass()] += workedWithout(w.pattern(), movable, s, slot.minute());
                }
                int max = 0;
                for (int r : slot.required15()) {
                    max = Math.max(max, r);
                }
                MPVariable u = solver.makeNumVar(0, inf, "");
                objective.setCoefficient(u, rules.shortfallWeight() * slot.weight());
                for (int f = 0; f < sets.family.size(); f++) {
                    int req = slot.required15()[f];
                    if (req <= 0) {
                        continue;
                    }
                    SkillSets.PoolSet set = sets.family.get(f);
                    double reach = SkillSets.reach(fixed, set);
                    MPConstraint cover = solver.makeConstraint(req - reach, inf);
                    cover.setCoefficient(u, 1);
                    MPConstraint own = null;
                    if (slot.poolWeight(f) > 0) {
                        MPVariable v = solver.makeNumVar(0, inf, "");
                        objective.setCoefficient(v, rules.shortfallWeight() * slot.poolWeight(f));
                        own = solver.makeConstraint(req - reach, inf);
                        own.setCoefficient(v, 1);
                    }
                    for (int b = 0; b < movable.size(); b++) {
                        Movable m = movable.get(b);
                        if (!set.classes().get(shifts.get(m.shift()).skillClass())) {
                            continue;
                        }
                        int len = breakLength(shifts.get(m.shift()).pattern(), m.index());
                        for (int k = 0; k < m.starts().length; k++) {
                            int lost = overlap(m.starts()[k], len, slot.minute());
                            if (lost > 0) {
                                cover.setCoefficient(x[b][k], -lost);
                                if (own != null) {
                                    own.setCoefficient(x[b][k], -lost);
                                }
                            }
                        }
                    }
                }
                if (max == 0) {
                    u.setUb(0);
                }
            }
            objective.setMinimization();
            solver.setHint(
                    hintVars.toArray(new MPVariable[0]),
                    hintValues.stream().mapToDouble(Double::doubleValue).toArray());
            // a node count, not the clock, decides where it stops (SolverLimits)
            solver.setTimeLimit((long) (SolverLimits.safetyCapSeconds(seconds) * 1000));
            solver.setSolverSpecificParametersAsString(
                    SolverLimits.scip(SolverLimits.BREAK_NODES, true));
            MPSolver.ResultStatus status = solver.solve();
            if (Boolean.getBoolean("joignable.schedule.log")) {
                System.err.printf("  breaks: %s, %d nodes%n", status, solver.nodes());
            }
            if (status != MPSolver.ResultStatus.OPTIMAL
                    && status != MPSolver.ResultStatus.FEASIBLE) {
                return out;
            }
            int[][] chosen = new int[shifts.size()][];
            for (int b = 0; b < movable.size(); b++) {
                Movable m = movable.get(b);
                int k = 0;
                for (int j = 0; j < x[b].length; j++) {
                    if (x[b][j].solutionValue() > 0.5) {
                        k = j;
                    }
                }
                if (chosen[m.shift()] == null) {
                    chosen[m.shift()] = new int[shifts.get(m.shift()).pattern().breaks().size()];
                    java.util.Arrays.fill(chosen[m.shift()], -1);
                }
                chosen[m.shift()][m.index()] = m.starts()[k];
            }
            for (int s = 0; s < shifts.size(); s++) {
                if (chosen[s] != null) {
                    out.set(s, moved(shifts.get(s).pattern(), chosen[s]));
                }
            }
            return out;
        } finally {
            solver.delete();
        }
    }

    /** The movable short breaks of {@code p}, with their candidate starts (the current one too). */
    List<Movable> movables(int shift, ShiftPattern p) {
        List<Movable> out = new ArrayList<>();
        int legal = Math.max(20, rules.legalBreakLength());
        List<int[]> b = p.breaks();
        for (int j = 0; j < b.size(); j++) {
            int len = b.get(j)[1] - b.get(j)[0];
            if (len >= legal) {
                continue; // lunch or legal break: stays
            }
            int from = j == 0 ? p.start() : b.get(j - 1)[1];
            int to = j == b.size() - 1 ? p.end() : b.get(j + 1)[0];
            int stretch = to - from - len;
            int lo = Math.max(rules.breakMinWorkAround(), stretch - (rules.breakFromStretch() - 5));
            int hi = Math.min(stretch - rules.breakMinWorkAround(), rules.breakFromStretch() - 5);
            List<Integer> starts = new ArrayList<>();
            int current = -1;
            for (int off = PatternGenerator.ceilTo(lo, 5); off <= hi; off += 5) {
                if (from + off == b.get(j)[0]) {
                    current = starts.size();
                }
                starts.add(from + off);
            }
            if (current < 0) {
                // the middle falls outside the range (a very long stretch): leave it there
                continue;
            }
            if (starts.size() > 1) {
                out.add(
                        new Movable(
                                shift,
                                j,
                                starts.stream().mapToInt(Integer::intValue).toArray(),
                                current));
            }
        }
        return out;
    }

    private static int breakLength(ShiftPattern p, int j) {
        return p.breaks().get(j)[1] - p.breaks().get(j)[0];
    }

    /** Minutes of {@code [start, start+len)} inside the interval starting at {@code minute}. */
    static int overlap(int start, int len, int minute) {
        return Math.max(0, Math.min(start + len, minute + 15) - Math.max(start, minute));
    }

    /** Minutes worked by shift {@code s} in the interval, its movable breaks counted as work. */
    private static int workedWithout(ShiftPattern p, List<Movable> movable, int s, int minute) {
        int worked = p.workedIn(minute, 15);
        for (Movable m : movable) {
            if (m.shift() == s) {
                int[] b = p.breaks().get(m.index());
                worked += overlap(b[0], b[1] - b[0], minute);
            }
        }
        return worked;
    }

    /** {@code p} with break j starting at {@code starts[j]} (−1: unchanged). */
    static ShiftPattern moved(ShiftPattern p, int[] starts) {
        List<int[]> breaks = new ArrayList<>();
        for (int j = 0; j < p.breaks().size(); j++) {
            int[] b = p.breaks().get(j);
            breaks.add(
                    starts[j] < 0 ? b.clone() : new int[] {starts[j], starts[j] + (b[1] - b[0])});
        }
        breaks.sort((a, c) -> Integer.compare(a[0], c[0]));
        return new ShiftPattern(p.start(), p.end(), breaks, p.paid(), p.lunch());
    }
}
