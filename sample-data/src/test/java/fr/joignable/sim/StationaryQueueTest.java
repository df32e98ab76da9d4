package fr.joignable.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StationaryQueueTest {

    /** Relative tolerance of long-run means against the closed-form queueing results. */
    private static final double REL_TOLERANCE = 0.05;

    @Test
    void oneAgentMatchesTheMM1MeanWait() {
        // M/M/1, λ = 1/60 s, mean service 45 s: ρ = 0.75, Wq = ρ / (μ − λ) = 135 s.
        double lambda = 1 / 60.0;
        double aht = 45;
        double rho = lambda * aht;
        double expectedWait = rho / (1 / aht - lambda);
        StationaryQueue.Result r =
                StationaryQueue.simulate(new StationaryQueue.Params(1, lambda, aht, 0, 20, 6e7, 7));
        assertThat(r.arrivals()).isGreaterThan(900_000);
        assertThat(r.abandoned()).isZero();
        assertThat(r.meanWaitSeconds())
                .isCloseTo(expectedWait, within(expectedWait * REL_TOLERANCE));
        assertThat(r.occupancy()).isCloseTo(rho, within(0.01));
        // P(wait > 0) = ρ for M/M/1.
        assertThat(r.probWait()).isCloseTo(rho, within(0.01));
    }

    @Test
    void fiveAgentsMatchErlangC() {
        int n = 5;
        double aht = 240;
        double lambda = 60 / 3600.0; // 60 calls an hour: A = 4 erlangs
        double a = lambda * aht;
        double sum = 0;
        double term = 1;
        for (int k = 0; k < n; k++) {
            if (k > 0) {
                term *= a / k;
            }
            sum += term;
        }
        double last = term * a / n; // A^N / N!
        double top = last * n / (n - a);
        double pWait = top / (sum + top);
        double asa = pWait * aht / (n - a);
        double sl20 = 1 - pWait * Math.exp(-(n - a) * 20 / aht);
        StationaryQueue.Result r =
                StationaryQueue.simulate(
                        new StationaryQueue.Params(n, lambda, aht, 0, 20, 6e7, 11));
        assertThat(r.probWait()).isCloseTo(pWait, within(pWait * REL_TOLERANCE));
        assertThat(r.meanWaitSeconds()).isCloseTo(asa, within(asa * REL_TOLERANCE));
        assertThat(r.serviceLevel()).isCloseTo(sl20, within(0.01));
    }

    @Test
    void moreAgentsGiveAHigherServiceLevel() {
        double previous = -1;
        for (int agents = 5; agents <= 9; agents++) {
            StationaryQueue.Result r =
                    StationaryQueue.simulate(
                            new StationaryQueue.Params(agents, 1 / 60.0, 240, 0, 20, 2e6, 3));
            assertThat(r.serviceLevel()).isGreaterThan(previous);
            previous = r.serviceLevel();
        }
        assertThat(previous).isGreaterThan(0.9);
    }

    @Test
    void patienceProducesAbandonsAndShorterWaits() {
        StationaryQueue.Params base = new StationaryQueue.Params(4, 1 / 60.0, 240, 0, 20, 2e6, 5);
        StationaryQueue.Params impatient =
                new StationaryQueue.Params(4, 1 / 60.0, 240, 60, 20, 2e6, 5);
        StationaryQueue.Result c = StationaryQueue.simulate(base);
        StationaryQueue.Result a = StationaryQueue.simulate(impatient);
        assertThat(c.abandoned()).isZero();
        assertThat(a.abandoned()).isPositive();
        assertThat(a.served() + a.abandoned()).isEqualTo(a.arrivals());
        assertThat(a.meanWaitSeconds()).isLessThan(c.meanWaitSeconds());
        assertThat(a.occupancy()).isLessThan(c.occupancy());
        assertThat(StationaryQueue.simulate(impatient)).isEqualTo(a);
    }
}
