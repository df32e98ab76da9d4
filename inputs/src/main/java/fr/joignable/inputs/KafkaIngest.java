package fr.joignable.inputs;

import fr.joignable.domain.event.EventCodec;
import fr.joignable.domain.event.InteractionEvent;
import fr.joignable.domain.io.AtomicFiles;
import fr.joignable.domain.io.InputException;
import fr.joignable.domain.privacy.TenantPseudonymizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code joignable ingest}: follows a growing {@code queue_log} ({@link FileTail}) and produces its
 * events ({@link QueueLogConverter} in live mode) to Kafka, exactly once across restarts.
 *
 * <p>How: each batch of lines is one Kafka transaction holding the batch's events <em>and</em> a
 * record of the follower's position after it in a compacted state topic (key: the followed path).
 * Both become visible together or not at all. At start the last committed position is read back
 * from the state topic ({@code read_committed}); {@code initTransactions} with the same
 * transactional id first aborts whatever a killed predecessor left open. So a restart neither loses
 * nor repeats an event: the lines after the committed position are read again and, being the same
 * lines, give the same events with the same ids. The position is kept in Kafka rather than only in
 * a file because no file write can be made atomic with a Kafka commit (a crash between the two
 * would repeat or lose a batch); the {@code --state} file is a copy written atomically after each
 * commit, used when the state topic holds nothing for this file (first run, or the topic was
 * deleted) and for people to read.
 */
public final class KafkaIngest implements AutoCloseable {

    /** Settings of one follower. */
    public record Settings(
            Path file,
            String bootstrapServers,
            String eventsTopic,
            String stateTopic,
            Path stateFile,
            String transactionalId,
            Mapping mapping,
            TenantPseudonymizer pseudonymizer,
            int maxBatchLines,
            Duration idlePoll,
            Map<String, String> clientProperties) {

        /**
         * @param clientProperties standard Kafka client properties (security, timeouts) applied to
         *     the producer, the state reader and the admin client before the ingest's own settings
         */
        public Settings {
            clientProperties = Map.copyOf(clientProperties);
        }

        /** Settings without extra client properties (a plaintext local broker). */
        public Settings(
                Path file,
                String bootstrapServers,
                String eventsTopic,
                String stateTopic,
                Path stateFile,
                String transactionalId,
                Mapping mapping,
                TenantPseudonymizer pseudonymizer,
                int maxBatchLines,
                Duration idlePoll) {
            this(
                    file,
                    bootstrapServers,
                    eventsTopic,
                    stateTopic,
                    stateFile,
                    transactionalId,
                    mapping,
                    pseudonymizer,
                    maxBatchLines,
                    idlePoll,
                    Map.of());
        }
    }

    /** Test hook: runs after a batch is sent and before it is committed. */
    public interface BeforeCommit {
        void run(long batch) throws Exception;
    }

    private final Settings s;
    private final KafkaProducer<String, byte[]> producer;
    private final Skips skips;
    private long events;
    private long batches;
    private BeforeCommit beforeCommit = b -> {};

    public KafkaIngest(Settings settings, Skips skips) {
        this.s = settings;
        this.skips = skips;
        createStateTopic();
        Properties p = new Properties();
        p.putAll(s.clientProperties());
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, s.bootstrapServers());
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, s.transactionalId());
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producer = new KafkaProducer<>(p);
        producer.initTransactions();
    }

    public void beforeCommit(BeforeCommit hook) {
        this.beforeCommit = hook;
    }

    public long events() {
        return events;
    }

    public long batches() {
        return batches;
    }

    /** Follows the file until {@code stop} says so; commits what it read, then returns. */
    public void run(BooleanSupplier stop) throws Exception {
        TailPosition start = committedPosition();
        List<InteractionEvent> pending = new ArrayList<>();
        QueueLogConverter converter =
                new QueueLogConverter(
                        QueueLogConverter.Mode.LIVE,
                        s.mapping(),
                        e ->
                                pending.add(
                                        s.pseudonymizer() == null ? e : s.pseudonymizer().apply(e)),
                        skips);
        try (FileTail tail = new FileTail(s.file(), start)) {
            while (!stop.getAsBoolean()) {
                List<FileTail.Line> lines = tail.poll(s.maxBatchLines());
                for (FileTail.Line l : lines) {
                    if (l.text().isBlank()) {
                        continue;
                    }
                    QueueLogLine q =
                            QueueLogText.parse(
                                    l.text(),
                                    new SourceRef(s.file().toString(), l.after().line()),
                                    skips);
                    if (q != null) {
                        converter.accept(q);
                    }
                }
                converter.flush();
                if (lines.isEmpty() && pending.isEmpty()) {
                    Thread.sleep(s.idlePoll().toMillis());
                    continue;
                }
                commit(pending, tail.position());
                pending.clear();
            }
        }
    }

    private void commit(List<InteractionEvent> batch, TailPosition after) throws Exception {
        EventCodec codec = EventCodec.instance();
        producer.beginTransaction();
        for (InteractionEvent e : batch) {
            producer.send(new ProducerRecord<>(s.eventsTopic(), e.key(), codec.encodeBytes(e)));
        }
        producer.send(
                new ProducerRecord<>(
                        s.stateTopic(),
                        stateKey(),
                        after.toJson().getBytes(StandardCharsets.UTF_8)));
        beforeCommit.run(batches);
        producer.commitTransaction();
        batches++;
        events += batch.size();
        if (s.stateFile() != null) {
            AtomicFiles.writeText(s.stateFile(), w -> w.write(after.toJson() + "\n"));
        }
    }

    private String stateKey() {
        return s.file().toAbsolutePath().normalize().toString();
    }

    /** The last committed position for this file: the state topic's, else the state file's. */
    TailPosition committedPosition() throws IOException {
        TailPosition fromKafka = readStateTopic();
        if (fromKafka != null) {
            return fromKafka;
        }
        if (s.stateFile() != null && Files.isRegularFile(s.stateFile())) {
            try {
                return TailPosition.fromJson(Files.readString(s.stateFile()));
            } catch (IOException e) {
                throw new InputException(
                        "unreadable state file " + s.stateFile() + ": " + e.getMessage());
            }
        }
        return null;
    }

    private TailPosition readStateTopic() throws IOException {
        Properties p = new Properties();
        p.putAll(s.clientProperties());
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, s.bootstrapServers());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        String key = stateKey();
        String last = null;
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p)) {
            List<TopicPartition> parts = new ArrayList<>();
            c.partitionsFor(s.stateTopic(), Duration.ofSeconds(30))
                    .forEach(i -> parts.add(new TopicPartition(i.topic(), i.partition())));
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = new HashMap<>(c.endOffsets(parts));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!reached(c, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("timed out reading the state topic " + s.stateTopic());
                }
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    if (key.equals(r.key())) {
                        last = new String(r.value(), StandardCharsets.UTF_8);
                    }
                }
            }
        }
        return last == null ? null : TailPosition.fromJson(last);
    }

    private static boolean reached(KafkaConsumer<?, ?> c, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (c.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void createStateTopic() {
        Properties p = new Properties();
        p.putAll(s.clientProperties());
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, s.bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            NewTopic t =
                    new NewTopic(s.stateTopic(), 1, (short) -1)
                            .configs(Map.of("cleanup.policy", "compact"));
            admin.createTopics(List.of(t)).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new InputException(
                        "cannot create the state topic "
                                + s.stateTopic()
                                + ": "
                                + e.getCause().getMessage());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException("interrupted while creating the state topic");
        }
    }

    /** Closes without committing: an open transaction is left for the next start to abort. */
    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
