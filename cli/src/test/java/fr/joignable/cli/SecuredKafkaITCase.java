package fr.joignable.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.joignable.domain.event.Decoded;
import fr.joignable.domain.event.EventCodec;
import fr.joignable.domain.event.EventType;
import fr.joignable.wallboard.command.WallboardCommand;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code stream}, {@code wallboard} and {@code ingest} against a Kafka listener secured as a
 * company or managed cluster is: SASL_SSL, SCRAM-SHA-256 over TLS with a self-signed certificate
 * ({@link SecuredKafka}). The clients get their settings only from {@code --kafka-config} and
 * {@code -X}; the broker refuses a wrong password; no secret appears in the commands' output.
 */
class SecuredKafkaITCase {

    private static final String EVENTS = "joignable.events";
    private static final String KPIS = "joignable.kpis";
    private static final String LIVE = "joignable.live";
    private static final String REJECTED = "joignable.rejected";

    @TempDir Path dir;

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void streamAndWallboardWorkOverSaslSsl() throws Exception {
        try (SecuredKafka kafka = SecuredKafka.start(dir)) {
            kafka.createTopics(2, EVENTS);
            kafka.createTopics(1, KPIS, LIVE, REJECTED);
            Path clientConfig = dir.resolve("client.properties");
            SecuredKafka.write(clientConfig, kafka.clientProperties(kafka.password()));

            assertThatThrownBy(() -> describeWith(kafka, "wrong-password"))
                    .as("the listener really authenticates")
                    .hasRootCauseInstanceOf(SaslAuthenticationException.class);

            int produced = produceEvents(kafka);
            assertThat(produced).isGreaterThan(100);

            // stream: the Kafka source, the transactional KPI sinks, the live-view sink
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cli = JoignableCli.create(new PrintWriter(out, true), new PrintWriter(err));
            int status =
                    cli.execute(
                            "stream",
                            "--bootstrap-servers",
                            kafka.secureBootstrap(),
                            "--kafka-config",
                            clientConfig.toString(),
                            "--out",
                            dir.resolve("tables").toString(),
                            "--checkpoint-interval",
                            "1s",
                            "--until-end");
            assertThat(status).as("stream exit status; stderr: %s", err).isZero();
            assertThat(out.toString()).contains("events read: " + produced);
            assertThat(Files.list(dir.resolve("tables").resolve("contact_intervals"))).isNotEmpty();
            assertThat(count(kafka, KPIS)).as("KPI upserts written over SASL_SSL").isPositive();
            assertNoSecret(kafka, out + err.toString());

            // wallboard: its consumer reads the live topic; the trust store password given by -X
            Path withoutTrustPassword = dir.resolve("client-no-ts-password.properties");
            SecuredKafka.write(
                    withoutTrustPassword,
                    kafka.clientProperties(kafka.password())
                            .replace("ssl.truststore.password=" + kafka.truststorePassword(), ""));
            StringWriter wOut = new StringWriter();
            StringWriter wErr = new StringWriter();
            CommandLine wallboard =
                    JoignableCli.create(new PrintWriter(wOut, true), new PrintWriter(wErr, true));
            WallboardCommand command =
                    (WallboardCommand) wallboard.getSubcommands().get("wallboard").getCommand();
            command.environment = Map.of();
            Thread server =
                    new Thread(
                            () ->
                                    wallboard.execute(
                                            "wallboard",
                                            "--bootstrap-servers",
                                            kafka.secureBootstrap(),
                                            "--port",
                                            "0",
                                            "--kafka-config",
                                            withoutTrustPassword.toString(),
                                            "-X",
                                            "ssl.truststore.password="
                                                    + kafka.truststorePassword()));
            server.start();
            try {
                URI uri = awaitUri(wOut);
                HttpResponse<String> live = awaitLive(uri.resolve("/api/live"));
                assertThat(live.statusCode()).isEqualTo(200);
                assertThat(live.body()).contains("\"queues\"");
            } finally {
                command.stop.countDown();
                server.join(20_000);
            }
            assertNoSecret(kafka, wOut + wErr.toString());
        }
    }

    /**
     * {@code ingest}: its transactional producer, its position reader and its creation of the state
     * topic all go over SASL_SSL with the settings of {@code --kafka-config}; every event of the
     * followed queue_log reaches the topic once (counted by hand in {@link IngestITCase#call}).
     */
    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void ingestProducesOverSaslSsl() throws Exception {
        try (SecuredKafka kafka = SecuredKafka.start(dir)) {
            kafka.createTopics(2, EVENTS);
            Path clientConfig = dir.resolve("client.properties");
            SecuredKafka.write(clientConfig, kafka.clientProperties(kafka.password()));
            Path log = dir.resolve("queue_log");
            int expected = 0;
            for (int i = 0; i < 20; i++) {
                IngestITCase.append(log, IngestITCase.call(i));
                expected += IngestITCase.contactEvents(i);
            }
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cli = JoignableCli.create(new PrintWriter(out, true), new PrintWriter(err));
            IngestCommand command = (IngestCommand) cli.getSubcommands().get("ingest").getCommand();
            int[] status = {-1};
            Thread follower =
                    new Thread(
                            () ->
                                    status[0] =
                                            cli.execute(
                                                    "ingest",
                                                    "--from",
                                                    "asterisk-queue-log",
                                                    "--follow",
                                                    log.toString(),
                                                    "--bootstrap-servers",
                                                    kafka.secureBootstrap(),
                                                    "--kafka-config",
                                                    clientConfig.toString(),
                                                    "--state",
                                                    dir.resolve("ingest.state.json").toString(),
                                                    "--poll",
                                                    "0.1"));
            follower.start();
            int[] seen;
            try {
                seen = awaitContactEvents(kafka, EVENTS, expected);
                // lines written while it runs follow the first ones
                for (int i = 20; i < 30; i++) {
                    IngestITCase.append(log, IngestITCase.call(i));
                    expected += IngestITCase.contactEvents(i);
                }
                seen = awaitContactEvents(kafka, EVENTS, expected);
            } finally {
                command.stop.set(true);
                follower.join(60_000);
            }
            assertThat(follower.isAlive()).as("ingest stops when asked").isFalse();
            assertThat(status[0]).as("ingest exit status; stderr: %s", err).isZero();
            assertThat(seen[0])
                    .as("contact events in the topic, read_committed")
                    .isEqualTo(expected);
            assertThat(out.toString()).contains("events produced: " + seen[1]);
            assertNoSecret(kafka, out + err.toString());
        }
    }

