package fr.joignable.jobs;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job's metrics as a cluster's reporter sees them: an in-memory {@code MetricReporter}
 * registered in the MiniCluster's configuration collects every metric; the Joignable counters,
 * summed over subtasks, equal the run's accumulators (counted by other code: the late filter, the
 * dedup function's accumulator), and the rejected ones are split by kind.
 */
class JobMetricsTest {

    @TempDir Path dir;

    @Test
    @org.junit.jupiter.api.Disabled(
            "intermittent since the order-independent bounded run (issue 21 stays open): the"
                    + " in-memory reporter sometimes reads every Joignable counter as 0 after the"
                    + " batch job ends; to be investigated with a streaming-mode run")
    void theReporterSeesReadRejectedLateAndRedeliveries() throws Exception {
        TestEvents gen = new TestEvents(5);
        Instant start = Instant.parse("2026-10-05T00:00:00Z");
        List<InteractionEvent> all = new ArrayList<>(gen.contacts(start, 2, 200));
        all.addAll(gen.agents(start, 2, 8));
        Path events = TestEvents.write(dir.resolve("events.jsonl"), gen.lines(all, true));

        InMemoryReporter reporter = InMemoryReporter.createWithRetainedMetrics();
        Configuration conf = reporter.addToConfiguration(new Configuration());
        // a bounded run judges nothing late unless asked: ask, so that the late counter counts
        conf.set(KpiJobOptions.FILES_JUDGE_LATENESS, true);
        RunSummary summary = FileKpiRun.run(List.of(events), dir.resolve("out"), false, conf);

        assertThat(identifiers(reporter, "eventsRead"))
                .as("all metrics: %s", reporter.getMetricsByGroup().size())
                .isNotEmpty();
        assertThat(sum(reporter, "eventsRead")).isEqualTo(summary.read()).isPositive();
        assertThat(sum(reporter, "eventsRejected")).isEqualTo(summary.rejected()).isPositive();
        assertThat(sum(reporter, "eventsLate")).isEqualTo(summary.late()).isPositive();
        assertThat(sum(reporter, "redeliveriesDropped"))
                .isEqualTo(summary.redeliveries())
                .isPositive();
        assertThat(identifiers(reporter, "eventsRejected"))
                .as("one counter per rejection kind, the kind as a key-value group")
                .anyMatch(id -> id.contains(".reason.not_json."))
                .allMatch(id -> id.contains(".joignable.reason."));
        assertThat(identifiers(reporter, "watermarkLagMs")).isNotEmpty();
        reporter.close();
    }

    private static long sum(InMemoryReporter reporter, String name) {
        long total = 0;
        for (Map.Entry<MetricGroup, Map<String, Metric>> g :
                reporter.getMetricsByGroup().entrySet()) {
            Metric m = g.getValue().get(name);
            if (m instanceof Counter c
                    && g.getKey().getMetricIdentifier(name).contains(".joignable.")) {
                total += c.getCount();
            }
        }
        return total;
    }

    private static List<String> identifiers(InMemoryReporter reporter, String name) {
        List<String> ids = new ArrayList<>();
        for (Map.Entry<MetricGroup, Map<String, Metric>> g :
                reporter.getMetricsByGroup().entrySet()) {
            Metric m = g.getValue().get(name);
            if (m instanceof Counter || m instanceof Gauge) {
                ids.add(g.getKey().getMetricIdentifier(name));
            }
        }
        return ids;
    }
}
