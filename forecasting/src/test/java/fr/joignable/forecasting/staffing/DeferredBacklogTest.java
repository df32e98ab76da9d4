package fr.joignable.forecasting.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.junit.jupiter.api.Test;

/** The EDF + bisection level against the LP optimum computed by the simplex method. */
class DeferredBacklogTest {

    /** Bisection precision plus simplex noise, agents. */
    private static final double LEVEL_TOLERANCE = 2e-3;

    @Test
    void theLowestPeakEqualsTheLinearProgramsOptimumOnSmallCases() {
        Random random = new Random(14);
        for (int trial = 0; trial < 200; trial++) {
            int n = 3 + random.nextInt(8);
            double[] live = new double[n];
            boolean[] open = new boolean[n];
            for (int u = 0; u < n; u++) {
                live[u] = random.nextInt(6);
                open[u] = random.nextDouble() < 0.8;
            }
            open[n - 1] = true;
            List<DeferredBacklog.Job> jobs = new ArrayList<>();
            int count = 1 + random.nextInt(5);
            for (int j = 0; j < count; j++) {
                int release = random.nextInt(n);
                int due = release + random.nextInt(n - release);
                while (!anyOpen(open, release, due)) {
                    due++;
                    if (due >= n) {
                        release = n - 1;
                        due = n - 1;
                    }
                }
                jobs.add(new DeferredBacklog.Job(100 + random.nextInt(4000), release, due));
            }
            double level = DeferredBacklog.peakLevel(live, open, jobs);
            double lp = linearProgram(live, open, jobs);
            assertThat(level).as("trial %d", trial).isCloseTo(lp, within(LEVEL_TOLERANCE));
            // and the schedule meets every due date, never above the level
            DeferredBacklog.Schedule s = DeferredBacklog.plan(live, open, jobs);
            double[] done = new double[jobs.size()];
            for (int u = 0; u < n; u++) {
                for (double[] d : s.done().get(u)) {
                    DeferredBacklog.Job job = jobs.get((int) d[0]);
                    assertThat(u).isBetween(job.release(), job.due());
                    done[(int) d[0]] += d[1];
                }
                assertThat(live[u] + s.workIn(u) / 900).isLessThanOrEqualTo(level + 1e-9);
            }
            for (int j = 0; j < jobs.size(); j++) {
                assertThat(done[j]).isCloseTo(jobs.get(j).work(), within(1e-6));
            }
        }
    }

    @Test
    void dayByDayLevelsStillMeetEveryDueDate() {
        Random random = new Random(7);
        int n = 40;
        double[] live = new double[n];
        boolean[] open = new boolean[n];
        int[] day = new int[n];
        for (int u = 0; u < n; u++) {
            live[u] = random.nextInt(10);
            open[u] = u % 10 < 8;
            day[u] = u / 10;
        }
        List<DeferredBacklog.Job> jobs = new ArrayList<>();
        for (int j = 0; j < 30; j++) {
            int release = random.nextInt(n - 12);
            jobs.add(new DeferredBacklog.Job(500 + random.nextInt(3000), release, release + 11));
        }
        DeferredBacklog.Schedule s = DeferredBacklog.planByDay(live, open, jobs, day);
        double peak = DeferredBacklog.peakLevel(live, open, jobs);
        double[] done = new double[jobs.size()];
        for (int u = 0; u < n; u++) {
            for (double[] d : s.done().get(u)) {
                DeferredBacklog.Job job = jobs.get((int) d[0]);
                assertThat(u).isBetween(job.release(), job.due());
                done[(int) d[0]] += d[1];
            }
            assertThat(live[u] + s.workIn(u) / 900).isLessThanOrEqualTo(peak + 1e-9);
        }
        for (int j = 0; j < jobs.size(); j++) {
            assertThat(done[j]).isCloseTo(jobs.get(j).work(), within(1e-6));
        }
    }

