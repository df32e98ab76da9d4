package fr.joignable.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The supervisors' live page during a real {@code joignable demo} run, in headless Chromium driven
 * through the Chrome DevTools Protocol (JDK HTTP client and WebSocket only).
 *
 * <p>The demo runs in this JVM (a background thread). Its broker address is not printed, so the
 * test learns it from the wallboard feed's own Kafka consumer: Kafka logs every client's
 * configuration ({@code ConsumerConfig values: ... bootstrap.servers = [...] client.id =
 * joignable-wallboard}) at INFO through {@code AbstractConfig}; the test adds a log4j2 appender on
 * that logger for the run (other appenders keep their ERROR level). With it the test reads the
 * live-view topic itself and, after the replay, produces its own events to time the live latency.
 *
 * <p>Proves: (a) the page shows the figures of the newest snapshot on {@code joignable.live} (asOf,
 * per-queue waiting / backlog / service level, centre waiting), and {@code /api/live} is that same
 * snapshot; (b) the figures move while the day is replayed; (c) the latency from an event entering
 * Kafka to the page showing its effect (p50 / p99 printed). A screenshot goes to {@code
 * target/demo-browser.png}.
 */
class DemoBrowserITCase {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final String LIVE_TOPIC = "joignable.live";
    private static final String EVENTS_TOPIC = "joignable.events";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PAGE_URL = Pattern.compile("Live page: (http://\\S+)");
    private static final Pattern DEVTOOLS = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final Pattern BOOTSTRAP =
            Pattern.compile("bootstrap\\.servers = \\[([^\\]]+)\\]");
    private static final int LATENCY_SAMPLES = 50;

    /** The replayed day (the demo's default --start) from 08:00 Paris, and its end. */
    private static final Instant DAYTIME = Instant.parse("2026-10-05T06:00:00Z");

    private static final Instant DAY_END = Instant.parse("2026-10-05T22:00:00Z");

    /** Reads the page's figures; a JSON string. */
    private static final String READ_PAGE =
            "(() => {"
                    + " const asof = document.getElementById('asof');"
                    + " if (!asof) { return JSON.stringify({asOf: '', state: '', rows: []}); }"
                    + " const asofTitle = asof.title || '';"
                    + " const rows = [...document.querySelectorAll('#queues tbody tr')]"
                    + "   .filter(r => r.cells.length > 1)"
                    + "   .map(r => ({queue: r.cells[0].textContent, waiting: r.cells[1].textContent,"
                    + "     longest: r.cells[2].textContent, backlog: r.cells[3].textContent,"
                    + "     slInterval: r.cells[4].textContent}));"
                    + " const big = document.querySelector('#kpis .tile .big');"
                    + " return JSON.stringify({asOf: asofTitle.substring(asofTitle.lastIndexOf(' ') + 1),"
                    + "   state: document.getElementById('state').className,"
                    + "   waiting: big ? big.textContent : null, rows: rows});"
                    + "})()";

