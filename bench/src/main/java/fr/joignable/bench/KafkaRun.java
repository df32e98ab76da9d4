package fr.joignable.bench;

import fr.joignable.devkit.EmbeddedKafka;
import fr.joignable.domain.event.Decoded;
import fr.joignable.domain.event.EventCodec;
import fr.joignable.jobs.KpiJobOptions;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The KPI job from Kafka (an embedded broker in this JVM, 2 partitions, events keyed like the job's
 * own tests: by contact or agent id), bounded at the offsets present at start, each run in a fresh
 * JVM ({@link KpiJobChild}):
 *
 * <ol>
 *   <li>the job's workflow into discarding sinks without checkpointing;
 *   <li>the same with exactly-once checkpoints every second: ratio 2/1 = the cost of checkpointing
 *       the job's state;
 *   <li>the real {@code joignable stream} run ({@code KafkaKpiRun}: Parquet files and Kafka
 *       transactions committed on checkpoints, every second): ratio 3/1 = the whole cost of the
 *       exactly-once outputs.
 * </ol>
 *
 * A bounded run with checkpointing ends at the first checkpoint after the end of the input, so the
 * interval is 1 s here (10 s by default in production).
 */
public final class KafkaRun {

    static final String NAME = "kafka";
    static final int PARTITIONS = 2;
    static final long CHECKPOINT_MS = 1000;

    private KafkaRun() {}

    public static List<Row> run(Path work, int days) throws Exception {
        SimEvents.Events ev = SimEvents.of(work, days);
        KpiJobOptions options = KpiJobOptions.defaults();
        List<Row> ratios = new ArrayList<>();
        List<Row> figures = new ArrayList<>();
        String w =
                String.format("%s of simulator output (%,d events)", KpiRun.span(days), ev.lines());
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            String bootstrap = kafka.bootstrapServers();
            kafka.createTopics(PARTITIONS, options.eventsTopic);
            kafka.createTopics(1, options.kpiTopic, options.rejectedTopic, options.liveTopic);
            double produced = produce(bootstrap, options.eventsTopic, ev.file());
            figures.add(
                    Row.of(
                            NAME,
                            "producing the events into the embedded broker, " + w,
                            produced,
                            "events/s"));
            String n = Long.toString(ev.lines());
            Map<String, String> off =
                    ChildJvm.run(
                            KpiJobChild.class,
                            List.of("kafka-mirror", bootstrap, "0", "bench-off", n),
                            3600);
            Map<String, String> on =
                    ChildJvm.run(
                            KpiJobChild.class,
                            List.of(
                                    "kafka-mirror",
                                    bootstrap,
                                    Long.toString(CHECKPOINT_MS),
                                    "bench-on",
                                    n),
                            3600);
            Path out = work.resolve("kafka-out");
            ReportRun.deleteTree(out);
            Map<String, String> real =
                    ChildJvm.run(
                            KpiJobChild.class,
                            List.of(
                                    "kafka-kpi",
                                    bootstrap,
                                    out.toString(),
                                    Long.toString(CHECKPOINT_MS),
                                    "bench-real"),
                            3600);
            ReportRun.deleteTree(out);
            double offRate = KpiRun.rate(off);
            double onRate = KpiRun.rate(on);
            double realRate = KpiRun.rate(real);
            ratios.add(
                    Row.ratio(
                            NAME,
                            "KPI workflow from Kafka, time with exactly-once checkpoints (1 s) / without, discarding sinks, "
                                    + w,
                            offRate / onRate,
                            "the cost of checkpointing the job's state"));
            ratios.add(
                    Row.ratio(
                            NAME,
                            "joignable stream run (exactly-once Parquet + Kafka outputs, checkpoints 1 s) time / workflow without checkpointing into discarding sinks, "
                                    + w,
                            offRate / realRate,
                            "the whole cost of exactly-once outputs"));
            figures.add(
                    Row.of(
                            NAME,
                            "workflow from Kafka, no checkpointing, discarding sinks, " + w,
                            offRate,
                            "events/s"));
            figures.add(
                    Row.of(
                            NAME,
                            "workflow from Kafka, exactly-once checkpoints every 1 s, discarding sinks, "
                                    + w,
                            onRate,
                            "events/s"));
            figures.add(
                    Row.of(
                            NAME,
                            "joignable stream run (KafkaKpiRun), exactly-once, checkpoints every 1 s, "
                                    + w,
                            realRate,
                            "events/s"));
            figures.add(
                    mem(
                            "joignable stream run, peak heap used (sampled, garbage included), "
                                    + w,
                            real,
                            "peakHeapMb"));
            figures.add(
                    mem(
                            "joignable stream run, peak live heap (after GC), " + w,
                            real,
                            "peakLiveMb"));
            figures.add(mem("joignable stream run, peak RSS, " + w, real, "peakRssMb"));
            figures.add(
                    mem(
                            "workflow without checkpointing, peak heap used (sampled, garbage included), "
                                    + w,
                            off,
                            "peakHeapMb"));
            figures.add(
                    mem(
                            "workflow without checkpointing, peak live heap (after GC), " + w,
                            off,
                            "peakLiveMb"));
            figures.add(mem("workflow without checkpointing, peak RSS, " + w, off, "peakRssMb"));
        }
        ratios.addAll(figures);
        return ratios;
    }

    private static Row mem(String what, Map<String, String> r, String key) {
        return Row.of(NAME, what, Double.parseDouble(r.get(key)), "MiB");
    }

    /** Sends every line, partitioned by the event's key; returns events per second. */
    static double produce(String bootstrap, String topic, Path file) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(512 * 1024));
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        EventCodec codec = EventCodec.instance();
        long n = 0;
        long t0 = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer =
                        new KafkaProducer<>(
                                p, new ByteArraySerializer(), new ByteArraySerializer());
                BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                byte[] value = line.getBytes(StandardCharsets.UTF_8);
                Decoded d = codec.decode(value);
                int part =
                        d instanceof Decoded.Accepted a
                                ? Math.floorMod(a.event().key().hashCode(), PARTITIONS)
                                : 0;
                producer.send(new ProducerRecord<>(topic, part, null, value));
                n++;
            }
            producer.flush();
        }
        return n / ((System.nanoTime() - t0) / 1e9);
    }
}
