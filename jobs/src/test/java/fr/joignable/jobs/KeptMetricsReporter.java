package fr.joignable.jobs;

import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

/**
 * A metric reporter for tests that keeps every metric it was given, by identifier, after the
 * metrics are removed and after it is closed.
 *
 * <p>Why not Flink's {@code InMemoryReporter}: a local environment runs a job on a MiniCluster of
 * its own and shuts that cluster down once the job has ended, which closes the cluster's metric
 * reporters, and {@code InMemoryReporter.close()} clears its map. {@code env.execute()} returns
 * before or after that shutdown depending on thread timing, so a test reading the reporter after
 * the run sometimes found every metric (the right values) and sometimes none or zeros — the
 * intermittent {@code JobMetricsTest}. Counters are plain objects: read after the job ended they
 * hold the final counts.
 */
public final class KeptMetricsReporter implements MetricReporter {

    private static final String ID_KEY = "id";
    private static final Map<String, Map<Metric, String>> BY_ID = new ConcurrentHashMap<>();

    private Map<Metric, String> metrics = new ConcurrentHashMap<>();

    /** A fresh id, and the configuration that registers a reporter under it. */
    public static String register(Configuration conf) {
        String id = UUID.randomUUID().toString();
        BY_ID.put(id, new ConcurrentHashMap<>());
        conf.setString("metrics.reporter.kept.factory.class", Factory.class.getName());
        conf.setString("metrics.reporter.kept." + ID_KEY, id);
        return id;
    }

    /**
     * Every metric reported under {@code id}, with its identifier ({@code <scope>.<name>}). Keyed
     * by the metric object (counters and gauges compare by identity): two groups may give the same
     * identifier (a task and its only operator share a name), neither hides the other.
     */
    public static Map<Metric, String> metrics(String id) {
        return BY_ID.getOrDefault(id, Map.of());
    }

    /** Forgets the metrics of {@code id}. */
    public static void forget(String id) {
        BY_ID.remove(id);
    }

    @Override
    public void open(MetricConfig config) {
        String id = config.getString(ID_KEY, "");
        metrics = BY_ID.computeIfAbsent(id, k -> new ConcurrentHashMap<>());
    }

    @Override
    public void close() {
        // kept on purpose: read after the cluster is gone
    }

    @Override
    public void notifyOfAddedMetric(Metric metric, String name, MetricGroup group) {
        metrics.put(metric, group.getMetricIdentifier(name));
    }

    @Override
    public void notifyOfRemovedMetric(Metric metric, String name, MetricGroup group) {
        // kept: a finished task removes its metrics before the test reads them
    }

    /** Instantiated by Flink from {@code metrics.reporter.kept.factory.class}. */
    public static final class Factory implements MetricReporterFactory {
        @Override
        public MetricReporter createMetricReporter(Properties properties) {
            return new KeptMetricsReporter();
        }
    }
}
