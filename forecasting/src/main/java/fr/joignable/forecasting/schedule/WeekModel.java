package fr.joignable.forecasting.schedule;

import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverSolutionCallback;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import java.util.List;
import java.util.function.Consumer;

/**
 * The CP-SAT model of one calendar week, over <em>groups</em> of interchangeable agents (same
 * skills, same contract): see {@code docs/scheduling.md}.
 *
 * <p>Variables: {@code n[g][d][p]} ∈ [0, size(g)], the agents of group g working pattern p on day
 * d; {@code u[i]} agent-minutes missing in interval i. Constraints: per group and day at most
 * size(g) shifts; per group, paid minutes within [size × min, size × cap] and at most size ×
 * max-days shifts; coverage {@code Σ_{g reaching S} Σ_p worked_p(i)·n[g][d][p] + u[i] ≥
 * 15·required_i(S)} for every set S of the {@link SkillSets#family}. Objective: paid minutes +
 * weight × Σ u. The week's shifts are then given to the group's agents by {@link Rostering}
 * (per-agent hours, days, rest), so this model's bound is a lower bound of the whole problem.
 */
final class WeekModel {

    /**
     * An interval to cover; {@code weight} multiplies the shortfall weight of its missing agents (1
     * normally); {@code poolWeights} (by family set, null: none) adds, for each set with a positive
     * entry, that many times the shortfall weight per agent-minute missing <em>in that set</em>
     * (its requirement less its own reach) — on top of the interval's Hall deficiency, which alone
     * leaves a narrow pool's shortfall free whenever the whole interval is at least as short.
     * {@code --verify} sets them for the pools of queues the simulation finds under target.
     */
    record Slot(int day, int minute, int[] required15, double weight, double[] poolWeights) {

        Slot(int day, int minute, int[] required15) {
            this(day, minute, required15, 1, null);
        }

        Slot(int day, int minute, int[] required15, double weight) {
            this(day, minute, required15, weight, null);
        }

        double poolWeight(int f) {
            return poolWeights == null ? 0 : poolWeights[f];
        }
    }

    /** A group of interchangeable agents. */
    record Group(int skillClass, int size, int capMinutes, int minMinutes) {}

    /** What the solver returns: {@code counts[g][d][p]}. */
    record Solution(
            int[][][] counts, double objective, double bound, String status, double seconds) {}

    private final List<ShiftPattern> patterns;
    private final ShiftRules rules;
    private final SkillSets sets;

    WeekModel(List<ShiftPattern> patterns, ShiftRules rules, SkillSets sets) {
        this.patterns = patterns;
        this.rules = rules;
        this.sets = sets;
    }

