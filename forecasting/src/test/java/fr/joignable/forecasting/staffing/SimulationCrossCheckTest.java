package fr.joignable.forecasting.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.joignable.sim.StationaryQueue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The models against the simulator of {@code sample-data} in a stationary interval: Poisson
 * arrivals, exponential handle times (and patience), first come first served. Over about 200,000
 * simulated arrivals the sampling error of a service level is below 0.005, so the simulated figures
 * must agree with the model within {@link #SERVICE_LEVEL_POINTS} (two points).
 */
class SimulationCrossCheckTest {

    private static final double SERVICE_LEVEL_POINTS = 0.02;
    private static final double RELATIVE_WAIT = 0.10;
    private static final double HORIZON_SECONDS = 4_000_000;

    @ParameterizedTest(name = "Erlang C: {0} calls/h, AHT {1} s, {2} agents")
    @CsvSource({"200, 180, 12", "200, 180, 14", "480, 240, 36"})
    void erlangCMatchesTheSimulation(double callsPerHour, double aht, int agents) {
        double traffic = callsPerHour * aht / 3600;
        QueueMetrics model = ErlangC.of(traffic, aht).evaluate(agents, 20);
        StationaryQueue.Result sim =
                StationaryQueue.simulate(
                        new StationaryQueue.Params(
                                agents, callsPerHour / 3600, aht, 0, 20, HORIZON_SECONDS, 7));

        assertThat(sim.serviceLevel())
                .isCloseTo(model.serviceLevel(), within(SERVICE_LEVEL_POINTS));
        assertThat(sim.probWait()).isCloseTo(model.probWait(), within(SERVICE_LEVEL_POINTS));
        assertThat(sim.occupancy()).isCloseTo(model.occupancy(), within(SERVICE_LEVEL_POINTS));
        assertThat(sim.meanWaitSeconds())
                .isCloseTo(model.asaSeconds(), within(RELATIVE_WAIT * model.asaSeconds() + 0.5));
    }

    @ParameterizedTest(name = "Erlang A: {0} calls/h, AHT {1} s, patience {2} s, {3} agents")
    @CsvSource({"200, 180, 120, 9", "200, 180, 120, 11", "480, 240, 180, 30"})
    void erlangAMatchesTheSimulation(double callsPerHour, double aht, double patience, int agents) {
        double traffic = callsPerHour * aht / 3600;
        QueueMetrics model = ErlangA.of(traffic, aht, patience).evaluate(agents, 20);
        StationaryQueue.Result sim =
                StationaryQueue.simulate(
                        new StationaryQueue.Params(
                                agents,
                                callsPerHour / 3600,
                                aht,
                                patience,
                                20,
                                HORIZON_SECONDS,
                                11));

        assertThat(sim.serviceLevel())
                .isCloseTo(model.serviceLevel(), within(SERVICE_LEVEL_POINTS));
        assertThat(sim.abandonRate()).isCloseTo(model.probAbandon(), within(SERVICE_LEVEL_POINTS));
        assertThat(sim.occupancy()).isCloseTo(model.occupancy(), within(SERVICE_LEVEL_POINTS));
        assertThat(sim.meanWaitSeconds())
                .isCloseTo(model.asaSeconds(), within(RELATIVE_WAIT * model.asaSeconds() + 0.5));
    }
}
