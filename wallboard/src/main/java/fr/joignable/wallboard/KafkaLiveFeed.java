package fr.joignable.wallboard;

import fr.joignable.domain.live.LiveView;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live-view topic as a {@link LiveSnapshotSource}: one consumer thread, no consumer group
 * (partitions assigned by hand, nothing committed), starting at each partition's last record so the
 * page has the newest snapshot at once, then keeping the newest one it reads.
 *
 * <p>A record that is not a snapshot is skipped (counted, logged without its content). While the
 * topic does not exist the feed looks for it again every second.
 */
public final class KafkaLiveFeed implements LiveSnapshotSource, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaLiveFeed.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final long RETRY_MILLIS = 1000;

    /** How many offsets before the end of each partition the feed starts. */
    static final int START_BACK = 16;

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;
    private final Clock clock;
    private final Thread thread;
    private final SnapshotCell latest = new SnapshotCell();
    private final AtomicReference<TopicPartition> latestPartition = new AtomicReference<>();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private volatile boolean running = true;

    private KafkaLiveFeed(
            String bootstrapServers, String topic, Map<String, String> client, Clock clock) {
        this.topic = Objects.requireNonNull(topic, "topic");
        this.clock = clock;
        Properties props = new Properties();
        // tunable defaults, then the operator's client properties (security, timeouts), then the
        // settings the feed depends on
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "joignable-wallboard");
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        props.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2000);
        props.putAll(client);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        this.consumer = new KafkaConsumer<>(props);
        this.thread = new Thread(this::run, "wallboard-kafka-feed");
        this.thread.setDaemon(true);
    }

    /** Starts reading {@code topic} from the given brokers. */
    public static KafkaLiveFeed start(String bootstrapServers, String topic) {
        return start(bootstrapServers, topic, Clock.systemUTC());
    }

    public static KafkaLiveFeed start(String bootstrapServers, String topic, Clock clock) {
        return start(bootstrapServers, topic, Map.of(), clock);
    }

    /**
     * Starts reading {@code topic} with the operator's Kafka client properties (security, timeouts;
     * checked by {@link fr.joignable.domain.kafka.KafkaClientProperties}).
     */
    public static KafkaLiveFeed start(
            String bootstrapServers, String topic, Map<String, String> client) {
        return start(bootstrapServers, topic, client, Clock.systemUTC());
    }

    public static KafkaLiveFeed start(
            String bootstrapServers, String topic, Map<String, String> client, Clock clock) {
        KafkaLiveFeed feed = new KafkaLiveFeed(bootstrapServers, topic, client, clock);
        feed.thread.start();
        return feed;
    }

    @Override
    public Optional<LiveSnapshot> latest() {
        return Optional.ofNullable(latest.get());
    }

    @Override
    public Optional<LiveSnapshot> awaitOther(LiveSnapshot seen, long timeoutMillis)
            throws InterruptedException {
        return Optional.ofNullable(latest.awaitOther(seen, timeoutMillis));
    }

    /** Snapshots read so far. */
    public long received() {
        return received.get();
    }

    /** Records skipped because they were not snapshots. */
    public long rejected() {
        return rejected.get();
    }

    private void run() {
        try {
            while (running && !assign()) {
                Thread.sleep(RETRY_MILLIS);
            }
            while (running) {
                // a whole batch is read before the newest of it is shown: no flicker through
                // older snapshots at start
                LiveSnapshot newest = null;
                TopicPartition newestPartition = null;
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    LiveSnapshot snapshot = parse(record);
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    if (snapshot != null && newer(snapshot, tp, newest, newestPartition)) {
                        newest = snapshot;
                        newestPartition = tp;
                    }
                }
                if (newest != null
                        && newer(newest, newestPartition, latest.get(), latestPartition.get())) {
                    latest.set(newest);
                    latestPartition.set(newestPartition);
                }
            }
        } catch (WakeupException | InterruptedException e) {
            // closing
        } catch (RuntimeException e) {
            if (running) {
                LOG.error("The live-view feed stopped: {}", e.toString());
            }
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** Assigns every partition of the topic at its last record; false while the topic is absent. */
    private boolean assign() {
        List<PartitionInfo> infos;
        try {
            infos = consumer.partitionsFor(topic);
        } catch (WakeupException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warn("Topic {} not readable yet: {}", topic, e.toString());
            return false;
        }
        if (infos == null || infos.isEmpty()) {
            return false;
        }
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : infos) {
            partitions.add(new TopicPartition(topic, info.partition()));
        }
        consumer.assign(partitions);
        Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        for (TopicPartition tp : partitions) {
            long first = begin.getOrDefault(tp, 0L);
            long next = end.getOrDefault(tp, 0L);
            // a few records back, not just one: the last offsets may be transaction markers
            consumer.seek(tp, Math.max(first, next - START_BACK));
        }
        return true;
    }

    /** The record as a snapshot; null (counted, logged without content) when it is not one. */
    private LiveSnapshot parse(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return null;
        }
        LiveView view;
        try {
            view = LiveView.parse(record.value());
        } catch (IOException | RuntimeException e) {
            rejected.incrementAndGet();
            LOG.warn(
                    "Skipped record {}-{}@{}: not a live-view snapshot ({})",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.getClass().getSimpleName());
            return null;
        }
        received.incrementAndGet();
        Instant receivedAt =
                record.timestamp() > 0
                        ? min(Instant.ofEpochMilli(record.timestamp()), clock.instant())
                        : clock.instant();
        return LiveSnapshot.of(view, receivedAt);
    }

    /**
     * Whether {@code candidate} replaces {@code current}: within a partition the log order is the
     * truth (a later record always wins); across partitions the later production time wins.
     */
    private static boolean newer(
            LiveSnapshot candidate,
            TopicPartition candidatePartition,
            LiveSnapshot current,
            TopicPartition currentPartition) {
        return current == null
                || candidatePartition.equals(currentPartition)
                || !candidate.producedAt().isBefore(current.producedAt());
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
