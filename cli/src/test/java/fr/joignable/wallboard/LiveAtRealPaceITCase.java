package fr.joignable.wallboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.joignable.devkit.EmbeddedKafka;
import fr.joignable.domain.event.AgentState;
import fr.joignable.domain.event.AgentStateChanged;
import fr.joignable.domain.event.Channel;
import fr.joignable.domain.event.ContactAnswered;
import fr.joignable.domain.event.ContactOffered;
import fr.joignable.domain.event.EventCodec;
import fr.joignable.domain.event.InteractionEvent;
import fr.joignable.domain.live.LiveView;
import fr.joignable.jobs.KafkaKpiRun;
import fr.joignable.jobs.KpiJobOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 at real pace, with the production defaults (5 minutes of out-of-orderness, 30 s source
 * idleness, 10 s checkpoints): a contact offered <em>now</em> is waiting on {@code /api/live}
 * within 2 s, and leaves the waiting count within 2 s of being answered. With a live view as of the
 * watermark it would appear only five minutes later.
 */
class LiveAtRealPaceITCase {

    private static final String QUEUE = "REAL_PACE";
    private static final Duration WITHIN = Duration.ofSeconds(2);

    @TempDir Path tmp;

    @Test
    void aContactOfferedNowIsWaitingWithinTwoSecondsAndLeavesWhenAnswered() throws Exception {
        Configuration conf = new Configuration(); // production defaults
        KpiJobOptions options = KpiJobOptions.from(conf);
        assertThat(options.outOfOrdernessMs).isEqualTo(Duration.ofMinutes(5).toMillis());
        HttpClient http = HttpClient.newHttpClient();
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            kafka.createTopics(2, options.eventsTopic);
            kafka.createTopics(1, options.kpiTopic, options.liveTopic, options.rejectedTopic);
            JobClient job =
                    KafkaKpiRun.start(
                            kafka.bootstrapServers(),
                            Files.createDirectories(tmp.resolve("out")),
                            conf);
            try (KafkaLiveFeed feed =
                            KafkaLiveFeed.start(kafka.bootstrapServers(), options.liveTopic);
                    WallboardServer page =
                            WallboardServer.start(feed, WallboardServer.Config.local(0));
                    KafkaProducer<String, byte[]> producer = producer(kafka)) {
                URI api = page.uri().resolve("/api/live");
                // the job is up once an agent logging in now shows on the page
                send(
                        producer,
                        options.eventsTopic,
                        "a1",
                        AgentStateChanged.of(
                                "e-a1", Instant.now(), "a1", "EQUIPE_A", AgentState.READY));
                assertThat(
                                awaitLive(
                                        http,
                                        api,
                                        v -> !v.path("teams").isEmpty(),
                                        Duration.ofSeconds(120)))
                        .as("the job publishes a first snapshot")
                        .isNotNull();

                long offeredAt = System.nanoTime();
                send(
                        producer,
                        options.eventsTopic,
                        "c1",
                        ContactOffered.anonymous(
                                "e-c1-offer", Instant.now(), "c1", Channel.PHONE, QUEUE, "OTHER"));
                JsonNode waiting = awaitLive(http, api, v -> waiting(v) == 1, WITHIN);
                assertThat(waiting)
                        .as(
                                "the contact is waiting within %s (after %d ms)",
                                WITHIN, (System.nanoTime() - offeredAt) / 1_000_000)
                        .isNotNull();

                long answeredAt = System.nanoTime();
                send(
                        producer,
                        options.eventsTopic,
                        "c1",
                        ContactAnswered.of("e-c1-answer", Instant.now(), "c1", "a1"));
                JsonNode answered = awaitLive(http, api, v -> waiting(v) == 0, WITHIN);
                assertThat(answered)
                        .as(
                                "the contact leaves the waiting count within %s (after %d ms)",
                                WITHIN, (System.nanoTime() - answeredAt) / 1_000_000)
                        .isNotNull();
                JsonNode interval = queue(answered).path("interval");
                assertThat(interval.path("offered").asLong()).isEqualTo(1);
                assertThat(interval.path("answered").asLong()).isEqualTo(1);
            } finally {
                job.cancel().get();
            }
        }
    }

    private static KafkaProducer<String, byte[]> producer(EmbeddedKafka kafka) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    private static void send(
            KafkaProducer<String, byte[]> producer, String topic, String key, InteractionEvent e)
            throws Exception {
        producer.send(new ProducerRecord<>(topic, key, EventCodec.instance().encodeBytes(e))).get();
    }

    private static JsonNode queue(JsonNode view) {
        for (JsonNode q : view.path("queues")) {
            if (QUEUE.equals(q.path("queue").asText())) {
                return q;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static long waiting(JsonNode view) {
        return queue(view).path("waiting").asLong(-1);
    }

    /** Polls {@code /api/live} every 20 ms until the test holds; null when it never does. */
    private static JsonNode awaitLive(
            HttpClient http, URI api, Predicate<JsonNode> test, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest get = HttpRequest.newBuilder(api).timeout(Duration.ofSeconds(5)).build();
        do {
            HttpResponse<String> r =
                    http.send(get, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() == 200) {
                JsonNode view = LiveView.json().readTree(r.body());
                if (test.test(view)) {
                    return view;
                }
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        return null;
    }
}
