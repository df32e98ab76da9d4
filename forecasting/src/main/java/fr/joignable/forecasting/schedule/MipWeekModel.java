package fr.joignable.forecasting.schedule;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The weekly model of {@link WeekModel} as a mixed-integer program, solved in three steps with
 * OR-Tools: (1) its LP relaxation by GLOP, whose optimum is a lower bound of the week's cost; (2)
 * the LP counts rounded down (still feasible: every constraint but coverage has non-negative
 * coefficients and a zero lower bound, and coverage is soft), then greedily completed by the shift
 * that lowers the cost most while one does; (3) SCIP from that solution as a hint, within the time
 * given (a node count, {@link SolverLimits}). The best of (2) and (3) is kept, with the better of
 * the two bounds — so there is always a schedule, and its gap is known.
 */
final class MipWeekModel {

    /** Least time given to the week's LP relaxation, seconds. */
    static final double LP_SECONDS = 30;

    private final List<ShiftPattern> patterns;
    private final ShiftRules rules;
    private final SkillSets sets;

    MipWeekModel(List<ShiftPattern> patterns, ShiftRules rules, SkillSets sets) {
        this.patterns = patterns;
        this.rules = rules;
        this.sets = sets;
    }

    private record Built(MPSolver solver, MPVariable[][][] n, MPObjective objective) {}

    private Built build(
            String engine,
            boolean integer,
            int days,
            boolean[] open,
            List<WeekModel.Group> groups,
            int maxDays,
            List<WeekModel.Slot> slots,
            int paidFloor) {
        MPSolver solver = MPSolver.createSolver(engine);
        if (solver == null) {
            throw new IllegalStateException(
                    "the " + engine + " solver of OR-Tools is not available");
        }
        double inf = MPSolver.infinity();
        int ng = groups.size();
        int np = patterns.size();
        MPVariable[][][] n = new MPVariable[ng][days][];
        MPObjective objective = solver.objective();
        // the week's paid minutes at least the floor (0: no constraint)
        MPConstraint floor = paidFloor > 0 ? solver.makeConstraint(paidFloor, inf) : null;
        for (int g = 0; g < ng; g++) {
            WeekModel.Group group = groups.get(g);
            MPConstraint hours =
                    solver.makeConstraint(
                            (double) group.size() * group.minMinutes(),
                            (double) group.size() * group.capMinutes());
            MPConstraint shiftCount = solver.makeConstraint(0, (double) group.size() * maxDays);
            for (int d = 0; d < days; d++) {
                if (!open[d]) {
                    continue;
                }
                n[g][d] = new MPVariable[np];
                MPConstraint today = solver.makeConstraint(0, group.size());
                for (int p = 0; p < np; p++) {
                    // no agent of the group can work a shift longer than his week's cap (a
                    // partial week's prorated cap can be below the longest shift)
                    int ub = patterns.get(p).paid() <= group.capMinutes() ? group.size() : 0;
                    MPVariable v =
                            integer ? solver.makeIntVar(0, ub, "") : solver.makeNumVar(0, ub, "");
                    n[g][d][p] = v;
                    today.setCoefficient(v, 1);
                    shiftCount.setCoefficient(v, 1);
                    hours.setCoefficient(v, patterns.get(p).paid());
                    objective.setCoefficient(v, patterns.get(p).paid());
                    if (floor != null) {
                        floor.setCoefficient(v, patterns.get(p).paid());
                    }
                }
            }
        }
        int nc = sets.classCount();
        for (WeekModel.Slot slot : slots) {
            int max = 0;
            for (int r : slot.required15()) {
                max = Math.max(max, r);
            }
            MPVariable u = solver.makeNumVar(0, max, "");
            objective.setCoefficient(u, rules.shortfallWeight() * slot.weight());
            MPVariable[] y = new MPVariable[nc];
            if (open[slot.day()]) {
                MPConstraint[] def = new MPConstraint[nc];
                for (int g = 0; g < ng; g++) {
                    int c = groups.get(g).skillClass();
                    if (y[c] == null) {
                        y[c] = solver.makeNumVar(0, inf, "");
                        def[c] = solver.makeConstraint(0, 0);
                        def[c].setCoefficient(y[c], -1);
                    }
                    for (int p = 0; p < np; p++) {
                        int w = patterns.get(p).workedIn(slot.minute(), 15);
                        if (w > 0) {
                            def[c].setCoefficient(n[g][slot.day()][p], w);
                        }
                    }
                }
            }
            for (int f = 0; f < sets.family.size(); f++) {
                int req = slot.required15()[f];
                if (req <= 0) {
                    continue;
                }
                SkillSets.PoolSet set = sets.family.get(f);
                MPConstraint cover = solver.makeConstraint(req, inf);
                cover.setCoefficient(u, 1);
                for (int c = set.classes().nextSetBit(0);
                        c >= 0;
                        c = set.classes().nextSetBit(c + 1)) {
                    if (y[c] != null) {
                        cover.setCoefficient(y[c], 1);
                    }
                }
                if (slot.poolWeight(f) > 0) {
                    // the pool's own shortfall, paid on top of the interval's deficiency u
                    MPVariable v = solver.makeNumVar(0, req, "");
                    objective.setCoefficient(v, rules.shortfallWeight() * slot.poolWeight(f));
                    MPConstraint own = solver.makeConstraint(req, inf);
                    own.setCoefficient(v, 1);
                    for (int c = set.classes().nextSetBit(0);
                            c >= 0;
                            c = set.classes().nextSetBit(c + 1)) {
                        if (y[c] != null) {
                            own.setCoefficient(y[c], 1);
                        }
                    }
                }
            }
        }
        objective.setMinimization();
        return new Built(solver, n, objective);
    }

