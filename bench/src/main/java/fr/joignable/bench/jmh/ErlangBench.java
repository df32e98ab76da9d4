package fr.joignable.bench.jmh;

import fr.joignable.forecasting.staffing.ErlangA;
import fr.joignable.forecasting.staffing.ErlangC;
import fr.joignable.forecasting.staffing.QueueMetrics;
import fr.joignable.forecasting.staffing.RequiredAgents;
import fr.joignable.forecasting.staffing.StaffingTargets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Required agents for 80 % answered within 20 s and occupancy at most 0.85, AHT 240 s (Erlang A:
 * mean patience 120 s), by {@link RequiredAgents#solve} (square-root start + local search) and by
 * {@link RequiredAgents#solveByScan} (naive scan from N = ⌈A⌉, from 1 for Erlang A), at about 10
 * and about 1000 erlangs. The traffic is {@code A + 0.37} so that the answer is not on a round
 * number.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class ErlangBench {

    @Param({"10", "1000"})
    public int erlangs;

    private ErlangC erlangC;
    private ErlangA erlangA;
    private StaffingTargets targets;

    @Setup
    public void setUp() {
        double a = erlangs + 0.37;
        erlangC = ErlangC.of(a, 240);
        erlangA = ErlangA.of(a, 240, 120);
        targets = StaffingTargets.none().withServiceLevel(80, 20).withMaxOccupancy(0.85);
        if (RequiredAgents.solve(erlangC, targets).agents()
                        != RequiredAgents.solveByScan(erlangC, targets).agents()
                || RequiredAgents.solve(erlangA, targets).agents()
                        != RequiredAgents.solveByScan(erlangA, targets).agents()) {
            throw new IllegalStateException("the searches disagree at A = " + a);
        }
    }

    @Benchmark
    public QueueMetrics erlangCSolve() {
        return RequiredAgents.solve(erlangC, targets);
    }

    @Benchmark
    public QueueMetrics erlangCScan() {
        return RequiredAgents.solveByScan(erlangC, targets);
    }

    @Benchmark
    public QueueMetrics erlangASolve() {
        return RequiredAgents.solve(erlangA, targets);
    }

    @Benchmark
    public QueueMetrics erlangAScan() {
        return RequiredAgents.solveByScan(erlangA, targets);
    }
}
