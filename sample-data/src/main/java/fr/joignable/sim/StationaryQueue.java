package fr.joignable.sim;

import java.util.PriorityQueue;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * One stationary interval simulated for a long horizon, to cross-check Erlang C (M/M/N) and Erlang
 * A (M/M/N+M) formulas: {@code agents} identical agents, Poisson arrivals at rate λ, exponential
 * handle times of mean {@code aht}, optionally exponential patience, first come first served.
 *
 * <p>Each arrival's <em>offered wait</em> is the time until the earliest agent is free after all
 * earlier served arrivals have been placed; the caller is served if that wait does not exceed his
 * patience, else he abandons after waiting his patience (and takes no agent). This is exact for a
 * FCFS queue with abandonment.
 *
 * <p>Usage: {@code StationaryQueue.simulate(new StationaryQueue.Params(5, 120 / 1800.0, 240, 0, 20,
 * 3_600_000, 42))}.
 */
public final class StationaryQueue {

    private StationaryQueue() {}

    /**
     * @param agents number of agents N (at least 1)
     * @param arrivalRatePerSecond λ, arrivals per second (> 0)
     * @param ahtSeconds mean handle time (> 0)
     * @param meanPatienceSeconds mean patience; 0 or less means callers never hang up (Erlang C)
     * @param thresholdSeconds T of the service level "answered within T seconds"
     * @param horizonSeconds simulated time; arrivals after it are not generated
     * @param seed random seed (same seed, same result)
     */
    public record Params(
            int agents,
            double arrivalRatePerSecond,
            double ahtSeconds,
            double meanPatienceSeconds,
            double thresholdSeconds,
            double horizonSeconds,
            long seed) {

        public Params {
            if (agents < 1) {
                throw new IllegalArgumentException("agents must be >= 1");
            }
            if (!(arrivalRatePerSecond > 0) || !(ahtSeconds > 0) || !(horizonSeconds > 0)) {
                throw new IllegalArgumentException("rate, aht and horizon must be > 0");
            }
            if (!(thresholdSeconds >= 0)) {
                throw new IllegalArgumentException("threshold must be >= 0");
            }
        }
    }

    /**
     * @param arrivals arrivals simulated
     * @param served arrivals answered
     * @param abandoned arrivals that hung up before being answered
     * @param serviceLevel arrivals answered within the threshold / all arrivals
     * @param meanWaitSeconds mean time in queue over all arrivals (answered or abandoned)
     * @param meanWaitServedSeconds mean wait of the answered arrivals (ASA)
     * @param probWait share of arrivals that found no agent free
     * @param occupancy handle time of the served arrivals / (agents × horizon)
     */
    public record Result(
            long arrivals,
            long served,
            long abandoned,
            double serviceLevel,
            double meanWaitSeconds,
            double meanWaitServedSeconds,
            double probWait,
            double occupancy) {

        /** Abandoned arrivals / all arrivals. */
        public double abandonRate() {
            return arrivals == 0 ? 0 : (double) abandoned / arrivals;
        }
    }

    public static Result simulate(Params p) {
        RandomGenerator rng = new Well19937c(p.seed());
        PriorityQueue<Double> freeAt = new PriorityQueue<>(p.agents());
        for (int i = 0; i < p.agents(); i++) {
            freeAt.add(0.0);
        }
        boolean patient = !(p.meanPatienceSeconds() > 0);
        long arrivals = 0;
        long served = 0;
        long abandoned = 0;
        long withinT = 0;
        long waited = 0;
        double totalWait = 0;
        double servedWait = 0;
        double busy = 0;
        double t = 0;
        while (true) {
            t += exponential(rng, 1 / p.arrivalRatePerSecond());
            if (t > p.horizonSeconds()) {
                break;
            }
            arrivals++;
            double offeredWait = Math.max(0, freeAt.peek() - t);
            if (offeredWait > 0) {
                waited++;
            }
            double patience =
                    patient ? Double.POSITIVE_INFINITY : exponential(rng, p.meanPatienceSeconds());
            if (offeredWait <= patience) {
                double service = exponential(rng, p.ahtSeconds());
                freeAt.poll();
                freeAt.add(t + offeredWait + service);
                served++;
                busy += service;
                totalWait += offeredWait;
                servedWait += offeredWait;
                if (offeredWait <= p.thresholdSeconds()) {
                    withinT++;
                }
            } else {
                abandoned++;
                totalWait += patience;
            }
        }
        double n = Math.max(1, arrivals);
        return new Result(
                arrivals,
                served,
                abandoned,
                withinT / n,
                totalWait / n,
                served == 0 ? 0 : servedWait / served,
                waited / n,
                busy / (p.agents() * p.horizonSeconds()));
    }

    private static double exponential(RandomGenerator rng, double mean) {
        return -mean * Math.log(1 - rng.nextDouble());
    }
}