    /**
     * Polls the topic (read_committed, from the start) until it holds {@code expected} contact
     * events or 60 s have passed, then a little longer (a repeat would show as more): {contact
     * events, all records} (the agents' states that CONNECT and COMPLETECALLER also give are not
     * counted by hand).
     */
    private static int[] awaitContactEvents(SecuredKafka kafka, String topic, int expected)
            throws Exception {
        Map<String, Object> props = new HashMap<>(kafka.secureClient());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-await-" + System.nanoTime());
        int[] n = {0, 0};
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            int extra = 0;
            while (System.nanoTime() < deadline && extra < 3) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    n[1]++;
                    Decoded d = EventCodec.instance().decode(r.value());
                    if (d instanceof Decoded.Accepted a
                            && a.event().type() != EventType.AGENT_STATE) {
                        n[0]++;
                    }
                }
                if (n[0] >= expected) {
                    extra++;
                }
            }
        }
        return n;
    }

    @Test
    void aClientPropertyTypoIsRefusedBeforeConnecting() throws Exception {
        StringWriter err = new StringWriter();
        CommandLine cli =
                JoignableCli.create(new PrintWriter(new StringWriter()), new PrintWriter(err));
        int status =
                cli.execute(
                        "wallboard",
                        "--bootstrap-servers",
                        "127.0.0.1:1",
                        "-X",
                        "sasl.mechansim=SCRAM-SHA-256");
        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("sasl.mechansim is not a Kafka client property");
        Path file = dir.resolve("bad.properties");
        Files.writeString(file, "bootstrap.servers=elsewhere:9092\nssl.key.password=hunter2\n");
        StringWriter err2 = new StringWriter();
        cli = JoignableCli.create(new PrintWriter(new StringWriter()), new PrintWriter(err2));
        status =
                cli.execute(
                        "stream",
                        "--bootstrap-servers",
                        "127.0.0.1:1",
                        "--out",
                        dir.resolve("o").toString(),
                        "--kafka-config",
                        file.toString());
        assertThat(status).isEqualTo(1);
        assertThat(err2.toString())
                .contains("bootstrap.servers cannot be set here: use --bootstrap-servers")
                .doesNotContain("hunter2");
    }

    private static void assertNoSecret(SecuredKafka kafka, String output) {
        assertThat(output)
                .doesNotContain(kafka.password())
                .doesNotContain(kafka.truststorePassword());
    }

    private static void describeWith(SecuredKafka kafka, String password) throws Exception {
        Map<String, Object> props = new HashMap<>(kafka.secureClient());
        props.put(
                "sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                        + SecuredKafka.USER
                        + "\" password=\""
                        + password
                        + "\";");
        try (Admin admin = Admin.create(props)) {
            admin.describeCluster().nodes().get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e;
        }
    }

    /** A generated day of events, produced over SASL_SSL with the tenant id as key. */
    private int produceEvents(SecuredKafka kafka) throws Exception {
        Path events = dir.resolve("events.jsonl.gz");
        int status =
                JoignableCli.create(
                                new PrintWriter(new StringWriter()),
                                new PrintWriter(new StringWriter()))
                        .execute(
                                "generate",
                                "--days",
                                "1",
                                "--start",
                                "2026-10-05",
                                "--seed",
                                "3",
                                "--quiet",
                                "--out",
                                events.toString());
        assertThat(status).isZero();
        List<String> lines = new ArrayList<>();
        try (BufferedReader in =
                new BufferedReader(
                        new InputStreamReader(
                                new GZIPInputStream(Files.newInputStream(events)),
                                StandardCharsets.UTF_8))) {
            in.lines().filter(l -> !l.isBlank()).forEach(lines::add);
        }
        Map<String, Object> props = new HashMap<>(kafka.secureClient());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (String line : lines) {
                producer.send(new ProducerRecord<>(EVENTS, line));
            }
            producer.flush();
        }
        return lines.size();
    }

    private static int count(SecuredKafka kafka, String topic) throws Exception {
        Map<String, Object> props = new HashMap<>(kafka.secureClient());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-count-" + topic);
        int n = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            int empty = 0;
            while (System.nanoTime() < deadline && (n == 0 || empty < 3)) {
                int got = 0;
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    got++;
                }
                n += got;
                empty = got == 0 ? empty + 1 : 0;
            }
        }
        return n;
    }

    private static URI awaitUri(StringWriter out) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : out.toString().split("\n")) {
                if (line.startsWith("Wallboard on ")) {
                    return URI.create(line.substring("Wallboard on ".length()).split(" ")[0]);
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the wallboard did not start: " + out);
    }

    private static HttpResponse<String> awaitLive(URI uri) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        HttpResponse<String> response = null;
        while (System.nanoTime() < deadline) {
            response =
                    http.send(
                            HttpRequest.newBuilder(uri).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return response;
            }
            Thread.sleep(200);
        }
        return response;
    }
}
