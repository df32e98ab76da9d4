package fr.joignable.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.joignable.domain.event.AgentState;
import fr.joignable.domain.event.AgentStateChanged;
import fr.joignable.domain.event.Channel;
import fr.joignable.domain.event.ContactOffered;
import fr.joignable.domain.event.EventCodec;
import fr.joignable.jobs.kafka.EmbeddedKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Live latency, event → live view: the real unbounded {@code joignable stream} run in its own JVM
 * on an embedded broker; this JVM sends, on one partition and in event-time order, an agent-state
 * heartbeat every 50 ms (so that the watermark moves) and every 250 ms a probe: a phone contact
 * offered to queue {@code BENCH_PROBE}, never answered. The latency of probe k is the wall-clock
 * time from its send to the first snapshot on the live topic whose {@code waiting} count for that
 * queue reaches k. The live view is as of the job's watermark, i.e. the latest event time minus the
 * out-of-orderness (5 minutes by default, set to {@code oooMs} here), and is published once a
 * second: the latency is that bound plus at most a second plus the pipeline's own delay.
 */
public final class LatencyRun {

    static final String NAME = "latency";
    private static final String QUEUE = "BENCH_PROBE";

    private LatencyRun() {}

    public static List<Row> run(Path work, int probes, long oooMs) throws Exception {
        String prefix = "bench-live-" + UUID.randomUUID().toString().substring(0, 8);
        Path log = work.resolve("latency-job.log");
        Path out = work.resolve("latency-out");
        ReportRun.deleteTree(out);
        double[] latencies;
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            String bootstrap = kafka.bootstrapServers();
            kafka.createTopics(
                    1,
                    prefix + ".events",
                    prefix + ".live",
                    prefix + ".kpis",
                    prefix + ".rejected");
            Process job =
                    ChildJvm.start(
                            KpiJobChild.class,
                            List.of(
                                    "kafka-live",
                                    bootstrap,
                                    out.toString(),
                                    prefix,
                                    Long.toString(oooMs)),
                            log);
            try {
                latencies = measure(bootstrap, prefix, probes);
            } finally {
                job.destroy();
                if (!job.waitFor(
                        Duration.ofSeconds(10).toMillis(),
                        java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    job.destroyForcibly();
                }
            }
        }
        ReportRun.deleteTree(out);
        Arrays.sort(latencies);
        String w =
                String.format(
                        "%d probes, out-of-orderness %d ms (production default 5 min adds exactly that), snapshot every 1 s",
                        latencies.length, oooMs);
        double p50 = percentile(latencies, 50);
        double p99 = percentile(latencies, 99);
        return List.of(
                Row.ratio(NAME, "p99 / p50 of event → live-view latency, " + w, p99 / p50, ""),
                Row.of(NAME, "event → live-view latency p50, " + w, p50, "ms"),
                Row.of(NAME, "event → live-view latency p99, " + w, p99, "ms"));
    }

    static double percentile(double[] sorted, double p) {
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static double[] measure(String bootstrap, String prefix, int probes) throws Exception {
        EventCodec codec = EventCodec.instance();
        ObjectMapper json = new ObjectMapper();
        Properties pp = new Properties();
        pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        pp.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        Properties cp = new Properties();
        cp.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        cp.put(ConsumerConfig.GROUP_ID_CONFIG, prefix + "-reader");
        cp.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        long[] sent = new long[probes];
        double[] latency = new double[probes];
        Arrays.fill(latency, -1);
        try (KafkaProducer<byte[], byte[]> producer =
                        new KafkaProducer<>(
                                pp, new ByteArraySerializer(), new ByteArraySerializer());
                KafkaConsumer<byte[], byte[]> consumer =
                        new KafkaConsumer<>(
                                cp, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(prefix + ".live"));
            String events = prefix + ".events";
            long seq = 0;
            int nextProbe = 0;
            int seen = 0;
            boolean ready = false;
            long started = System.currentTimeMillis();
            long nextSend = started;
            long deadline = Long.MAX_VALUE;
            while (seen < probes) {
                long now = System.currentTimeMillis();
                if (now >= nextSend) {
                    nextSend = now + 50;
                    seq++;
                    AgentStateChanged hb =
                            AgentStateChanged.of(
                                    "hb-" + seq,
                                    Instant.ofEpochMilli(now),
                                    "bench-agent",
                                    "BENCH",
                                    seq % 2 == 0 ? AgentState.READY : AgentState.NOT_READY);
                    producer.send(new ProducerRecord<>(events, 0, null, codec.encodeBytes(hb)));
                    if (ready && nextProbe < probes && seq % 5 == 0) {
                        long t = System.currentTimeMillis();
                        ContactOffered probe =
                                ContactOffered.of(
                                        "probe-" + nextProbe,
                                        Instant.ofEpochMilli(t),
                                        "probe-c-" + nextProbe,
                                        Channel.PHONE,
                                        QUEUE,
                                        "OTHER",
                                        2,
                                        null,
                                        null);
                        producer.send(
                                new ProducerRecord<>(events, 0, null, codec.encodeBytes(probe)));
                        sent[nextProbe++] = t;
                        if (nextProbe == probes) {
                            deadline = t + 60_000;
                        }
                    }
                    producer.flush();
                }
                if (now > deadline || (!ready && now - started > 120_000)) {
                    break;
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(10))) {
                    long at = System.currentTimeMillis();
                    ready = true;
                    JsonNode snap = json.readTree(r.value());
                    for (JsonNode q : snap.path("queues")) {
                        if (QUEUE.equals(q.path("queue").asText())) {
                            int waiting = q.path("waiting").asInt();
                            while (seen < Math.min(waiting, nextProbe)) {
                                latency[seen] = at - sent[seen];
                                seen++;
                            }
                        }
                    }
                }
            }
            if (seen == 0) {
                throw new IllegalStateException(
                        ready
                                ? "no probe reached the live view"
                                : "the job published no live view within 2 minutes");
            }
            return Arrays.copyOf(latency, seen);
        }
    }
}