    WeekModel.Solution solve(
            int days,
            boolean[] open,
            List<WeekModel.Group> groups,
            int maxDays,
            List<WeekModel.Slot> slots,
            int paidFloor,
            double seconds,
            Consumer<String> progress) {
        long t0 = System.nanoTime();
        int ng = groups.size();
        int np = patterns.size();
        // (1) LP relaxation
        Built lp = build("GLOP", false, days, open, groups, maxDays, slots, paidFloor);
        // The LP is the bound and the start of everything after it: on a loaded machine it once
        // ran out of a 7.8 s share (bound 0, rounding from nothing, a 27 % gap reported), so it
        // gets at least LP_SECONDS even when that overruns the week's share.
        // GLOP is deterministic: this limit is only a safety net (it never bound on the demo)
        lp.solver()
                .setTimeLimit(
                        (long)
                                (Math.max(LP_SECONDS, SolverLimits.safetyCapSeconds(seconds))
                                        * 1000));
        MPSolver.ResultStatus lpStatus = lp.solver().solve();
        double lpBound = 0;
        int[][][] counts = new int[ng][days][np];
        if (lpStatus == MPSolver.ResultStatus.OPTIMAL
                || lpStatus == MPSolver.ResultStatus.FEASIBLE) {
            // a feasible point that is not optimal is still a start to round, not a bound
            lpBound = lpStatus == MPSolver.ResultStatus.OPTIMAL ? lp.objective().value() : 0;
            for (int g = 0; g < ng; g++) {
                for (int d = 0; d < days; d++) {
                    if (lp.n()[g][d] != null) {
                        for (int p = 0; p < np; p++) {
                            counts[g][d][p] =
                                    (int) Math.floor(lp.n()[g][d][p].solutionValue() + 1e-6);
                        }
                    }
                }
            }
        }
        lp.solver().delete();
        // (2) greedy completion
        Greedy greedy =
                new Greedy(
                        patterns, rules, sets, days, open, groups, maxDays, slots, counts,
                        paidFloor);
        greedy.complete();
        double greedyCost = greedy.cost();
        progress.accept(
                String.format(
                        "  LP bound %.1f h (%s), rounded and completed: cost %.1f h (paid %.1f h%s), %.1f s",
                        lpBound / 60,
                        lpStatus,
                        greedyCost / 60,
                        greedy.paid() / 60.0,
                        paidFloor > 0 ? String.format(", floor %.1f h", paidFloor / 60.0) : "",
                        (System.nanoTime() - t0) / 1e9));
        // (3) SCIP from the greedy solution, on a node budget: the time the LP took must not
        // decide how far SCIP searches, or the schedule depends on the machine's load
        if (seconds < 1) {
            return new WeekModel.Solution(
                    greedy.counts(), greedyCost, lpBound, "HEURISTIC", elapsed(t0));
        }
        Built mip = build("SCIP", true, days, open, groups, maxDays, slots, paidFloor);
        List<MPVariable> hintVars = new ArrayList<>();
        List<Double> hintValues = new ArrayList<>();
        for (int g = 0; g < ng; g++) {
            for (int d = 0; d < days; d++) {
                if (mip.n()[g][d] != null) {
                    for (int p = 0; p < np; p++) {
                        hintVars.add(mip.n()[g][d][p]);
                        hintValues.add((double) greedy.counts()[g][d][p]);
                    }
                }
            }
        }
        mip.solver()
                .setHint(
                        hintVars.toArray(new MPVariable[0]),
                        hintValues.stream().mapToDouble(Double::doubleValue).toArray());
        if (Boolean.getBoolean("joignable.schedule.scipLog")) {
            mip.solver().enableOutput();
        }
        mip.solver().setTimeLimit((long) (SolverLimits.safetyCapSeconds(seconds) * 1000));
        long nodes = SolverLimits.scipNodes(seconds);
        mip.solver().setSolverSpecificParametersAsString(SolverLimits.scip(nodes, false));
        MPSolverParameters params = new MPSolverParameters();
        params.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 0.005);
        MPSolver.ResultStatus status = mip.solver().solve(params);
        boolean solved =
                status == MPSolver.ResultStatus.OPTIMAL || status == MPSolver.ResultStatus.FEASIBLE;
        progress.accept(
                String.format(
                        "  SCIP: %d nodes of %d, %.1f s",
                        mip.solver().nodes(), nodes, (System.nanoTime() - t0) / 1e9));
        double mipBound = solved ? mip.objective().bestBound() : 0;
        double bound = Math.max(lpBound, Double.isFinite(mipBound) ? mipBound : 0);
        if (solved && mip.objective().value() < greedyCost - 1e-6) {
            int[][][] best = new int[ng][days][np];
            for (int g = 0; g < ng; g++) {
                for (int d = 0; d < days; d++) {
                    if (mip.n()[g][d] != null) {
                        for (int p = 0; p < np; p++) {
                            best[g][d][p] = (int) Math.round(mip.n()[g][d][p].solutionValue());
                        }
                    }
                }
            }
            double cost = mip.objective().value();
            mip.solver().delete();
            return new WeekModel.Solution(
                    best, cost, Math.min(bound, cost), status.name(), elapsed(t0));
        }
        mip.solver().delete();
        return new WeekModel.Solution(
                greedy.counts(),
                greedyCost,
                Math.min(bound, greedyCost),
                solved ? status.name() : "HEURISTIC",
                elapsed(t0));
    }

    private static double elapsed(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
