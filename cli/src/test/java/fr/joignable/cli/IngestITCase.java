package fr.joignable.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.joignable.devkit.EmbeddedKafka;
import fr.joignable.domain.event.Decoded;
import fr.joignable.domain.event.EventCodec;
import fr.joignable.domain.event.EventType;
import fr.joignable.domain.event.InteractionEvent;
import fr.joignable.inputs.KafkaIngest;
import fr.joignable.inputs.Mapping;
import fr.joignable.inputs.Skips;
import fr.joignable.inputs.TailPosition;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ingest} against a real (embedded) Kafka broker while the queue_log grows: the follower is
 * killed in the middle of a transaction (after its records are sent, before the commit), the log is
 * rotated while it is down and again while it runs, a line is written in two halves; a second
 * follower with the same state resumes. Every event must be in the topic exactly once for a {@code
 * read_committed} reader: no loss, no repeat.
 */
class IngestITCase {

    static final String TOPIC = "joignable.events";
    static final String STATE_TOPIC = "joignable.ingest.state";
    static final long T0 = 1_759_651_200L;

    @TempDir Path dir;

    /** The lines of call {@code i}, and how many contact events they give (counted by hand). */
    static List<String> call(int i) {
        long t = T0 + i * 10L;
        String c = "c" + i;
        return switch (i % 4) {
            // answered: ENTERQUEUE, CONNECT, COMPLETECALLER → 3 contact events
            case 0, 1 ->
                    List.of(
                            t + "|" + c + "|loyers|NONE|ENTERQUEUE||06000000" + i + "|1",
                            (t + 5) + "|" + c + "|loyers|Agent/1|CONNECT|5|x" + i + "|2",
                            (t + 9) + "|" + c + "|loyers|Agent/1|COMPLETECALLER|5|4|1");
            // abandoned: 2 contact events
            case 2 ->
                    List.of(
                            t + "|" + c + "|loyers|NONE|ENTERQUEUE||06000000" + i + "|1",
                            (t + 8) + "|" + c + "|loyers|NONE|ABANDON|1|1|8");
            // refused, centre closed: CONTACT_DIVERTED and its CONTACT_OFFERED → 2
            default -> List.of(t + "|" + c + "|loyers|NONE|CLOSED|");
        };
    }

    static int contactEvents(int i) {
        return switch (i % 4) {
            case 0, 1 -> 3;
            case 2 -> 2;
            default -> 2;
        };
    }

    @Test
    void everyEventOnceAcrossAKillAndRotations() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            kafka.createTopics(2, TOPIC);
            Path log = dir.resolve("queue_log");
            Path state = dir.resolve("ingest.state.json");
            KafkaIngest.Settings settings =
                    new KafkaIngest.Settings(
                            log,
                            kafka.bootstrapServers(),
                            TOPIC,
                            STATE_TOPIC,
                            state,
                            "joignable-ingest-it",
                            Mapping.defaults(),
                            null,
                            20,
                            Duration.ofMillis(50));
            int calls = 0;
            int expected = 0;
            // first part of the log, then the first follower, which dies before its 4th commit
            for (; calls < 40; calls++) {
                append(log, call(calls));
                expected += contactEvents(calls);
            }
            AtomicReference<Throwable> died = new AtomicReference<>();
            try (KafkaIngest first = new KafkaIngest(settings, new Skips())) {
                first.beforeCommit(
                        batch -> {
                            if (batch == 3) {
                                throw new IllegalStateException("killed mid-transaction");
                            }
                        });
                Thread t = new Thread(() -> run(first, () -> false, died));
                t.start();
                t.join(Duration.ofMinutes(2).toMillis());
                assertThat(t.isAlive()).isFalse();
            }
            assertThat(died.get()).hasMessage("killed mid-transaction");
            long committedBeforeKill = TailPosition.fromJson(Files.readString(state)).line();
            assertThat(committedBeforeKill).isGreaterThan(0);

