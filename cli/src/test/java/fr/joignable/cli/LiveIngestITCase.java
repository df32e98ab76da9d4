package fr.joignable.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.joignable.devkit.EmbeddedKafka;
import fr.joignable.domain.live.LiveView;
import fr.joignable.inputs.KafkaIngest;
import fr.joignable.inputs.Mapping;
import fr.joignable.inputs.Skips;
import fr.joignable.jobs.KafkaKpiRun;
import fr.joignable.jobs.KpiJobOptions;
import fr.joignable.wallboard.KafkaLiveFeed;
import fr.joignable.wallboard.WallboardServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, item 4, the whole live path: a {@code queue_log} written while {@code ingest} (the
 * {@link KafkaIngest} follower that {@code joignable ingest} runs), the embedded Kafka broker, the
 * streaming job ({@code joignable stream}: {@link KafkaKpiRun} with the production defaults) and
 * the wallboard ({@code joignable wallboard}: {@link KafkaLiveFeed} + {@link WallboardServer}) all
 * run. The follower is killed in the middle of the file (after a batch is sent, before its commit),
 * lines are written while it is down, a second follower resumes; the wallboard's {@code /api/live}
 * then counts every call exactly once (its {@code last60m} figures of the test's queue, which a
 * 15-minute interval boundary during the test cannot reset). Then calls are written one line at a
 * time at the current time: each line shows on {@code /api/live} and on the page's event stream
 * ({@code /events}, what the page draws from).
 *
 * <p>Robust under load: every wait polls with a generous limit and fails only when the figure never
 * comes; the latency from appending a line to seeing it on {@code /api/live} is measured and
 * printed (the figure of {@code docs/cli.md} is "within a second"), and held to {@link #LIVE},
 * which only a live path meets.
 */
class LiveIngestITCase {

    private static final String QUEUE = "LIVE_INGEST";
    private static final Duration GENEROUS = Duration.ofMinutes(3);

    /**
     * A line must show within this: far above the second of {@code docs/cli.md} (measured and
     * printed, not asserted: a loaded CI machine stretches it), far below the five minutes of
     * out-of-orderness after which a watermark-driven view would show it.
     */
    private static final Duration LIVE = Duration.ofSeconds(60);

    private static final int PROBES = 5;

    @TempDir Path dir;

    /** Expected figures, counted by hand from {@link #call}. */
    private long offered;

    private long answered;
    private long abandoned;
    private long diverted;
    private long closed;

    /** The lines of call {@code i} at {@code t} (epoch seconds): four kinds in turn. */
    private List<String> call(int i, long t) {
        String c = "live" + i;
        String q = "|" + QUEUE + "|";
        offered++;
        return switch (i % 4) {
            case 0, 1 -> {
                answered++;
                yield List.of(
                        t + "|" + c + q + "NONE|ENTERQUEUE||0600000" + i + "|1",
                        (t + 2) + "|" + c + q + "Agent/" + (i % 3) + "|CONNECT|2|x" + i + "|1",
                        (t + 5) + "|" + c + q + "Agent/" + (i % 3) + "|COMPLETECALLER|2|3|1");
            }
            case 2 -> {
                abandoned++;
                yield List.of(
                        t + "|" + c + q + "NONE|ENTERQUEUE||0600000" + i + "|1",
                        (t + 40) + "|" + c + q + "NONE|ABANDON|1|1|40");
            }
            default -> {
                diverted++;
                closed++;
                yield List.of(t + "|" + c + q + "NONE|CLOSED|");
            }
        };
    }

    @Test
    void linesWrittenToTheLogShowOnTheWallboardOnceAcrossAKilledFollower() throws Exception {
        Configuration conf = new Configuration(); // production defaults, as `stream` runs
        KpiJobOptions options = KpiJobOptions.from(conf);
        HttpClient http = HttpClient.newHttpClient();
        Path log = dir.resolve("queue_log");
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            kafka.createTopics(2, options.eventsTopic);
            kafka.createTopics(1, options.kpiTopic, options.liveTopic, options.rejectedTopic);
            KafkaIngest.Settings settings =
                    new KafkaIngest.Settings(
                            log,
                            kafka.bootstrapServers(),
                            options.eventsTopic,
                            "joignable.ingest.state",
                            dir.resolve("ingest.state.json"),
                            "joignable-ingest-live-it",
                            Mapping.defaults(),
                            null,
                            20,
                            Duration.ofMillis(200)); // ingest's default --poll
            JobClient job =
                    KafkaKpiRun.start(
                            kafka.bootstrapServers(),
                            Files.createDirectories(dir.resolve("out")),
                            conf);
            try (KafkaLiveFeed feed =
                            KafkaLiveFeed.start(kafka.bootstrapServers(), options.liveTopic);
                    WallboardServer page =
                            WallboardServer.start(feed, WallboardServer.Config.local(0))) {
                URI api = page.uri().resolve("/api/live");

                // 1. a first part of the log; the first follower dies before its 4th commit
                long t0 = System.currentTimeMillis() / 1000 - 300;
                int calls = 0;
                for (; calls < 40; calls++) {
                    IngestITCase.append(log, call(calls, t0 + calls * 3L));
                }
                AtomicReference<Throwable> died = new AtomicReference<>();
                try (KafkaIngest first = new KafkaIngest(settings, new Skips())) {
                    first.beforeCommit(
                            batch -> {
                                if (batch == 3) {
                                    throw new IllegalStateException("killed mid-transaction");
                                }
                            });
                    Thread t = new Thread(() -> IngestITCase.run(first, () -> false, died));
                    t.start();
                    t.join(GENEROUS.toMillis());
                    assertThat(t.isAlive()).as("the first follower stopped").isFalse();
                }
                assertThat(died.get()).hasMessage("killed mid-transaction");

                // 2. written while no follower runs
                for (; calls < 60; calls++) {
                    IngestITCase.append(log, call(calls, t0 + calls * 3L));
                }

                // 3. a second follower resumes from the committed position and keeps following
                AtomicBoolean stop = new AtomicBoolean();
                AtomicReference<Throwable> failed = new AtomicReference<>();
                try (KafkaIngest second = new KafkaIngest(settings, new Skips())) {
                    Thread t = new Thread(() -> IngestITCase.run(second, stop::get, failed));
                    t.start();
                    try {
                        JsonNode all = awaitLive(http, api, v -> countsMatch(v, offered), GENEROUS);
                        assertThat(all)
                                .as(
                                        "every call of the log counted once on /api/live (last"
                                                + " view: %s)",
                                        lastSeen)
                                .isNotNull();
                        assertCounts(all);

                        // 4. calls written line by line at the current time: the page follows
                        try (EventStream events =
                                new EventStream(http, page.uri().resolve("/events"))) {
                            List<Long> latenciesMs = new ArrayList<>();
                            for (int p = 0; p < PROBES; p++, calls++) {
                                latenciesMs.add(probe(http, api, events, log, calls));
                            }
                            List<Long> sorted = new ArrayList<>(latenciesMs);
                            sorted.sort(null);
                            long median = sorted.get(sorted.size() / 2);
                            System.out.printf(
                                    "LiveIngestITCase: line appended -> /api/live, ms: %s"
                                            + " (median %d)%n",
                                    latenciesMs, median);
                        }
                        JsonNode end = awaitLive(http, api, v -> countsMatch(v, offered), GENEROUS);
                        assertThat(end)
                                .as("every call counted once at the end (last view: %s)", lastSeen)
                                .isNotNull();
                        assertCounts(end);
                        assertThat(queue(end).path("waiting").asLong()).isZero();
                    } finally {
                        stop.set(true);
                        t.join(GENEROUS.toMillis());
                    }
                }
                assertThat(failed.get()).as("the second follower's failure").isNull();
            } finally {
                job.cancel().get(1, TimeUnit.MINUTES);
            }
        }
    }

    /**
     * One call at the current time, a line at a time: its ENTERQUEUE must make it wait on {@code
     * /api/live} and on {@code /events}, its CONNECT must take it out of the waiting count. Returns
     * the milliseconds from appending the ENTERQUEUE to seeing it on {@code /api/live}.
     */
    private long probe(HttpClient http, URI api, EventStream events, Path log, int i)
            throws Exception {
        long now = System.currentTimeMillis() / 1000;
        String c = "probe" + i;
        String q = "|" + QUEUE + "|";
        offered++;
        answered++;
        events.clear();
        long appended = System.nanoTime();
        IngestITCase.append(log, List.of(now + "|" + c + q + "NONE|ENTERQUEUE||0611111111|1"));
        JsonNode waiting = awaitLive(http, api, v -> waiting(v) == 1, LIVE);
        long latencyMs = (System.nanoTime() - appended) / 1_000_000;
        assertThat(waiting)
                .as("probe %d waiting on /api/live within %s (last: %s)", i, LIVE, lastSeen)
                .isNotNull();
        assertThat(events.await(v -> waiting(v) == 1, GENEROUS))
                .as("probe %d waiting on the page's event stream", i)
                .isTrue();
        IngestITCase.append(
                log, List.of((now + 1) + "|" + c + q + "Agent/9|CONNECT|1|p" + i + "|1"));
        assertThat(awaitLive(http, api, v -> waiting(v) == 0, GENEROUS))
                .as("probe %d answered on /api/live (last: %s)", i, lastSeen)
                .isNotNull();
        IngestITCase.append(log, List.of((now + 3) + "|" + c + q + "Agent/9|COMPLETECALLER|1|2|1"));
        return latencyMs;
    }

    private boolean countsMatch(JsonNode view, long expectedOffered) {
        JsonNode m = queue(view).path("last60m");
        return m.path("offered").asLong(-1) == expectedOffered
                && m.path("answered").asLong(-1) == answered
                && m.path("abandoned").asLong(-1) == abandoned
                && m.path("diverted").asLong(-1) == diverted;
    }

    private void assertCounts(JsonNode view) {
        JsonNode m = queue(view).path("last60m");
        assertThat(m.path("offered").asLong()).as("offered").isEqualTo(offered);
        assertThat(m.path("answered").asLong()).as("answered").isEqualTo(answered);
        assertThat(m.path("abandoned").asLong()).as("abandoned").isEqualTo(abandoned);
        assertThat(m.path("diverted").asLong()).as("diverted").isEqualTo(diverted);
        assertThat(m.path("closed").asLong()).as("closed").isEqualTo(closed);
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

    private volatile String lastSeen = "none";

    /** Polls {@code /api/live} every 20 ms until the test holds; null when it never does. */
    private JsonNode awaitLive(HttpClient http, URI api, Predicate<JsonNode> test, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest get = HttpRequest.newBuilder(api).timeout(Duration.ofSeconds(30)).build();
        do {
            try {
                HttpResponse<String> r =
                        http.send(get, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (r.statusCode() == 200) {
                    JsonNode view = LiveView.json().readTree(r.body());
                    lastSeen = queue(view).toString();
                    if (test.test(view)) {
                        return view;
                    }
                }
            } catch (IOException slow) {
                // a request that timed out on a loaded machine: ask again
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        return null;
    }

    /** The page's server-sent events ({@code /events}): each snapshot, parsed. */
    private static final class EventStream implements AutoCloseable {
        private final java.util.concurrent.BlockingQueue<JsonNode> views =
                new java.util.concurrent.LinkedBlockingQueue<>();
        private final HttpResponse<Stream<String>> response;

        EventStream(HttpClient http, URI uri) throws Exception {
            response =
                    http.sendAsync(
                                    HttpRequest.newBuilder(uri)
                                            .header("Accept", "text/event-stream")
                                            .build(),
                                    HttpResponse.BodyHandlers.ofLines())
                            .get(1, TimeUnit.MINUTES);
            assertThat(response.statusCode()).as("/events status").isEqualTo(200);
            Thread reader =
                    new Thread(
                            () -> {
                                try {
                                    response.body()
                                            .filter(l -> l.startsWith("data: "))
                                            .forEach(l -> views.add(parse(l)));
                                } catch (RuntimeException closed) {
                                    // the stream was closed
                                }
                            },
                            "live-ingest-events");
            reader.setDaemon(true);
            reader.start();
        }

        private static JsonNode parse(String line) {
            try {
                return LiveView.json().readTree(line.substring("data: ".length()));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        void clear() {
            views.clear();
        }

        boolean await(Predicate<JsonNode> test, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            long left;
            while ((left = deadline - System.nanoTime()) > 0) {
                JsonNode v = views.poll(left, TimeUnit.NANOSECONDS);
                if (v != null && test.test(v)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void close() {
            response.body().close();
        }
    }
}