    Solution solve(
            int days,
            boolean[] open,
            List<Group> groups,
            int maxDays,
            List<Slot> slots,
            int paidFloor,
            double seconds,
            int workers,
            Consumer<String> progress) {
        CpModel model = new CpModel();
        int ng = groups.size();
        int np = patterns.size();
        IntVar[][][] n = new IntVar[ng][days][];
        LinearExprBuilder objective = LinearExpr.newBuilder();
        for (int g = 0; g < ng; g++) {
            Group group = groups.get(g);
            LinearExprBuilder minutes = LinearExpr.newBuilder();
            LinearExprBuilder shifts = LinearExpr.newBuilder();
            for (int d = 0; d < days; d++) {
                if (!open[d]) {
                    continue;
                }
                n[g][d] = new IntVar[np];
                LinearExprBuilder today = LinearExpr.newBuilder();
                for (int p = 0; p < np; p++) {
                    IntVar v =
                            model.newIntVar(
                                    0,
                                    patterns.get(p).paid() <= group.capMinutes() ? group.size() : 0,
                                    "");
                    n[g][d][p] = v;
                    today.add(v);
                    shifts.add(v);
                    minutes.addTerm(v, patterns.get(p).paid());
                    objective.addTerm(v, patterns.get(p).paid());
                }
                model.addLessOrEqual(today.build(), group.size());
            }
            LinearExpr total = minutes.build();
            model.addLessOrEqual(total, (long) group.size() * group.capMinutes());
            if (group.minMinutes() > 0) {
                model.addGreaterOrEqual(total, (long) group.size() * group.minMinutes());
            }
            model.addLessOrEqual(shifts.build(), (long) group.size() * maxDays);
        }
        if (paidFloor > 0) {
            model.addGreaterOrEqual(objective.build(), paidFloor);
        }
        int nc = sets.classCount();
        long weight = Math.round(rules.shortfallWeight() * 100);
        LinearExprBuilder shortfall = LinearExpr.newBuilder();
        for (Slot slot : slots) {
            LinearExprBuilder[] presence = new LinearExprBuilder[nc];
            int[] terms = new int[nc];
            int[] maxPresent = new int[nc];
            for (int c = 0; c < nc; c++) {
                presence[c] = LinearExpr.newBuilder();
            }
            if (open[slot.day()]) {
                for (int g = 0; g < ng; g++) {
                    int c = groups.get(g).skillClass();
                    maxPresent[c] += 15 * groups.get(g).size();
                    for (int p = 0; p < np; p++) {
                        int w = patterns.get(p).workedIn(slot.minute(), 15);
                        if (w > 0) {
                            presence[c].addTerm(n[g][slot.day()][p], w);
                            terms[c]++;
                        }
                    }
                }
            }
            int max = 0;
            for (int r : slot.required15()) {
                max = Math.max(max, r);
            }
            IntVar u = model.newIntVar(0, max, "");
            shortfall.addTerm(u, Math.round(weight * slot.weight()));
            IntVar[] y = new IntVar[nc];
            for (int c = 0; c < nc; c++) {
                if (terms[c] > 0) {
                    y[c] = model.newIntVar(0, maxPresent[c], "");
                    model.addEquality(y[c], presence[c].build());
                }
            }
            for (int f = 0; f < sets.family.size(); f++) {
                int req = slot.required15()[f];
                if (req <= 0) {
                    continue;
                }
                SkillSets.PoolSet set = sets.family.get(f);
                LinearExprBuilder cover = LinearExpr.newBuilder();
                cover.add(u);
                for (int c = set.classes().nextSetBit(0);
                        c >= 0;
                        c = set.classes().nextSetBit(c + 1)) {
                    if (y[c] != null) {
                        cover.add(y[c]);
                    }
                }
                model.addGreaterOrEqual(cover.build(), req);
                if (slot.poolWeight(f) > 0) {
                    IntVar v = model.newIntVar(0, req, "");
                    shortfall.addTerm(v, Math.round(weight * slot.poolWeight(f)));
                    LinearExprBuilder own = LinearExpr.newBuilder();
                    own.add(v);
                    for (int c = set.classes().nextSetBit(0);
                            c >= 0;
                            c = set.classes().nextSetBit(c + 1)) {
                        if (y[c] != null) {
                            own.add(y[c]);
                        }
                    }
                    model.addGreaterOrEqual(own.build(), req);
                }
            }
        }
        // the objective in hundredths of a minute, so that the weight may be a decimal
        LinearExprBuilder scaled = LinearExpr.newBuilder();
        scaled.addTerm(objective.build(), 100);
        scaled.add(shortfall.build());
        model.minimize(scaled.build());

        CpSolver solver = new CpSolver();
        SolverLimits.cpSat(solver.getParameters(), Math.max(1, seconds), workers);
        solver.getParameters().setRelativeGapLimit(0.005);
        // presolve probing took most of the time on this model for no reduction (measured)
        solver.getParameters().setCpModelProbingLevel(0);
        solver.getParameters().setSymmetryLevel(0);
        solver.getParameters().setMaxPresolveIterations(1);
        solver.getParameters()
                .setCpModelPresolve(!Boolean.getBoolean("joignable.schedule.nopresolve"));
        if (Boolean.getBoolean("joignable.schedule.log")) {
            solver.getParameters().setLogSearchProgress(true);
        }
        long[] last = {System.nanoTime()};
        CpSolverSolutionCallback callback =
                new CpSolverSolutionCallback() {
                    @Override
                    public void onSolutionCallback() {
                        long now = System.nanoTime();
                        if (now - last[0] > 5_000_000_000L) {
                            last[0] = now;
                            progress.accept(
                                    String.format(
                                            "  %.0f s: cost %.1f h, bound %.1f h",
                                            wallTime(),
                                            objectiveValue() / 6000.0,
                                            bestObjectiveBound() / 6000.0));
                        }
                    }
                };
        CpSolverStatus status = solver.solve(model, callback);
        if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
            return new Solution(null, Double.NaN, Double.NaN, status.name(), solver.wallTime());
        }
        int[][][] counts = new int[ng][days][np];
        for (int g = 0; g < ng; g++) {
            for (int d = 0; d < days; d++) {
                if (n[g][d] == null) {
                    continue;
                }
                for (int p = 0; p < np; p++) {
                    counts[g][d][p] = (int) solver.value(n[g][d][p]);
                }
            }
        }
        return new Solution(
                counts,
                solver.objectiveValue() / 100.0,
                solver.bestObjectiveBound() / 100.0,
                status.name(),
                solver.wallTime());
    }
}