            // while it is down: more calls, then a rotation (rename) and a new file
            for (; calls < 60; calls++) {
                append(log, call(calls));
                expected += contactEvents(calls);
            }
            Files.move(log, dir.resolve("queue_log.1"));
            for (; calls < 70; calls++) {
                append(log, call(calls));
                expected += contactEvents(calls);
            }

            // the second follower resumes; the log keeps growing, with a partial line and a
            // rotation while it runs
            AtomicBoolean stop = new AtomicBoolean();
            AtomicReference<Throwable> failed = new AtomicReference<>();
            try (KafkaIngest second = new KafkaIngest(settings, new Skips())) {
                Thread t = new Thread(() -> run(second, stop::get, failed));
                t.start();
                for (; calls < 90; calls++) {
                    List<String> lines = call(calls);
                    if (calls == 75) {
                        String first = lines.get(0);
                        appendRaw(log, first.substring(0, 12));
                        Thread.sleep(300);
                        appendRaw(log, first.substring(12) + "\n");
                        append(log, lines.subList(1, lines.size()));
                    } else {
                        append(log, lines);
                    }
                    expected += contactEvents(calls);
                    if (calls == 80) {
                        waitFor(() -> caughtUp(state, log), "the follower to reach the end");
                        Files.move(
                                log,
                                dir.resolve("queue_log.1"),
                                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                    Thread.sleep(20);
                }
                waitFor(() -> caughtUp(state, log), "the follower to reach the end");
                stop.set(true);
                t.join(Duration.ofMinutes(1).toMillis());
            }
            assertThat(failed.get()).isNull();

            List<InteractionEvent> events = readCommitted(kafka.bootstrapServers());
            List<InteractionEvent> contact =
                    events.stream().filter(e -> e.type() != EventType.AGENT_STATE).toList();
            Set<String> ids = new HashSet<>();
            contact.forEach(e -> ids.add(e.eventId()));
            assertThat(ids).as("no event twice").hasSameSizeAs(contact);
            assertThat(contact).as("no event lost").hasSize(expected);
            Map<EventType, Integer> byType = new HashMap<>();
            contact.forEach(e -> byType.merge(e.type(), 1, Integer::sum));
            assertThat(byType.get(EventType.CONTACT_OFFERED)).isEqualTo(calls);
        }
    }

    static void run(
            KafkaIngest ingest,
            java.util.function.BooleanSupplier stop,
            AtomicReference<Throwable> error) {
        try {
            ingest.run(stop);
        } catch (Throwable e) {
            error.set(e);
        }
    }

    static boolean caughtUp(Path state, Path log) {
        try {
            if (!Files.exists(state) || !Files.exists(log)) {
                return false;
            }
            TailPosition p = TailPosition.fromJson(Files.readString(state));
            return p.offset() == Files.size(log)
                    && String.valueOf(
                                    Files.readAttributes(
                                                    log,
                                                    java.nio.file.attribute.BasicFileAttributes
                                                            .class)
                                            .fileKey())
                            .equals(p.fileKey());
        } catch (IOException e) {
            return false;
        }
    }

    static void waitFor(java.util.function.BooleanSupplier condition, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    static void append(Path log, List<String> lines) throws IOException {
        appendRaw(log, String.join("\n", lines) + "\n");
    }

    static void appendRaw(Path log, String text) throws IOException {
        try (OutputStream o =
                Files.newOutputStream(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            o.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    static List<InteractionEvent> readCommitted(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        List<InteractionEvent> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p)) {
            List<TopicPartition> parts =
                    List.of(new TopicPartition(TOPIC, 0), new TopicPartition(TOPIC, 1));
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    Decoded d = EventCodec.instance().decode(r.value());
                    assertThat(d.isAccepted()).isTrue();
                    out.add(((Decoded.Accepted) d).event());
                }
            }
        }
        return out;
    }
}
