package fr.joignable.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.joignable.devkit.EmbeddedKafka;
import fr.joignable.domain.event.Decoded;
import fr.joignable.domain.event.EventCodec;
import fr.joignable.domain.event.InteractionEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Events through a real (embedded) Kafka broker and the {@code stream} job (Kafka source bounded at
 * the offsets present at start, checkpoints, transactional Kafka sinks, Parquet committed on
 * checkpoints): its final tables — Parquet read back, and the KPI topic read with read_committed,
 * latest value per key — equal the bounded {@code kpi} run over the same events, one file per
 * partition in partition order, judging lateness per file like the live run (the opt-in {@link
 * KpiJobOptions#FILES_JUDGE_LATENESS}).
 */
class StreamKpiITCase {

    static final int PARTITIONS = 2;

    @TempDir Path dir;

    @Test
    void theStreamJobGivesTheBoundedRunsTables() throws Exception {
        TestEvents gen = new TestEvents(7);
        Instant start = Instant.parse("2026-10-05T00:00:00Z");
        List<InteractionEvent> all = new ArrayList<>(gen.contacts(start, 2, 150));
        all.addAll(gen.agents(start, 2, 8));
        List<byte[]> lines = gen.lines(all, true);
        List<List<byte[]>> byPartition = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
            byPartition.add(new ArrayList<>());
        }
        for (byte[] line : lines) {
            byPartition.get(partitionOf(line)).add(line);
        }
        List<Path> files = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
            files.add(TestEvents.write(dir.resolve("p" + p + ".jsonl"), byPartition.get(p)));
        }

        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        conf.set(KpiJobOptions.CHECKPOINT_INTERVAL, Duration.ofMillis(500));
        KpiJobOptions options = KpiJobOptions.from(conf);

        Path fileOut = dir.resolve("kpi");
        // the live rule of lateness, per file in line order: what the stream job does per partition
        RunSummary fileRun = FileKpiRun.run(files, fileOut, true, FileKpiRunTest.liveLateness());

        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            kafka.createTopics(PARTITIONS, options.eventsTopic);
            kafka.createTopics(1, options.kpiTopic, options.rejectedTopic, options.liveTopic);
            produce(kafka.bootstrapServers(), options.eventsTopic, byPartition);

            Path streamOut = dir.resolve("stream");
            RunSummary streamRun = KafkaKpiRun.run(kafka.bootstrapServers(), streamOut, true, conf);

            assertThat(streamRun.read()).isEqualTo(fileRun.read());
            assertThat(streamRun.rejected()).isEqualTo(fileRun.rejected());
            assertThat(streamRun.late()).isEqualTo(fileRun.late());
            assertThat(streamRun.orphans()).isEqualTo(fileRun.orphans());
            assertThat(streamRun.redeliveries()).isEqualTo(fileRun.redeliveries());

            TreeMap<String, Map<String, Object>> contacts =
                    CsvTables.read(fileOut.resolve("contact_intervals.csv"), 3);
            TreeMap<String, Map<String, Object>> agents =
                    CsvTables.read(fileOut.resolve("agent_intervals.csv"), 2);
            FileKpiRunTest.assertSameTables(ParquetRead.contactRows(streamOut), contacts);
            FileKpiRunTest.assertSameTables(ParquetRead.agentRows(streamOut), agents);

            Map<String, Map<String, Object>> topicContacts = new TreeMap<>();
            Map<String, Map<String, Object>> topicAgents = new TreeMap<>();
            readKpiTopic(kafka.bootstrapServers(), options.kpiTopic, topicContacts, topicAgents);
            FileKpiRunTest.assertSameTables(topicContacts, contacts);
            FileKpiRunTest.assertSameTables(topicAgents, agents);
            List<ConsumerRecord<byte[], byte[]>> live =
                    readAll(kafka.bootstrapServers(), options.liveTopic);
            assertThat(live).isNotEmpty();
            assertThat(new String(live.get(live.size() - 1).value(), StandardCharsets.UTF_8))
                    .contains("\"queues\"")
                    .doesNotContain("\"t1");
            assertThat(countRecords(kafka.bootstrapServers(), options.rejectedTopic))
                    .isEqualTo(fileRun.rejected() + fileRun.late());
        }
    }

    /** The partition a line goes to: by its Kafka key (contactId / agentId), else 0. */
    static int partitionOf(byte[] line) {
        Decoded d = EventCodec.instance().decode(line);
        if (d instanceof Decoded.Accepted a) {
            return Math.floorMod(a.event().key().hashCode(), PARTITIONS);
        }
        return 0;
    }

    static void produce(String bootstrap, String topic, List<List<byte[]>> byPartition)
            throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("acks", "all");
        p.put("enable.idempotence", "true");
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int part = 0; part < byPartition.size(); part++) {
                for (byte[] line : byPartition.get(part)) {
                    producer.send(new ProducerRecord<>(topic, part, null, line));
                }
            }
            producer.flush();
        }
    }

    static Properties consumerProps(String bootstrap) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("group.id", "check-" + System.nanoTime());
        p.put("auto.offset.reset", "earliest");
        p.put("isolation.level", "read_committed");
        return p;
    }

    static List<ConsumerRecord<byte[], byte[]>> readAll(String bootstrap, String topic) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c =
                new KafkaConsumer<>(
                        consumerProps(bootstrap),
                        new ByteArrayDeserializer(),
                        new ByteArrayDeserializer())) {
            c.subscribe(List.of(topic));
            int empty = 0;
            while (empty < 4) {
                var records = c.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    empty++;
                } else {
                    empty = 0;
                    records.forEach(out::add);
                }
            }
        }
        return out;
    }

    static long countRecords(String bootstrap, String topic) {
        return readAll(bootstrap, topic).size();
    }

    static void readKpiTopic(
            String bootstrap,
            String topic,
            Map<String, Map<String, Object>> contacts,
            Map<String, Map<String, Object>> agents)
            throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        Map<String, JsonNode> latest = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : readAll(bootstrap, topic)) {
            latest.put(new String(r.key(), StandardCharsets.UTF_8), mapper.readTree(r.value()));
        }
        for (Map.Entry<String, JsonNode> e : latest.entrySet()) {
            JsonNode n = e.getValue();
            boolean contact = n.get("kind").asText().equals("contact_intervals");
            Map<String, Object> row = new HashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (f.getValue().isNumber()) {
                    row.put(f.getKey(), f.getValue().asDouble());
                } else if (f.getValue().isNull()) {
                    row.put(f.getKey(), null);
                }
            }
            (contact ? contacts : agents).put(e.getKey(), row);
        }
    }
}
