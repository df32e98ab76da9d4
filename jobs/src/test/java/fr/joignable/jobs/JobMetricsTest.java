package fr.joignable.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import fr.joignable.domain.event.ContactAnswered;
import fr.joignable.domain.event.ContactEnded;
import fr.joignable.domain.event.InteractionEvent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job's metrics as a cluster's reporter sees them: a reporter registered in the MiniCluster's
 * configuration ({@link KeptMetricsReporter}, which keeps what it was given once the run's cluster
 * has shut down) collects every metric; the Joignable counters, summed over subtasks, equal the
 * run's accumulators (counted by other code: the late filter's, the dedup function's and the
 * contact function's accumulators), and the rejected ones are split by kind.
 *
 * <p>Two orphans are added by hand: an answer and an end of a contact that was never offered
 * ({@code ContactFunction} counts outcomes without an offer), so the orphan counter is at least 2.
 */
class JobMetricsTest {

    @TempDir Path dir;

    private String reporter;

    @AfterEach
    void forget() {
        KeptMetricsReporter.forget(reporter);
    }

    @Test
    void theReporterSeesReadRejectedLateOrphansAndRedeliveries() throws Exception {
        TestEvents gen = new TestEvents(5);
        Instant start = Instant.parse("2026-10-05T00:00:00Z");
        List<InteractionEvent> all = new ArrayList<>(gen.contacts(start, 2, 200));
        all.addAll(gen.agents(start, 2, 8));
        Instant noon = Instant.parse("2026-10-05T12:00:00Z");
        all.add(ContactAnswered.of("orphan-e1", noon, "orphan-c1", "orphan-a1"));
        all.add(ContactEnded.of("orphan-e2", noon.plusSeconds(60), "orphan-c1", "orphan-a1"));
        Path events = TestEvents.write(dir.resolve("events.jsonl"), gen.lines(all, true));

        Configuration conf = new Configuration();
        reporter = KeptMetricsReporter.register(conf);
        // a bounded run judges nothing late unless asked: ask, so that the late counter counts
        conf.set(KpiJobOptions.FILES_JUDGE_LATENESS, true);
        RunSummary summary = FileKpiRun.run(List.of(events), dir.resolve("out"), false, conf);
        Map<Metric, String> metrics = KeptMetricsReporter.metrics(reporter);

        assertThat(identifiers(metrics, "eventsRead"))
                .as("all metrics: %s", metrics.size())
                .isNotEmpty();
        assertThat(sum(metrics, "eventsRead"))
                .as(describe(metrics, "eventsRead"))
                .isEqualTo(summary.read())
                .isPositive();
        assertThat(sum(metrics, "eventsRejected"))
                .as(describe(metrics, "eventsRejected"))
                .isEqualTo(summary.rejected())
                .isPositive();
        assertThat(sum(metrics, "eventsLate"))
                .as(describe(metrics, "eventsLate"))
                .isEqualTo(summary.late())
                .isPositive();
        assertThat(sum(metrics, "eventsOrphaned"))
                .as(describe(metrics, "eventsOrphaned"))
                .isEqualTo(summary.orphans())
                .isGreaterThanOrEqualTo(2);
        assertThat(sum(metrics, "redeliveriesDropped"))
                .as(describe(metrics, "redeliveriesDropped"))
                .isEqualTo(summary.redeliveries())
                .isPositive();
        assertThat(identifiers(metrics, "eventsRejected"))
                .as("one counter per rejection kind, the kind as a key-value group")
                .anyMatch(id -> id.contains(".reason.not_json."))
                .allMatch(id -> id.contains(".joignable.reason."));
        assertThat(identifiers(metrics, "watermarkLagMs")).isNotEmpty();
    }

    /** The matching identifiers and values, for a failure's message. */
    private static String describe(Map<Metric, String> metrics, String name) {
        StringBuilder b = new StringBuilder(name).append(':');
        for (Map.Entry<Metric, String> m : metrics.entrySet()) {
            if (m.getValue().endsWith("." + name) && m.getKey() instanceof Counter c) {
                b.append(' ').append(m.getValue()).append('=').append(c.getCount());
            }
        }
        return b.toString();
    }

    /** The sum over subtasks of the Joignable counter {@code name}. */
    private static long sum(Map<Metric, String> metrics, String name) {
        long total = 0;
        for (Map.Entry<Metric, String> m : metrics.entrySet()) {
            if (isJoignable(m.getValue(), name) && m.getKey() instanceof Counter c) {
                total += c.getCount();
            }
        }
        return total;
    }

    private static List<String> identifiers(Map<Metric, String> metrics, String name) {
        List<String> ids = new ArrayList<>();
        for (Map.Entry<Metric, String> m : metrics.entrySet()) {
            if (isJoignable(m.getValue(), name)
                    && (m.getKey() instanceof Counter || m.getKey() instanceof Gauge)) {
                ids.add(m.getValue());
            }
        }
        return ids;
    }

    /** {@code <scope>.joignable[.<key>.<value>].<name>}: the group of JobMetrics. */
    private static boolean isJoignable(String identifier, String name) {
        return identifier.endsWith("." + name) && identifier.contains("." + JobMetrics.GROUP + ".");
    }
}