    @Test
    void deferredWorkGoesToTheTroughsByHand() {
        // live 1, 3, 1 agents; one job of 900 agent-seconds (one agent for one interval), due at
        // the last interval. The lowest peak is 3 (the live peak) and fills the first interval to
        // 2; the water level w solves (w − 1) + (w − 1) = 1, so w = 1.5: 450 s in the first and in
        // the last interval, nothing beside the live peak.
        double[] live = {1, 3, 1};
        boolean[] open = {true, true, true};
        List<DeferredBacklog.Job> jobs = List.of(new DeferredBacklog.Job(900, 0, 2));
        assertThat(DeferredBacklog.waterLevel(live, open, jobs)).isCloseTo(1.5, within(2e-4));
        DeferredBacklog.Schedule s = DeferredBacklog.planInTroughs(live, open, jobs, jobs);
        assertThat(s.workIn(0)).isCloseTo(450, within(0.2));
        assertThat(s.workIn(1)).isZero();
        assertThat(s.workIn(2)).isCloseTo(450, within(0.2));
        assertThat(s.leftOver()).isCloseTo(0, within(1e-6));
        // the lowest-peak placement, for comparison: everything in the first interval
        DeferredBacklog.Schedule peak = DeferredBacklog.plan(live, open, jobs);
        assertThat(peak.workIn(0)).isCloseTo(900, within(1e-6));
    }

    @Test
    void aDueDateRaisesTheWaterLevelByHand() {
        // live 2, 0 agents; job A 1800 s due in the first interval, job B 900 s released in the
        // second. A alone needs w − 2 = 2 there: w = 4, and B then fits in the second interval
        // (capacity 4 × 900). With A due by the second interval instead, (w − 2) + w = 3: w = 2.5.
        double[] live = {2, 0};
        boolean[] open = {true, true};
        List<DeferredBacklog.Job> tight =
                List.of(new DeferredBacklog.Job(1800, 0, 0), new DeferredBacklog.Job(900, 1, 1));
        assertThat(DeferredBacklog.waterLevel(live, open, tight)).isCloseTo(4, within(2e-4));
        List<DeferredBacklog.Job> loose =
                List.of(new DeferredBacklog.Job(1800, 0, 1), new DeferredBacklog.Job(900, 1, 1));
        assertThat(DeferredBacklog.waterLevel(live, open, loose)).isCloseTo(2.5, within(2e-4));
        DeferredBacklog.Schedule s = DeferredBacklog.planInTroughs(live, open, loose, loose);
        assertThat(s.workIn(0)).isCloseTo(450, within(0.5));
        assertThat(s.workIn(1)).isCloseTo(2250, within(0.5));
    }

    @Test
    void inTheTroughsEveryJobIsDoneByItsDueDateAndNoWorkIsLost() {
        Random random = new Random(20);
        for (int trial = 0; trial < 100; trial++) {
            int n = 8 + random.nextInt(40);
            double[] live = new double[n];
            boolean[] open = new boolean[n];
            for (int u = 0; u < n; u++) {
                live[u] = random.nextInt(12);
                open[u] = u % 10 < 8 || u == n - 1;
            }
            List<DeferredBacklog.Job> jobs = new ArrayList<>();
            List<DeferredBacklog.Job> strict = new ArrayList<>();
            for (int j = 0; j < 1 + random.nextInt(20); j++) {
                int release = random.nextInt(n);
                int due = Math.min(n - 1, release + 3 + random.nextInt(12));
                while (!anyOpen(open, release, due)) {
                    due++;
                }
                int work = 100 + random.nextInt(3000);
                jobs.add(new DeferredBacklog.Job(work, release, Math.min(n - 1, due + 4)));
                strict.add(new DeferredBacklog.Job(work, release, due));
            }
            double w = DeferredBacklog.waterLevel(live, open, strict);
            DeferredBacklog.Schedule s = DeferredBacklog.planInTroughs(live, open, jobs, strict);
            double[] done = new double[jobs.size()];
            for (int u = 0; u < n; u++) {
                for (double[] d : s.done().get(u)) {
                    DeferredBacklog.Job job = jobs.get((int) d[0]);
                    assertThat(u).as("trial %d", trial).isBetween(job.release(), job.due());
                    assertThat(open[u]).isTrue();
                    done[(int) d[0]] += d[1];
                }
                // never above the live load where the live load is above the water level
                assertThat(live[u] + s.workIn(u) / 900)
                        .isLessThanOrEqualTo(Math.max(live[u], w) + 1e-9);
            }
            for (int j = 0; j < jobs.size(); j++) {
                assertThat(done[j])
                        .as("trial %d job %d", trial, j)
                        .isCloseTo(jobs.get(j).work(), within(1e-6 * jobs.get(j).work()));
            }
            // the water level is the least feasible one: an LP with the capacities a little
            // lower has no solution (checked by the simplex method, not by EDF)
            if (w > 0.01) {
                assertThat(fitsAtLevel(live, open, strict, w - 0.01))
                        .as("trial %d", trial)
                        .isFalse();
            }
            assertThat(fitsAtLevel(live, open, strict, w + 1e-3)).as("trial %d", trial).isTrue();
        }
    }

