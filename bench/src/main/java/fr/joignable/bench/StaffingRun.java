package fr.joignable.bench;

import fr.joignable.forecasting.staffing.ErlangC;
import fr.joignable.forecasting.staffing.QueueMetrics;
import fr.joignable.forecasting.staffing.RequiredAgents;
import fr.joignable.forecasting.staffing.StaffingTargets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Staffing a year of 15-minute intervals for Q queues with Erlang C (traffic 0.5–60 erlangs on a
 * daily profile, 80/20 and occupancy ≤ 0.85, as {@code StaffingBenchmark} of the forecasting
 * module): {@link RequiredAgents#solve} against the naive scan from ⌈A⌉ in the same run, then the
 * same on a few large centres (500–5,000 erlangs), where the scan has far to go.
 */
public final class StaffingRun {

    static final String NAME = "staffing";
    private static final int INTERVALS = 365 * 96;

    private StaffingRun() {}

    /**
     * @param queues queues staffed for a year (each 35,040 solves)
     * @param largeSolves solves at 500–5,000 erlangs (0 to skip)
     */
    public static List<Row> run(int queues, int largeSolves) {
        int n = queues * INTERVALS;
        double[] traffic = new double[n];
        double[] aht = new double[n];
        SplittableRandom random = new SplittableRandom(2026);
        for (int q = 0; q < queues; q++) {
            double peak = 5 + random.nextDouble() * 55;
            double queueAht = 180 + random.nextDouble() * 240;
            for (int i = 0; i < INTERVALS; i++) {
                double hour = (i % 96) / 4.0;
                double profile = Math.max(0, Math.sin(Math.PI * (hour - 7) / 12)); // 7h-19h
                double a = 0.5 + (peak - 0.5) * profile * (0.8 + 0.4 * random.nextDouble());
                traffic[q * INTERVALS + i] = Math.min(60, a);
                aht[q * INTERVALS + i] = queueAht;
            }
        }
        StaffingTargets targets =
                StaffingTargets.none().withServiceLevel(80, 20).withMaxOccupancy(0.85);
        int warm = Math.min(n, 200_000);
        solveAll(traffic, aht, targets, false, warm);
        solveAll(traffic, aht, targets, true, warm);
        long t0 = System.nanoTime();
        long sumFast = solveAll(traffic, aht, targets, false, n);
        long t1 = System.nanoTime();
        long sumNaive = solveAll(traffic, aht, targets, true, n);
        long t2 = System.nanoTime();
        if (sumFast != sumNaive) {
            throw new IllegalStateException("searches disagree: " + sumFast + " vs " + sumNaive);
        }
        double fast = (t1 - t0) / 1e9;
        double naive = (t2 - t1) / 1e9;
        String workload = String.format("%d queues × 1 year (%,d solves, A 0.5–60)", queues, n);
        List<Row> rows = new ArrayList<>();
        rows.add(
                Row.ratio(
                        NAME,
                        "Erlang C required agents, naive scan time / square-root start time, "
                                + workload,
                        naive / fast,
                        "> 1: the square-root start is faster"));
        rows.add(
                Row.of(
                        NAME,
                        "square-root start + local search, " + workload,
                        n / fast,
                        "solves/s"));
        rows.add(Row.of(NAME, "naive scan from ⌈A⌉, " + workload, n / naive, "solves/s"));
        if (largeSolves > 0) {
            double[] big = new double[largeSolves];
            double[] bigAht = new double[largeSolves];
            for (int i = 0; i < big.length; i++) {
                big[i] = 500 + random.nextDouble() * 4500;
                bigAht[i] = 240;
            }
            long t3 = System.nanoTime();
            long bigFast = solveAll(big, bigAht, targets, false, big.length);
            long t4 = System.nanoTime();
            long bigNaive = solveAll(big, bigAht, targets, true, big.length);
            long t5 = System.nanoTime();
            if (bigFast != bigNaive) {
                throw new IllegalStateException("searches disagree on large traffic");
            }
            String w = String.format("%,d solves at A 500–5,000", largeSolves);
            rows.add(
                    Row.ratio(
                            NAME,
                            "Erlang C required agents, naive scan time / square-root start time, "
                                    + w,
                            (double) (t5 - t4) / (t4 - t3),
                            ""));
            rows.add(
                    Row.of(
                            NAME,
                            "square-root start + local search, " + w,
                            largeSolves / ((t4 - t3) / 1e9),
                            "solves/s"));
            rows.add(
                    Row.of(
                            NAME,
                            "naive scan from ⌈A⌉, " + w,
                            largeSolves / ((t5 - t4) / 1e9),
                            "solves/s"));
        }
        return rows;
    }

    private static long solveAll(
            double[] traffic, double[] aht, StaffingTargets targets, boolean naive, int count) {
        long sum = 0;
        for (int i = 0; i < count; i++) {
            ErlangC model = ErlangC.of(traffic[i], aht[i]);
            QueueMetrics m =
                    naive
                            ? RequiredAgents.solveByScan(model, targets)
                            : RequiredAgents.solve(model, targets);
            sum += m.agents();
        }
        return sum;
    }
}