    @TempDir Path temp;

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void theLivePageShowsTheNewestSnapshotAndFollowsTheReplay() throws Throwable {
        requireChromium();
        BootstrapCapture bootstrap = BootstrapCapture.install();
        StringWriter demoOut = new StringWriter();
        StringWriter demoErr = new StringWriter();
        AtomicInteger demoStatus = new AtomicInteger(Integer.MIN_VALUE);
        Thread demo =
                new Thread(
                        () ->
                                demoStatus.set(
                                        JoignableCli.create(
                                                        new PrintWriter(demoOut, true),
                                                        new PrintWriter(demoErr, true))
                                                .execute(
                                                        "demo",
                                                        "--port",
                                                        "0",
                                                        "--days",
                                                        "1",
                                                        "--history-days",
                                                        "14",
                                                        "--speed",
                                                        "3000",
                                                        // keeps the page up after the replay for
                                                        // the checks; the test stops it earlier
                                                        "--linger",
                                                        "10m",
                                                        "--out",
                                                        temp.resolve("demo").toString(),
                                                        "--quiet")),
                        "demo-under-test");
        demo.setDaemon(true);
        Chromium chromium = null;
        TopicReader topic = null;
        long started = System.nanoTime();
        Throwable failure = null;
        try {
            demo.start();
            chromium = Chromium.start(temp.resolve("chromium-profile"));
            URI page = waitForPage(demoOut, demoErr, demoStatus);
            String servers = bootstrap.await(Duration.ofSeconds(10));
            topic = TopicReader.start(servers);
            Cdp.Session tab = chromium.cdp.open(page.toString());
            HttpClient http = HttpClient.newHttpClient();

            // (b) the figures move while events flow; from 08:00 (Paris) on, the busy part of
            // the day (the night's few e-mails are replayed first)
            waitForFigures(tab);
            JsonNode first = waitForAsOf(tab, DAYTIME, Duration.ofSeconds(60));
            Thread.sleep(3000);
            JsonNode second = readPage(tab);
            assertThat(second.path("asOf").asText())
                    .as("asOf moves while the day is replayed")
                    .isNotEqualTo(first.path("asOf").asText());
            assertThat(second.path("rows"))
                    .as("at least one queue figure moves while the day is replayed")
                    .isNotEqualTo(first.path("rows"));

            // (a) the page and /api/live show the newest snapshot of the topic
            assertPageMatchesNewestSnapshot(tab, topic);
            assertApiLiveIsNewestSnapshot(http, page, topic);
            screenshot(tab, Path.of("target", "demo-browser.png"));

            // (c) live latency: an event entering Kafka until the page shows its effect
            awaitReplayEnd(demoOut, Duration.ofSeconds(60));
            measureLatency(tab, servers, topic);
            System.out.printf(
                    "DemoBrowserITCase: %d snapshots read, %d with at least one team%n",
                    topic.byAsOf.size(),
                    topic.byAsOf.values().stream().filter(n -> !n.path("teams").isEmpty()).count());
            System.out.printf(
                    "DemoBrowserITCase: %.1f s from demo start to end of checks%n",
                    (System.nanoTime() - started) / 1e9);
        } catch (Throwable t) {
            failure = t;
            throw t;
        } finally {
            List<Throwable> cleanup = new ArrayList<>();
            if (chromium != null) {
                quietly(chromium::close, cleanup);
            }
            if (topic != null) {
                quietly(topic::close, cleanup);
            }
            demo.interrupt();
            quietly(() -> demo.join(60_000), cleanup);
            quietly(bootstrap::uninstall, cleanup);
            quietly(() -> assertThat(demo.isAlive()).as("the demo stopped").isFalse(), cleanup);
            for (Throwable c : cleanup) {
                if (failure != null) {
                    failure.addSuppressed(c);
                } else {
                    throw c;
                }
            }
        }
    }

    interface Step {
        void run() throws Exception;
    }

    private static void quietly(Step step, List<Throwable> errors) {
        try {
            step.run();
        } catch (Throwable t) {
            errors.add(t);
        }
    }

    private static void requireChromium() {
        if (Files.isExecutable(CHROMIUM)) {
            return;
        }
        String message =
                CHROMIUM
                        + " is missing: the browser test of the live page needs headless Chromium"
                        + " (Debian/Ubuntu: apt-get install -y chromium)";
        if (System.getenv("CI") != null) {
            fail(message + " — CI is set, so this is a failure, not a skip");
        }
        Assumptions.assumeTrue(false, message + "; skipped");
    }

