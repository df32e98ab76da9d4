package fr.joignable.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the harness and exactly-once failover on a real cluster: a three-broker Kafka cluster, a
 * Flink session cluster of one JobManager and two TaskManagers (2 slots each) as separate
 * processes, the shaded smoke job ({@link SmokeCountJob}) submitted at parallelism 4; one
 * TaskManager is killed (SIGKILL) once checkpoints have completed and while records are still
 * flowing, a replacement is started, the job restores from its last checkpoint and finishes. The
 * committed output must then hold, for every key, the running counts 1..n exactly once, n being the
 * number of records produced with that key: nothing lost, nothing counted or written twice.
 */
class ClusterHarnessITCase {

    private static final int RECORDS = 24_000;
    private static final int KEYS = 48;
    private static final int PARTITIONS = 4;
    private static final int PARALLELISM = 4;

    /** 4 subtasks x 400 records/s: about 15 s of input, so the kill lands mid-stream. */
    private static final int RECORDS_PER_SECOND_PER_SUBTASK = 400;

    private static final String INPUT = "smoke-input";
    private static final String OUTPUT = "smoke-counts";

    @Test
    void countsAreExactAfterATaskManagerIsKilledMidStream(
            @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir) throws Exception {
        Path jar = Path.of(System.getProperty("joignable.smokeJobJar"));
        assertThat(jar).exists();
        long t0 = System.nanoTime();

        try (KafkaCluster kafka = KafkaCluster.start(dir.resolve("kafka"));
                FlinkSessionCluster flink =
                        FlinkSessionCluster.builder(dir.resolve("flink"))
                                .taskManagers(2)
                                .slotsPerTaskManager(2)
                                .build()) {
            try {
                kafka.createTopics(PARTITIONS, INPUT, OUTPUT);
                Map<String, Long> expected = produce(kafka.bootstrapServers());
                log(t0, "Kafka up, %d records produced to %s", RECORDS, INPUT);

                flink.start();
                log(t0, "Flink up at %s", flink.restUrl());

                String jobId =
                        flink.submitJar(
                                jar,
                                SmokeCountJob.class.getName(),
                                PARALLELISM,
                                List.of(
                                        "--bootstrap-servers",
                                        kafka.bootstrapServers(),
                                        "--input-topic",
                                        INPUT,
                                        "--output-topic",
                                        OUTPUT,
                                        "--checkpoint-interval-ms",
                                        "1000",
                                        "--max-records-per-second-per-subtask",
                                        Integer.toString(RECORDS_PER_SECOND_PER_SUBTASK)));
                flink.waitForJobStatus(jobId, Set.of("RUNNING"), Duration.ofSeconds(60));
                log(t0, "job %s running", jobId);

                flink.waitForCheckpoints(jobId, 2, Duration.ofSeconds(60));
                assertThat(flink.jobStatus(jobId)).isEqualTo("RUNNING");
                long readBeforeKill = waitForRecordsRead(flink, jobId, Duration.ofSeconds(30));
                flink.killTaskManager(0);
                log(
                        t0,
                        "TaskManager 0 killed after %d of %d records read",
                        readBeforeKill,
                        RECORDS);
                assertThat(readBeforeKill).as("records read before the kill").isLessThan(RECORDS);
                flink.startTaskManager();

                flink.waitForJobStatus(jobId, Set.of("FINISHED"), Duration.ofMinutes(2));
                log(t0, "job finished");

                JsonNode restored = flink.checkpoints(jobId).path("latest").path("restored");
                assertThat(restored.isObject())
                        .as("the job restored from a checkpoint: %s", restored)
                        .isTrue();

                List<ConsumerRecord<String, String>> out =
                        readCommitted(kafka.bootstrapServers(), RECORDS);
                log(t0, "%d committed counts read back", out.size());

                Map<String, List<Long>> countsPerKey = new TreeMap<>();
                for (ConsumerRecord<String, String> r : out) {
                    countsPerKey
                            .computeIfAbsent(r.key(), k -> new ArrayList<>())
                            .add(Long.parseLong(r.value()));
                }
                assertThat(countsPerKey.keySet()).isEqualTo(expected.keySet());
                for (Map.Entry<String, Long> e : expected.entrySet()) {
                    List<Long> seen = countsPerKey.get(e.getKey());
                    // same partition per key, so the order is the emission order: exactly 1..n
                    assertThat(seen)
                            .as("committed running counts of %s", e.getKey())
                            .isEqualTo(
                                    LongStream.rangeClosed(1, e.getValue())
                                            .boxed()
                                            .collect(Collectors.toList()));
                }
                assertThat(out).hasSize(RECORDS);
                log(t0, "restored from checkpoint %s; all counts exact", restored.path("id"));
            } catch (Throwable t) {
                System.err.println(flink.logTails(60));
                throw t;
            }
        }
    }

    /**
     * Waits until the REST job details report records read by the source (the JobManager's metric
     * fetcher answers from a cache refreshed in the background) and returns that count.
     */
    private static long waitForRecordsRead(
            FlinkSessionCluster flink, String jobId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long read = sourceRecordsOut(flink, jobId);
            if (read > 0) {
                return read;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no records read after " + timeout);
            }
            Thread.sleep(250);
        }
    }

    /** Records the source vertex has emitted, from the REST job details (at most ~1 s old). */
    private static long sourceRecordsOut(FlinkSessionCluster flink, String jobId) {
        JsonNode vertices = flink.jobDetails(jobId).path("vertices");
        for (JsonNode v : vertices) {
            if (v.path("name").asText().contains("Source")) {
                return v.path("metrics").path("write-records").asLong();
            }
        }
        throw new AssertionError("no source vertex in " + vertices);
    }

    private static Map<String, Long> produce(String bootstrap) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        Map<String, Long> expected = new HashMap<>();
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < RECORDS; i++) {
                String key = "key-" + (i % KEYS);
                producer.send(new ProducerRecord<>(INPUT, key, key));
                expected.merge(key, 1L, Long::sum);
            }
            producer.flush();
        }
        return expected;
    }

    /**
     * Reads the output topic with {@code isolation.level=read_committed} from the start up to the
     * last stable offset of every partition; with {@code atLeast} > 0, keeps reading (up to 90 s)
     * until that many records have come.
     */
    private static List<ConsumerRecord<String, String>> readCommitted(
            String bootstrap, int atLeast) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> parts =
                    consumer.partitionsFor(OUTPUT).stream()
                            .map(i -> new TopicPartition(OUTPUT, i.partition()))
                            .collect(Collectors.toList());
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (true) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
                Map<TopicPartition, Long> end =
                        consumer.endOffsets(parts); // LSO when read_committed
                boolean atEnd = parts.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
                if (atEnd && out.size() >= atLeast) {
                    return out;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(
                            "read "
                                    + out.size()
                                    + " committed records of "
                                    + OUTPUT
                                    + ", expected at least "
                                    + atLeast);
                }
            }
        }
    }

    private static void log(long t0, String format, Object... args) {
        System.out.printf(
                "[%5.1f s] %s%n", (System.nanoTime() - t0) / 1e9, String.format(format, args));
    }
}
