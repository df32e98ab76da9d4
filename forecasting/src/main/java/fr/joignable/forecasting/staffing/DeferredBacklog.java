package fr.joignable.forecasting.staffing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Places deferred work (emails, letters, portal requests) of one pool in the intervals of the plan
 * so that the pool's peak of agents, live plus deferred, is as low as possible and every job is
 * done by its due interval.
 *
 * <p><b>Problem.</b> Intervals {@code u = 0…U−1}, each with the pool's live agents {@code Nᵤ} and
 * whether the back office is open. Job {@code j} needs {@code wⱼ} agent-seconds, may be worked in
 * open intervals {@code rⱼ ≤ u ≤ dⱼ} ({@code dⱼ = ∞}: beyond the horizon, may be carried over).
 * Find the smallest level {@code L ≥ maxᵤ Nᵤ} such that the work fits in capacities {@code cᵤ = (L
 * − Nᵤ) · 900 s} (open intervals only): the LP {@code min L s.t. Σᵤ xⱼᵤ = wⱼ, Σⱼ xⱼᵤ ≤ (L −
 * Nᵤ)·900, x ≥ 0}.
 *
 * <p><b>Method.</b> For fixed capacities, earliest-due-date first (EDF: in each interval, in time
 * order, work the released jobs of earliest due interval) finds a schedule meeting every due date
 * whenever one exists (divisible work on one resource with release and due dates: Jackson's rule,
 * with preemption, is optimal; Horn 1974). Feasibility is monotone in {@code L}, so bisection on
 * {@code L} to {@link #LEVEL_TOLERANCE} gives the LP optimum; the final EDF run at that level is
 * the schedule: work as early as the level allows, hence in the intervals whose live load leaves
 * room. {@code DeferredBacklogTest} checks the level against a simplex solution on small cases.
 */
public final class DeferredBacklog {

    /** Precision of the level, agents. */
    static final double LEVEL_TOLERANCE = 1e-4;

    private static final double SECONDS = 900;

    /** A job: agent-seconds of work, release interval, due interval (Integer.MAX_VALUE: none). */
    public record Job(double work, int release, int due) {}

    /**
     * The schedule: the level, the work done per (job, interval) as {@code done[u]} lists of (job,
     * seconds), and the work left undone at the end (jobs due beyond the horizon).
     */
    public record Schedule(double level, List<List<double[]>> done, double leftOver) {

        /** Agent-seconds worked in interval {@code u}. */
        public double workIn(int u) {
            double s = 0;
            for (double[] d : done.get(u)) {
                s += d[1];
            }
            return s;
        }
    }

    private DeferredBacklog() {}

    /** The lowest-peak schedule of {@code jobs} over intervals with live agents {@code live}. */
    public static Schedule plan(double[] live, boolean[] open, List<Job> jobs) {
        return edf(live, open, jobs, uniform(live.length, peakLevel(live, open, jobs)));
    }

    /**
     * The lowest peak level {@code L*}: the smallest level at which every job meets its due
     * interval (bisection over EDF feasibility).
     */
    public static double peakLevel(double[] live, boolean[] open, List<Job> jobs) {
        double low = 0;
        for (double v : live) {
            low = Math.max(low, v);
        }
        if (jobs.isEmpty() || feasible(live, open, jobs, uniform(live.length, low))) {
            return low;
        }
        double high = low + 1;
        while (!feasible(live, open, jobs, uniform(live.length, high))) {
            high = low + 2 * (high - low);
            if (high - low > 1e7) {
                throw new IllegalArgumentException(
                        "deferred work cannot be done by its due dates: no open interval");
            }
        }
        while (high - low > LEVEL_TOLERANCE) {
            double mid = (low + high) / 2;
            if (feasible(live, open, jobs, uniform(live.length, mid))) {
                high = mid;
            } else {
                low = mid;
            }
        }
        return high;
    }

    /**
     * Day by day: the global peak {@code L*} first, then each day in time order gets the lowest
     * level (at least its own live peak) at which the work still meets every due date, the later
     * days kept at {@code L*}. Each day's peak is thus as low as the due dates allow, and the day's
     * work goes to its quietest intervals. {@code dayOf[u]} numbers the days from 0.
     */
    public static Schedule planByDay(double[] live, boolean[] open, List<Job> jobs, int[] dayOf) {
        int n = live.length;
        double peak = peakLevel(live, open, jobs);
        double[] level = uniform(n, peak);
        if (jobs.isEmpty()) {
            return edf(live, open, jobs, level);
        }
        int u = 0;
        while (u < n) {
            int end = u;
            double dayLive = 0;
            while (end < n && dayOf[end] == dayOf[u]) {
                dayLive = Math.max(dayLive, live[end]);
                end++;
            }
            double low = dayLive;
            double high = peak;
            if (setDay(level, u, end, low) && feasible(live, open, jobs, level)) {
                high = low;
            } else {
                while (high - low > 1e-3) {
                    double mid = (low + high) / 2;
                    setDay(level, u, end, mid);
                    if (feasible(live, open, jobs, level)) {
                        high = mid;
                    } else {
                        low = mid;
                    }
                }
            }
            setDay(level, u, end, high);
            u = end;
        }
        return edf(live, open, jobs, level);
    }

    private static double max(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    private static boolean setDay(double[] level, int from, int to, double value) {
        Arrays.fill(level, from, to, value);
        return true;
    }

    private static double[] uniform(int n, double value) {
        double[] out = new double[n];
        Arrays.fill(out, value);
        return out;
    }

    static boolean feasible(double[] live, boolean[] open, List<Job> jobs, double[] level) {
        return edf(live, open, jobs, level) != null;
    }

    /** The EDF schedule at levels {@code level[u]}, or null if some job misses its due interval. */
    static Schedule edf(double[] live, boolean[] open, List<Job> jobs, double[] level) {
        int n = live.length;
        Integer[] order = new Integer[jobs.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(jobs.get(a).release(), jobs.get(b).release()));
        double[] remaining = new double[jobs.size()];
        PriorityQueue<Integer> ready =
                new PriorityQueue<>(
                        (a, b) -> {
                            int c = Integer.compare(jobs.get(a).due(), jobs.get(b).due());
                            return c != 0 ? c : Integer.compare(a, b);
                        });
        List<List<double[]>> done = new ArrayList<>(n);
        int next = 0;
        for (int u = 0; u < n; u++) {
            while (next < order.length && jobs.get(order[next]).release() <= u) {
                int j = order[next++];
                remaining[j] = jobs.get(j).work();
                if (remaining[j] > 0) {
                    ready.add(j);
                }
            }
            List<double[]> here = new ArrayList<>(2);
            double capacity = open[u] ? Math.max(0, level[u] - live[u]) * SECONDS : 0;
            while (capacity > 1e-9 && !ready.isEmpty()) {
                int j = ready.peek();
                double w = Math.min(capacity, remaining[j]);
                here.add(new double[] {j, w});
                remaining[j] -= w;
                capacity -= w;
                if (remaining[j] <= 1e-9 * Math.max(1, jobs.get(j).work())) {
                    remaining[j] = 0;
                    ready.poll();
                }
            }
            done.add(here);
            if (!ready.isEmpty() && jobs.get(ready.peek()).due() <= u) {
                return null; // the earliest due job is not done by its due interval
            }
        }
        double left = 0;
        for (int j : ready) {
            left += remaining[j];
        }
        while (next < order.length) {
            left += jobs.get(order[next++]).work();
        }
        return new Schedule(max(level), done, left);
    }
}