    private static URI waitForPage(StringWriter out, StringWriter err, AtomicInteger status)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            Matcher m = PAGE_URL.matcher(out.toString());
            if (m.find()) {
                return URI.create(m.group(1));
            }
            if (status.get() != Integer.MIN_VALUE) {
                fail("the demo ended (exit " + status.get() + ") before the page: " + out + err);
            }
            Thread.sleep(50);
        }
        return fail("no live page within 90 s: " + out + err);
    }

    private static void awaitReplayEnd(StringWriter out, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!out.toString().contains("events replayed")) {
            if (System.nanoTime() > deadline) {
                fail("the replay did not end within " + timeout + ": " + out);
            }
            Thread.sleep(100);
        }
    }

    private static JsonNode readPage(Cdp.Session tab) throws Exception {
        return JSON.readTree(tab.evaluate(READ_PAGE).asText());
    }

    private static JsonNode waitForFigures(Cdp.Session tab) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            JsonNode p = readPage(tab);
            if (p.path("state").asText().contains("live") && !p.path("rows").isEmpty()) {
                return p;
            }
            Thread.sleep(100);
        }
        return fail("the page showed no live figures within 20 s: " + readPage(tab));
    }

    private static JsonNode waitForAsOf(Cdp.Session tab, Instant from, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode p = readPage(tab);
            String asOf = p.path("asOf").asText();
            if (!asOf.isEmpty() && !Instant.parse(asOf).isBefore(from)) {
                return p;
            }
            if (System.nanoTime() > deadline) {
                return fail("the page did not reach %s within %s: %s", from, timeout, p);
            }
            Thread.sleep(100);
        }
    }

    /** Retries: the page follows the topic within a fraction of a second. */
    private static void assertPageMatchesNewestSnapshot(Cdp.Session tab, TopicReader topic)
            throws Exception {
        String lastProblem = null;
        for (int attempt = 0; attempt < 40; attempt++) {
            JsonNode p = readPage(tab);
            JsonNode newest = topic.newest();
            String asOf = p.path("asOf").asText();
            JsonNode same = topic.byAsOf(asOf);
            if (same == null) {
                lastProblem = "no snapshot with asOf " + asOf + " on the topic yet";
            } else {
                // the figures of the snapshot the page says it shows: always exact
                assertFiguresMatch(p, same);
                if (newest != null && asOf.equals(newest.path("asOf").asText())) {
                    return;
                }
                lastProblem = "page at " + asOf + ", topic's newest at " + newest.path("asOf");
            }
            Thread.sleep(150);
        }
        fail("the page never showed the topic's newest snapshot: " + lastProblem);
    }

    private static void assertFiguresMatch(JsonNode page, JsonNode snapshot) {
        long totalWaiting = 0;
        for (JsonNode q : snapshot.path("queues")) {
            String name = q.path("queue").asText();
            JsonNode row = null;
            for (JsonNode r : page.path("rows")) {
                if (r.path("queue").asText().equals(name)) {
                    row = r;
                }
            }
            assertThat(row).as("row of queue %s on the page", name).isNotNull();
            assertThat(digits(row.path("waiting").asText()))
                    .as("waiting of %s at %s", name, snapshot.path("asOf"))
                    .isEqualTo(Long.toString(q.path("waiting").asLong()));
            assertThat(digits(row.path("backlog").asText()))
                    .as("backlog of %s", name)
                    .isEqualTo(Long.toString(q.path("backlog").asLong()));
            JsonNode sl = q.path("interval").path("serviceLevel");
            assertThat(
                            sl.isNumber()
                                    ? digits(row.path("slInterval").asText())
                                    : row.path("slInterval").asText())
                    .as("service level of the running interval of %s", name)
                    .isEqualTo(
                            sl.isNumber() ? Long.toString(Math.round(sl.asDouble() * 100)) : "—");
            totalWaiting += q.path("waiting").asLong();
        }
        assertThat(page.path("rows").size()).isEqualTo(snapshot.path("queues").size());
        assertThat(digits(page.path("waiting").asText()))
                .as("centre waiting tile")
                .isEqualTo(Long.toString(totalWaiting));
    }

    private static String digits(String text) {
        return text.replaceAll("[^0-9]", "");
    }

    private static void assertApiLiveIsNewestSnapshot(HttpClient http, URI page, TopicReader topic)
            throws Exception {
        String lastProblem = null;
        for (int attempt = 0; attempt < 40; attempt++) {
            HttpResponse<String> r =
                    http.send(
                            HttpRequest.newBuilder(page.resolve("/api/live")).build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode api = JSON.readTree(r.body());
            JsonNode same = topic.byAsOf(api.path("asOf").asText());
            JsonNode newest = topic.newest();
            if (same != null) {
                // every field, exactly
                JsonNode expected = same;
                assertThat(api).as("/api/live against the topic's record").isEqualTo(expected);
                if (api.path("emittedAt").equals(newest.path("emittedAt"))) {
                    return;
                }
            }
            lastProblem =
                    "/api/live emitted at "
                            + api.path("emittedAt")
                            + ", topic's newest at "
                            + (newest == null ? null : newest.path("emittedAt"));
            Thread.sleep(150);
        }
        fail("/api/live never equalled the topic's newest record: " + lastProblem);
    }

    /**
     * After the replay the watermark stands still (5 min of out-of-orderness behind the latest
     * event). Each sample produces one contact offered 6 minutes of event time ahead of the
     * previous one, on one partition (the other is idle): the watermark, hence the page's asOf,
     * jumps to its time minus 5 minutes. Timed from just before the send to the first page reading
     * that shows the new asOf (the page polled through CDP every 5 ms). Samples are sent at a
     * random phase of the job's one-second publication period.
     */
    private static void measureLatency(Cdp.Session tab, String servers, TopicReader topic)
            throws Exception {
        // let the idle partitions go idle and the page settle on the end of the day
        Thread.sleep(3000);
        // beyond every replayed event, so that each sample moves the watermark by itself
        Instant pageAsOf = Instant.parse(readPage(tab).path("asOf").asText());
        Instant base = (pageAsOf.isAfter(DAY_END) ? pageAsOf : DAY_END).plusSeconds(600);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        List<Double> millis = new ArrayList<>();
        List<Double> toTopic = new ArrayList<>();
        java.util.Random jitter = new java.util.Random(42);
        String readAsOf =
                "(() => { const t = (document.getElementById('asof') || {}).title || '';"
                        + " return t.substring(t.lastIndexOf(' ') + 1); })()";
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.partitionsFor(EVENTS_TOPIC);
            for (int i = 0; i < LATENCY_SAMPLES; i++) {
                Instant ts = base.plusSeconds(360L * i);
                Instant expected = ts.minusSeconds(300).minusMillis(1000);
                String contact = "LATENCY-" + i;
                ObjectNode e = JSON.createObjectNode();
                e.put("eventId", "E" + contact);
                e.put("type", "CONTACT_OFFERED");
                e.put("ts", ts.toString());
                e.put("contactId", contact);
                e.put("channel", "PHONE");
                e.put("queue", "LOYERS");
                e.put("intent", "RENT_PAYMENT");
                e.put("priority", 2);
                // the job publishes once a second: send at a random phase of that period, or
                // every sample would wait for almost a whole period after the previous one
                Thread.sleep(jitter.nextInt(1000));
                String before = tab.evaluate(readAsOf).asText();
                assertThat(Instant.parse(before))
                        .as("the page before sample %d", i)
                        .isBefore(expected);
                long sentAt = System.currentTimeMillis();
                long t0 = System.nanoTime();
                producer.send(new ProducerRecord<>(EVENTS_TOPIC, 0, contact, e.toString())).get();
                long deadline = t0 + TimeUnit.SECONDS.toNanos(15);
                while (true) {
                    String asOf = tab.evaluate(readAsOf).asText();
                    if (!asOf.isEmpty() && !Instant.parse(asOf).isBefore(expected)) {
                        millis.add((System.nanoTime() - t0) / 1e6);
                        Long readAt = topic.firstReadAtOrAfter(expected);
                        if (readAt != null) {
                            toTopic.add((double) (readAt - sentAt));
                        }
                        break;
                    }
                    if (System.nanoTime() > deadline) {
                        fail(
                                "sample %d: the page still at %s 15 s after an event at %s",
                                i, asOf, ts);
                    }
                    Thread.sleep(5);
                }
            }
        }
        Collections.sort(millis);
        Collections.sort(toTopic);
        double p50 = percentile(millis, 0.50);
        double p99 = percentile(millis, 0.99);
        System.out.printf(
                "DemoBrowserITCase live latency (Kafka event -> page), %d samples: p50 %.0f ms,"
                        + " p99 %.0f ms, min %.0f ms, max %.0f ms%n",
                millis.size(), p50, p99, millis.get(0), millis.get(millis.size() - 1));
        if (!toTopic.isEmpty()) {
            System.out.printf(
                    "DemoBrowserITCase   of which event -> snapshot read back from %s: p50 %.0f ms,"
                            + " p99 %.0f ms (%d samples)%n",
                    LIVE_TOPIC,
                    percentile(toTopic, 0.50),
                    percentile(toTopic, 0.99),
                    toTopic.size());
        }
        assertThat(p50).as("p50 latency, ms").isLessThan(5000);
    }

    private static double percentile(List<Double> sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    private static void screenshot(Cdp.Session tab, Path file) throws Exception {
        JsonNode shot =
                tab.call("Page.captureScreenshot", JSON.createObjectNode().put("format", "png"));
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
    }

    /** The wallboard feed's bootstrap servers, from Kafka's client configuration log line. */
    static final class BootstrapCapture {
        private static final String LOGGER = "org.apache.kafka.common.config.AbstractConfig";
        private final CompletableFuture<String> servers = new CompletableFuture<>();
        private AbstractAppender appender;
        private LoggerConfig previous;

        static BootstrapCapture install() {
            BootstrapCapture c = new BootstrapCapture();
            c.appender =
                    new AbstractAppender(
                            "demo-bootstrap-capture", null, null, true, Property.EMPTY_ARRAY) {
                        @Override
                        public void append(LogEvent event) {
                            String m = event.getMessage().getFormattedMessage();
                            if (m.contains("client.id = joignable-wallboard")) {
                                Matcher b = BOOTSTRAP.matcher(m);
                                if (b.find()) {
                                    c.servers.complete(b.group(1).replace(" ", ""));
                                }
                            }
                        }
                    };
            c.appender.start();
            LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
            Configuration cfg = ctx.getConfiguration();
            c.previous = cfg.getLoggers().get(LOGGER);
            LoggerConfig capture = new LoggerConfig(LOGGER, Level.INFO, false);
            capture.addAppender(c.appender, Level.INFO, null);
            for (Appender a : cfg.getRootLogger().getAppenders().values()) {
                capture.addAppender(a, Level.ERROR, null);
            }
            cfg.removeLogger(LOGGER);
            cfg.addLogger(LOGGER, capture);
            ctx.updateLoggers();
            return c;
        }

        String await(Duration timeout) throws Exception {
            return servers.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        void uninstall() {
            LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
            Configuration cfg = ctx.getConfiguration();
            cfg.removeLogger(LOGGER);
            if (previous != null) {
                cfg.addLogger(LOGGER, previous);
            }
            ctx.updateLoggers();
            appender.stop();
        }
    }

    /** Every record of the live-view topic, from the beginning. */
    static final class TopicReader implements AutoCloseable {
        private final KafkaConsumer<String, String> consumer;
        private final Map<String, JsonNode> byAsOf = new ConcurrentHashMap<>();
        private final AtomicReference<JsonNode> newest = new AtomicReference<>();
        private final List<long[]> readTimes =
                Collections.synchronizedList(new ArrayList<>()); // asOf, read at (epoch ms)
        private final Thread thread;
        private volatile boolean running = true;

        private TopicReader(String servers) {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
            props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
            props.put(ConsumerConfig.CLIENT_ID_CONFIG, "demo-browser-itcase");
            consumer = new KafkaConsumer<>(props);
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo p : consumer.partitionsFor(LIVE_TOPIC, Duration.ofSeconds(10))) {
                partitions.add(new TopicPartition(LIVE_TOPIC, p.partition()));
            }
            assertThat(partitions).as("partitions of " + LIVE_TOPIC).hasSize(1);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            thread = new Thread(this::run, "itcase-live-topic");
            thread.setDaemon(true);
        }

        static TopicReader start(String servers) {
            TopicReader r = new TopicReader(servers);
            r.thread.start();
            return r;
        }

        private void run() {
            try {
                while (running) {
                    for (ConsumerRecord<String, String> rec :
                            consumer.poll(Duration.ofMillis(50))) {
                        try {
                            JsonNode n = JSON.readTree(rec.value());
                            byAsOf.put(n.path("asOf").asText(), n);
                            readTimes.add(
                                    new long[] {
                                        Instant.parse(n.path("asOf").asText()).toEpochMilli(),
                                        System.currentTimeMillis()
                                    });
                            newest.set(n);
                        } catch (IOException e) {
                            // not a snapshot: the page skips it too
                        }
                    }
                }
            } catch (org.apache.kafka.common.errors.WakeupException e) {
                // closing
            } finally {
                consumer.close(Duration.ofSeconds(2));
            }
        }

        JsonNode newest() {
            return newest.get();
        }

        /** When this reader first read a snapshot as of {@code asOf} or later; null if never. */
        Long firstReadAtOrAfter(Instant asOf) {
            synchronized (readTimes) {
                for (long[] r : readTimes) {
                    if (r[0] >= asOf.toEpochMilli()) {
                        return r[1];
                    }
                }
            }
            return null;
        }

        JsonNode byAsOf(String asOf) {
            return byAsOf.get(asOf);
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            consumer.wakeup();
            thread.join(5000);
        }
    }

    /** Headless Chromium with the DevTools Protocol on a random port. */
    static final class Chromium implements AutoCloseable {
        final Process process;
        final Cdp cdp;
        final Path profile;

        private Chromium(Process process, Cdp cdp, Path profile) {
            this.process = process;
            this.cdp = cdp;
            this.profile = profile;
        }

        static Chromium start(Path profile) throws Exception {
            Files.createDirectories(profile);
            Process p =
                    new ProcessBuilder(
                                    CHROMIUM.toString(),
                                    "--headless=new",
                                    "--no-sandbox",
                                    "--disable-gpu",
                                    "--disable-quic",
                                    "--no-first-run",
                                    "--disable-background-networking",
                                    "--disable-component-update",
                                    "--disable-sync",
                                    "--disable-dev-shm-usage",
                                    "--window-size=1280,900",
                                    "--user-data-dir=" + profile,
                                    "--remote-debugging-port=0",
                                    "about:blank")
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .start();
            CompletableFuture<String> ws = new CompletableFuture<>();
            StringBuffer stderr = new StringBuffer();
            Thread reader =
                    new Thread(
                            () -> {
                                try (BufferedReader r =
                                        new BufferedReader(
                                                new InputStreamReader(
                                                        p.getErrorStream(),
                                                        StandardCharsets.UTF_8))) {
                                    String line;
                                    while ((line = r.readLine()) != null) {
                                        Matcher m = DEVTOOLS.matcher(line);
                                        if (m.find()) {
                                            ws.complete(m.group(1));
                                        } else if (stderr.length() < 20_000) {
                                            stderr.append(line).append('\n');
                                        }
                                    }
                                } catch (IOException e) {
                                    // the process ended
                                }
                                ws.completeExceptionally(
                                        new IllegalStateException(
                                                "Chromium ended without DevTools: " + stderr));
                            },
                            "chromium-stderr");
            reader.setDaemon(true);
            reader.start();
            try {
                return new Chromium(
                        p, Cdp.connect(URI.create(ws.get(30, TimeUnit.SECONDS))), profile);
            } catch (Exception e) {
                kill(p);
                throw e;
            }
        }

        @Override
        public void close() throws Exception {
            try {
                cdp.call(null, "Browser.close", JSON.createObjectNode());
            } catch (Exception e) {
                // killed below anyway
            }
            cdp.close();
            kill(process);
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }

        private static void kill(Process p) throws InterruptedException {
            List<ProcessHandle> children = p.descendants().toList();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroy();
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    p.waitFor(5, TimeUnit.SECONDS);
                }
            }
            for (ProcessHandle c : children) {
                c.destroyForcibly();
            }
            for (ProcessHandle c : children) {
                try {
                    c.onExit().get(5, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException
                        | java.util.concurrent.TimeoutException e) {
                    // asserted below
                }
            }
            assertThat(p.isAlive()).as("Chromium stopped").isFalse();
            assertThat(children.stream().filter(ProcessHandle::isAlive))
                    .as("Chromium's child processes stopped")
                    .isEmpty();
        }
    }

    /** A minimal Chrome DevTools Protocol client on the JDK's WebSocket (flat sessions). */
    static final class Cdp implements WebSocket.Listener, AutoCloseable {
        private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
        private final AtomicInteger ids = new AtomicInteger();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;

        static Cdp connect(URI ws) throws Exception {
            Cdp cdp = new Cdp();
            cdp.socket =
                    HttpClient.newHttpClient()
                            .newWebSocketBuilder()
                            .buildAsync(ws, cdp)
                            .get(10, TimeUnit.SECONDS);
            return cdp;
        }

        JsonNode call(String sessionId, String method, ObjectNode params) throws Exception {
            int id = ids.incrementAndGet();
            ObjectNode msg = JSON.createObjectNode();
            msg.put("id", id);
            msg.put("method", method);
            msg.set("params", params);
            if (sessionId != null) {
                msg.put("sessionId", sessionId);
            }
            CompletableFuture<JsonNode> reply = new CompletableFuture<>();
            pending.put(id, reply);
            synchronized (this) {
                socket.sendText(msg.toString(), true).get(10, TimeUnit.SECONDS);
            }
            JsonNode r = reply.get(30, TimeUnit.SECONDS);
            if (r.has("error")) {
                throw new IllegalStateException(method + ": " + r.get("error"));
            }
            return r.path("result");
        }

        /** A new tab on {@code url}, attached. */
        Session open(String url) throws Exception {
            String target =
                    call(null, "Target.createTarget", JSON.createObjectNode().put("url", url))
                            .path("targetId")
                            .asText();
            String session =
                    call(
                                    null,
                                    "Target.attachToTarget",
                                    JSON.createObjectNode()
                                            .put("targetId", target)
                                            .put("flatten", true))
                            .path("sessionId")
                            .asText();
            Session s = new Session(this, session);
            s.call("Runtime.enable", JSON.createObjectNode());
            s.call(
                    "Emulation.setDeviceMetricsOverride",
                    JSON.createObjectNode()
                            .put("width", 1280)
                            .put("height", 900)
                            .put("deviceScaleFactor", 1)
                            .put("mobile", false));
            return s;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode msg = JSON.readTree(partial.toString());
                    if (msg.has("id")) {
                        CompletableFuture<JsonNode> f = pending.remove(msg.get("id").asInt());
                        if (f != null) {
                            f.complete(msg);
                        }
                    }
                } catch (IOException e) {
                    // not JSON: ignored
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            pending.values().forEach(f -> f.completeExceptionally(error));
        }

        @Override
        public void close() {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(2, TimeUnit.SECONDS);
            } catch (Exception e) {
                socket.abort();
            }
        }

        record Session(Cdp cdp, String id) {
            JsonNode call(String method, ObjectNode params) throws Exception {
                return cdp.call(id, method, params);
            }

            /** The value of a JavaScript expression (returned by value). */
            JsonNode evaluate(String expression) throws Exception {
                JsonNode r =
                        call(
                                "Runtime.evaluate",
                                JSON.createObjectNode()
                                        .put("expression", expression)
                                        .put("returnByValue", true));
                if (r.has("exceptionDetails")) {
                    throw new IllegalStateException(
                            "page script failed: " + r.get("exceptionDetails"));
                }
                return r.path("result").path("value");
            }
        }
    }
}
