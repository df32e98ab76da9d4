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
