package fr.joignable.forecasting.staffing.bench;

import fr.joignable.forecasting.staffing.ErlangC;
import fr.joignable.forecasting.staffing.QueueMetrics;
import fr.joignable.forecasting.staffing.RequiredAgents;
import fr.joignable.forecasting.staffing.StaffingTargets;
import java.util.SplittableRandom;

/**
 * Not a test: staffs one year of 15-minute intervals for 50 queues (1,752,000 Erlang C solves,
 * traffic 0.5–60 erlangs following a daily profile, 80/20 and max occupancy 0.85) with {@link
 * RequiredAgents#solve} and with the naive scan from ⌈A⌉, and prints both times and the ratio.
 *
 * <p>Run: {@code java -cp forecasting/target/classes:forecasting/target/test-classes:<commons-math3
 * jar> fr.joignable.forecasting.staffing.bench.StaffingBenchmark}
 */
public final class StaffingBenchmark {

    private static final int QUEUES = 50;
    private static final int INTERVALS = 365 * 96;

    private StaffingBenchmark() {}

    public static void main(String[] args) {
        double[] traffic = new double[QUEUES * INTERVALS];
        double[] aht = new double[QUEUES * INTERVALS];
        SplittableRandom random = new SplittableRandom(2026);
        for (int q = 0; q < QUEUES; q++) {
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
        // warm-up
        run(traffic, aht, targets, false, 200_000);
        run(traffic, aht, targets, true, 200_000);
        long t0 = System.nanoTime();
        long sumFast = run(traffic, aht, targets, false, traffic.length);
        long t1 = System.nanoTime();
        long sumNaive = run(traffic, aht, targets, true, traffic.length);
        long t2 = System.nanoTime();
        if (sumFast != sumNaive) {
            throw new AssertionError("searches disagree: " + sumFast + " vs " + sumNaive);
        }
        double fast = (t1 - t0) / 1e9;
        double naive = (t2 - t1) / 1e9;
        System.out.printf(
                "%d solves; agent-intervals %d; square-root start + local search: %.2f s"
                        + " (%.2f µs/solve); naive scan from ceil(A): %.2f s (%.2f µs/solve);"
                        + " ratio %.1fx%n",
                traffic.length,
                sumFast,
                fast,
                fast * 1e6 / traffic.length,
                naive,
                naive * 1e6 / traffic.length,
                naive / fast);

        // large centres: 20,000 solves at 500-5,000 erlangs, where the scan has far to go
        double[] big = new double[20_000];
        double[] bigAht = new double[big.length];
        for (int i = 0; i < big.length; i++) {
            big[i] = 500 + random.nextDouble() * 4500;
            bigAht[i] = 240;
        }
        long t3 = System.nanoTime();
        long bigFast = run(big, bigAht, targets, false, big.length);
        long t4 = System.nanoTime();
        long bigNaive = run(big, bigAht, targets, true, big.length);
        long t5 = System.nanoTime();
        if (bigFast != bigNaive) {
            throw new AssertionError("searches disagree on large traffic");
        }
        System.out.printf(
                "%d solves at 500-5000 erlangs: local search %.2f s, naive scan %.2f s, ratio"
                        + " %.1fx%n",
                big.length, (t4 - t3) / 1e9, (t5 - t4) / 1e9, (double) (t5 - t4) / (t4 - t3));
    }

    private static long run(
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
