package fr.joignable.wallboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.joignable.domain.live.LiveView;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The wallboard against a real (embedded) Kafka broker: snapshots produced to the live-view topic
 * are served, the newest first, and changes are pushed over Server-Sent Events within a second.
 */
class KafkaWallboardITCase {

    private static final String TOPIC = "joignable.live";
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);

    private static KafkaClusterTestKit kafka;
    private static KafkaProducer<String, String> producer;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka =
                new KafkaClusterTestKit.Builder(
                                new TestKitNodes.Builder()
                                        .setCombined(true)
                                        .setNumBrokerNodes(1)
                                        .setNumControllerNodes(1)
                                        .build())
                        .setConfigProp("offsets.topic.replication.factor", "1")
                        .setConfigProp("transaction.state.log.replication.factor", "1")
                        .setConfigProp("transaction.state.log.min.isr", "1")
                        .build();
        kafka.format();
        kafka.startup();
        kafka.waitForReadyBrokers();
        try (Admin admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
        }
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        producer = new KafkaProducer<>(props);
    }

    @AfterAll
    static void stopKafka() throws Exception {
        if (producer != null) {
            producer.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    private static void produce(String json) throws Exception {
        producer.send(new ProducerRecord<>(TOPIC, "live", json)).get();
    }

    private static String snapshot(long loyersWaiting) {
        Instant now = Instant.now();
        return Samples.json(now.minusSeconds(86_400 * 50), now, loyersWaiting);
    }

    private static void createTopic(String topic) throws Exception {
        try (Admin admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
    }

    private static LiveSnapshot awaitSnapshot(KafkaLiveFeed feed, long waiting, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            var latest = feed.latest();
            if (latest.isPresent() && latest.get().view().queues().get(0).waiting() == waiting) {
                return latest.get();
            }
            Thread.sleep(20);
        }
        return null;
    }

    @Test
    void waitsForATopicCreatedAfterItStarted() throws Exception {
        String topic = "joignable.live.late";
        try (KafkaLiveFeed feed = KafkaLiveFeed.start(kafka.bootstrapServers(), topic)) {
            Thread.sleep(500);
            assertThat(feed.latest()).isEmpty();
            createTopic(topic);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            LiveSnapshot got = null;
            while (got == null && System.nanoTime() < deadline) {
                producer.send(new ProducerRecord<>(topic, "live", snapshot(11))).get();
                got = awaitSnapshot(feed, 11, Duration.ofMillis(500));
            }
            assertThat(got).as("a snapshot once the topic exists").isNotNull();
        }
    }

    @Test
    void findsTheLastSnapshotBehindTransactionMarkers() throws Exception {
        String topic = "joignable.live.tx";
        createTopic(topic);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "wallboard-it-tx");
        try (KafkaProducer<String, String> tx = new KafkaProducer<>(props)) {
            tx.initTransactions();
            tx.beginTransaction();
            tx.send(new ProducerRecord<>(topic, "live", snapshot(21)));
            tx.commitTransaction(); // the partition now ends with a commit marker
        }
        try (KafkaLiveFeed feed = KafkaLiveFeed.start(kafka.bootstrapServers(), topic)) {
            assertThat(awaitSnapshot(feed, 21, Duration.ofSeconds(10))).isNotNull();
        }
    }

    @Test
    void servesTheNewestSnapshotAndPushesChangesWithinASecond() throws Exception {
        int before = KafkaLiveFeed.START_BACK + 20;
        for (int i = 1; i < before; i++) {
            produce(snapshot(100 + i));
        }
        produce(snapshot(3)); // the newest before the wallboard starts

        HttpClient client = HttpClient.newHttpClient();
        try (KafkaLiveFeed feed = KafkaLiveFeed.start(kafka.bootstrapServers(), TOPIC);
                WallboardServer server =
                        WallboardServer.start(feed, WallboardServer.Config.local(0))) {
            // starting at the last record: the page has the newest snapshot at once
            HttpResponse<String> live = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (System.nanoTime() < deadline) {
                live =
                        client.send(
                                HttpRequest.newBuilder(server.uri().resolve("/api/live")).build(),
                                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (live.statusCode() == 200) {
                    break;
                }
                Thread.sleep(50);
            }
            assertThat(live.statusCode()).isEqualTo(200);
            JsonNode json = LiveView.json().readTree(live.body());
            assertThat(json.at("/queues/0/waiting").asLong()).isEqualTo(3);
            assertThat(live.body()).doesNotContain("T-123456");
            assertThat(feed.received())
                    .as("started near the end of the topic, not at its beginning")
                    .isBetween(1L, (long) KafkaLiveFeed.START_BACK);

            try (SseClient sse = new SseClient(client, server.uri().resolve("/events"))) {
                SseClient.Event first = sse.next(ONE_SECOND);
                assertThat(first.data().get("state").asText()).isEqualTo("live");
                assertThat(first.data().at("/queues/0/waiting").asLong()).isEqualTo(3);

                produce("this is not a snapshot");
                for (long waiting : new long[] {17, 18}) {
                    long sent = System.nanoTime();
                    produce(snapshot(waiting));
                    SseClient.Event pushed =
                            sse.until(
                                    v -> v.at("/queues/0/waiting").asLong() == waiting, ONE_SECOND);
                    assertThat(pushed)
                            .as("snapshot %d pushed within a second", waiting)
                            .isNotNull();
                    assertThat(Duration.ofNanos(pushed.arrivedNanos() - sent))
                            .isLessThan(ONE_SECOND);
                }
                assertThat(feed.rejected()).isEqualTo(1);

                HttpResponse<String> metrics =
                        client.send(
                                HttpRequest.newBuilder(server.uri().resolve("/metrics")).build(),
                                HttpResponse.BodyHandlers.ofString());
                assertThat(metrics.body())
                        .contains("joignable_waiting_contacts{queue=\"LOYERS\"} 18\n");
            }
        }
    }
}