    /**
     * Whether Σᵤ xⱼᵤ = wⱼ, Σⱼ xⱼᵤ ≤ 900 (level − Nᵤ)⁺ on open u, x ≥ 0 has a solution (simplex).
     */
    private static boolean fitsAtLevel(
            double[] live, boolean[] open, List<DeferredBacklog.Job> jobs, double level) {
        List<int[]> vars = new ArrayList<>();
        for (int j = 0; j < jobs.size(); j++) {
            for (int u = jobs.get(j).release(); u <= jobs.get(j).due(); u++) {
                if (open[u] && level > live[u]) {
                    vars.add(new int[] {j, u});
                }
            }
        }
        if (vars.isEmpty()) {
            return false;
        }
        int size = vars.size();
        List<LinearConstraint> constraints = new ArrayList<>();
        for (int j = 0; j < jobs.size(); j++) {
            double[] c = new double[size];
            for (int v = 0; v < vars.size(); v++) {
                if (vars.get(v)[0] == j) {
                    c[v] = 1;
                }
            }
            constraints.add(new LinearConstraint(c, Relationship.LEQ, jobs.get(j).work()));
        }
        for (int u = 0; u < live.length; u++) {
            double[] c = new double[size];
            boolean any = false;
            for (int v = 0; v < vars.size(); v++) {
                if (vars.get(v)[1] == u) {
                    c[v] = 1;
                    any = true;
                }
            }
            if (any) {
                constraints.add(
                        new LinearConstraint(
                                c, Relationship.LEQ, 900 * Math.max(0, level - live[u])));
            }
        }
        // maximise the work placed: it fits when every job is placed in full
        double[] objective = new double[size];
        for (int v = 0; v < vars.size(); v++) {
            objective[v] = 1;
        }
        PointValuePair p =
                new SimplexSolver()
                        .optimize(
                                new MaxIter(100_000),
                                new LinearObjectiveFunction(objective, 0),
                                new LinearConstraintSet(constraints),
                                GoalType.MAXIMIZE,
                                new NonNegativeConstraint(true));
        double total = 0;
        for (DeferredBacklog.Job job : jobs) {
            total += job.work();
        }
        return p.getValue() >= total - 1e-6 * Math.max(1, total);
    }

    private static boolean anyOpen(boolean[] open, int from, int to) {
        for (int u = from; u <= to && u < open.length; u++) {
            if (open[u]) {
                return true;
            }
        }
        return false;
    }

    /** min L s.t. Σᵤ xⱼᵤ = wⱼ, Σⱼ xⱼᵤ ≤ 900 (L − Nᵤ) on open u, L ≥ Nᵤ, x ≥ 0. */
    private static double linearProgram(
            double[] live, boolean[] open, List<DeferredBacklog.Job> jobs) {
        int n = live.length;
        List<int[]> vars = new ArrayList<>();
        for (int j = 0; j < jobs.size(); j++) {
            for (int u = jobs.get(j).release(); u <= jobs.get(j).due(); u++) {
                if (open[u]) {
                    vars.add(new int[] {j, u});
                }
            }
        }
        int size = vars.size() + 1; // last variable: L
        List<LinearConstraint> constraints = new ArrayList<>();
        for (int j = 0; j < jobs.size(); j++) {
            double[] c = new double[size];
            for (int v = 0; v < vars.size(); v++) {
                if (vars.get(v)[0] == j) {
                    c[v] = 1;
                }
            }
            constraints.add(new LinearConstraint(c, Relationship.EQ, jobs.get(j).work()));
        }
        for (int u = 0; u < n; u++) {
            double[] c = new double[size];
            for (int v = 0; v < vars.size(); v++) {
                if (vars.get(v)[1] == u) {
                    c[v] = 1;
                }
            }
            c[size - 1] = -900;
            constraints.add(new LinearConstraint(c, Relationship.LEQ, -900 * live[u]));
            double[] l = new double[size];
            l[size - 1] = 1;
            constraints.add(new LinearConstraint(l, Relationship.GEQ, live[u]));
        }
        double[] objective = new double[size];
        objective[size - 1] = 1;
        PointValuePair p =
                new SimplexSolver()
                        .optimize(
                                new MaxIter(10_000),
                                new LinearObjectiveFunction(objective, 0),
                                new LinearConstraintSet(constraints),
                                GoalType.MINIMIZE,
                                new NonNegativeConstraint(true));
        return p.getValue();
    }
}
