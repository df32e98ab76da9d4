package fr.joignable.wallboard;

import java.time.Instant;
import java.util.Optional;

/** The exposition of a sample snapshot, for tests outside this package. */
public final class PrometheusMetricsAccess {
    private PrometheusMetricsAccess() {}

    public static String sampleExposition() {
        Instant now = Instant.parse("2026-11-28T12:00:02.750Z");
        return PrometheusMetrics.render(
                Optional.of(
                        LiveSnapshot.of(
                                Samples.view(
                                        Instant.parse("2026-10-05T08:15:03.120Z"),
                                        now.minusSeconds(2),
                                        3),
                                now)),
                now);
    }
}
