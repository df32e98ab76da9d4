package fr.joignable.forecasting.staffing;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * One more agent never makes a queue worse (jqwik, random traffic, handle time, patience and
 * threshold): with Erlang C and with Erlang A the service level does not fall, the probability of
 * waiting, the mean wait (ASA) and, in Erlang A, the probability of abandoning do not rise.
 * Tolerance 1e-9 on each comparison (the models are closed forms and a finite series evaluated in
 * doubles).
 */
class ErlangMonotonicityPropertiesTest {

    private static final double EPS = 1e-9;

    private static void assertNotWorse(QueueMetrics fewer, QueueMetrics more) {
        assertThat(more.serviceLevel()).isGreaterThanOrEqualTo(fewer.serviceLevel() - EPS);
        assertThat(more.probWait()).isLessThanOrEqualTo(fewer.probWait() + EPS);
        if (fewer.stable()) {
            assertThat(more.stable()).isTrue();
            assertThat(more.asaSeconds()).isLessThanOrEqualTo(fewer.asaSeconds() + EPS);
        }
    }

    @Property(tries = 400)
    void erlangCMoreAgentsNeverWorse(
            @ForAll @DoubleRange(min = 0.05, max = 60) double traffic,
            @ForAll @DoubleRange(min = 10, max = 900) double ahtSeconds,
            @ForAll @DoubleRange(min = 0, max = 120) double thresholdSeconds,
            @ForAll @IntRange(min = 0, max = 12) int extra) {
        ErlangC model = ErlangC.of(traffic, ahtSeconds);
        // from the first stable staffing upwards
        int n = model.minimumAgents() + extra;
        assertNotWorse(
                model.evaluate(n, thresholdSeconds), model.evaluate(n + 1, thresholdSeconds));
    }

    @Property(tries = 400)
    void erlangAMoreAgentsNeverWorse(
            @ForAll @DoubleRange(min = 0.05, max = 60) double traffic,
            @ForAll @DoubleRange(min = 10, max = 900) double ahtSeconds,
            @ForAll @DoubleRange(min = 5, max = 900) double patienceSeconds,
            @ForAll @DoubleRange(min = 0, max = 120) double thresholdSeconds,
            @ForAll @IntRange(min = 1, max = 80) int agents) {
        ErlangA model = ErlangA.of(traffic, ahtSeconds, patienceSeconds);
        QueueMetrics fewer = model.evaluate(agents, thresholdSeconds);
        QueueMetrics more = model.evaluate(agents + 1, thresholdSeconds);
        assertNotWorse(fewer, more);
        assertThat(more.probAbandon()).isLessThanOrEqualTo(fewer.probAbandon() + EPS);
    }
}
