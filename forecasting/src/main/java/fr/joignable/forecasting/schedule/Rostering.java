package fr.joignable.forecasting.schedule;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Gives a group's shifts of one week to its agents (CP-SAT): {@code z[a][s]} = 1 when agent a works
 * shift s. Each shift goes to at most one agent; an agent works at most one shift a day, at most
 * {@code maxDays} days, paid minutes within [min, cap], with {@code rest} minutes between the end
 * of a shift and the next start (the previous week's last shift included). Objective: the most paid
 * minutes given out (all of them whenever the per-agent rules allow; a shift no agent can take is
 * dropped, and the evaluation of the schedule counts the coverage it loses).
 */
final class Rostering {

    private Rostering() {}

    /**
     * @param counts {@code counts[d][p]} shifts of pattern p on day d
     * @param earliestStart per agent, the earliest start on day 0 (minutes)
     * @return per agent and day, the pattern worked or -1
     */
    static int[][] assign(
            List<ShiftPattern> patterns,
            int[][] counts,
            int agents,
            int cap,
            int min,
            int maxDays,
            int rest,
            int[] earliestStart,
            double seconds) {
        int days = counts.length;
        List<int[]> shifts = new ArrayList<>(); // {day, pattern}
        for (int d = 0; d < days; d++) {
            for (int p = 0; p < counts[d].length; p++) {
                for (int k = 0; k < counts[d][p]; k++) {
                    shifts.add(new int[] {d, p});
                }
            }
        }
        int[][] out = new int[agents][days];
        for (int[] row : out) {
            Arrays.fill(row, -1);
        }
        if (shifts.isEmpty()) {
            return out;
        }
        int placed = greedy(patterns, shifts, out, cap, min, maxDays, rest, earliestStart);
        if (placed == shifts.size()) {
            return out;
        }
        int[][] greedyOut = new int[agents][];
        for (int a = 0; a < agents; a++) {
            greedyOut[a] = out[a].clone();
            Arrays.fill(out[a], -1);
        }
        CpModel model = new CpModel();
        int ns = shifts.size();
        BoolVar[][] z = new BoolVar[agents][ns];
        LinearExprBuilder objective = LinearExpr.newBuilder();
        for (int a = 0; a < agents; a++) {
            LinearExprBuilder minutes = LinearExpr.newBuilder();
            List<Literal> all = new ArrayList<>();
            List<List<Literal>> perDay = new ArrayList<>();
            for (int d = 0; d < days; d++) {
                perDay.add(new ArrayList<>());
            }
            for (int s = 0; s < ns; s++) {
                int d = shifts.get(s)[0];
                ShiftPattern p = patterns.get(shifts.get(s)[1]);
                if (d == 0 && p.start() < earliestStart[a]) {
                    continue;
                }
                z[a][s] = model.newBoolVar("");
                minutes.addTerm(z[a][s], p.paid());
                objective.addTerm(z[a][s], p.paid());
                all.add(z[a][s]);
                perDay.get(d).add(z[a][s]);
            }
            for (List<Literal> day : perDay) {
                if (day.size() > 1) {
                    model.addAtMostOne(day);
                }
            }
            LinearExpr total = minutes.build();
            model.addLessOrEqual(total, cap);
            if (min > 0) {
                model.addGreaterOrEqual(total, min);
            }
            model.addLessOrEqual(LinearExpr.sum(all.toArray(new Literal[0])), maxDays);
            for (int s = 0; s < ns; s++) {
                if (z[a][s] == null) {
                    continue;
                }
                int d = shifts.get(s)[0];
                int nextEarliest = patterns.get(shifts.get(s)[1]).end() + rest - 1440;
                for (int t = 0; t < ns; t++) {
                    if (z[a][t] != null
                            && shifts.get(t)[0] == d + 1
                            && patterns.get(shifts.get(t)[1]).start() < nextEarliest) {
                        model.addBoolOr(new Literal[] {z[a][s].not(), z[a][t].not()});
                    }
                }
            }
        }
        for (int s = 0; s < ns; s++) {
            List<Literal> takers = new ArrayList<>();
            for (int a = 0; a < agents; a++) {
                if (z[a][s] != null) {
                    takers.add(z[a][s]);
                }
            }
            if (takers.size() > 1) {
                model.addAtMostOne(takers);
            }
        }
        // hint: the greedy placement (shift instances of a (day, pattern) are interchangeable)
        boolean[] used = new boolean[ns];
        for (int a = 0; a < agents; a++) {
            for (int d = 0; d < days; d++) {
                int p = greedyOut[a][d];
                if (p < 0) {
                    continue;
                }
                for (int t = 0; t < ns; t++) {
                    if (!used[t]
                            && shifts.get(t)[0] == d
                            && shifts.get(t)[1] == p
                            && z[a][t] != null) {
                        used[t] = true;
                        model.addHint(z[a][t], 1);
                        break;
                    }
                }
            }
        }
        model.maximize(objective.build());
        CpSolver solver = new CpSolver();
        SolverLimits.cpSat(solver.getParameters(), seconds, 1);
        CpSolverStatus status = solver.solve(model);
        if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
            return min > 0 ? null : greedyOut;
        }
        if (placed >= 0 && solver.objectiveValue() < minutes(patterns, greedyOut)) {
            return greedyOut;
        }
        for (int a = 0; a < agents; a++) {
            for (int s = 0; s < ns; s++) {
                if (z[a][s] != null && solver.booleanValue(z[a][s])) {
                    out[a][shifts.get(s)[0]] = shifts.get(s)[1];
                }
            }
        }
        return out;
    }

    /**
     * Longest shifts first, each to the free agent with the most contract minutes left (worst fit
     * decreasing); the number of shifts placed (all of them only if every agent also reaches his
     * minimum).
     */
    private static int greedy(
            List<ShiftPattern> patterns,
            List<int[]> shifts,
            int[][] out,
            int cap,
            int min,
            int maxDays,
            int rest,
            int[] earliestStart) {
        int agents = out.length;
        int[] left = new int[agents];
        int[] daysLeft = new int[agents];
        Arrays.fill(left, cap);
        Arrays.fill(daysLeft, maxDays);
        List<int[]> order = new ArrayList<>(shifts);
        order.sort((x, y) -> Integer.compare(patterns.get(y[1]).paid(), patterns.get(x[1]).paid()));
        int placed = 0;
        for (int[] s : order) {
            int d = s[0];
            ShiftPattern p = patterns.get(s[1]);
            int best = -1;
            for (int a = 0; a < agents; a++) {
                if (out[a][d] >= 0 || daysLeft[a] == 0 || left[a] < p.paid()) {
                    continue;
                }
                if (d == 0 && p.start() < earliestStart[a]) {
                    continue;
                }
                if (d > 0
                        && out[a][d - 1] >= 0
                        && patterns.get(out[a][d - 1]).end() + rest - 1440 > p.start()) {
                    continue;
                }
                if (d + 1 < out[a].length
                        && out[a][d + 1] >= 0
                        && p.end() + rest - 1440 > patterns.get(out[a][d + 1]).start()) {
                    continue;
                }
                if (best < 0 || left[a] > left[best]) {
                    best = a;
                }
            }
            if (best < 0) {
                continue;
            }
            placed++;
            out[best][d] = s[1];
            left[best] -= p.paid();
            daysLeft[best]--;
        }
        for (int a = 0; a < agents; a++) {
            if (cap - left[a] < min) {
                return -1;
            }
        }
        return placed;
    }

    private static long minutes(List<ShiftPattern> patterns, int[][] given) {
        long sum = 0;
        for (int[] row : given) {
            for (int p : row) {
                if (p >= 0) {
                    sum += patterns.get(p).paid();
                }
            }
        }
        return sum;
    }
}
