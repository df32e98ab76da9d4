package fr.joignable.bench;

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
import fr.joignable.wallboard.KafkaLiveFeed;
import fr.joignable.wallboard.WallboardServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Live latency at real pace, event → page: the real unbounded {@code joignable stream} job in its
 * own JVM on an embedded broker (events topic of 2 partitions, keyed like production), with the
 * production defaults but for the out-of-orderness given; the wallboard ({@link KafkaLiveFeed} +
 * {@link WallboardServer}) and a Server-Sent-Events client in this JVM.
 *
 * <p>This JVM sends events stamped with the wall clock (1× pace): throughout, a background load (10
 * agents changing state every 5 s on average, a contact offered every 2 s and answered 3–30 s
 * later); once the page shows a first snapshot and 60 s of load have passed (the job's steady
 * state), probes at random phases (the gap between two probes uniform in 0.5–1.5 s, so no probe is
 * aligned with any period of the job or the page): a phone contact offered to queue {@code
 * BENCH_PROBE}, answered 2 s later. Probe k is seen when the queue's last-60-minutes {@code
 * offered} count reaches k + 1, separately in the snapshots on the live topic (event → snapshot
 * topic) and in the page's event stream (event → page): the wall time from just before the send to
 * the arrival.
 */
public final class LatencyRun {

    static final String NAME = "latency";
    private static final String PROBE_QUEUE = "BENCH_PROBE";
    private static final String LOAD_QUEUE = "BENCH_LOAD";
    private static final long GRACE_MS = 5_000;
    private static final long WARM_UP_S = 60;

    private LatencyRun() {}

    /** Latencies of one session, ms, sorted; {@code missed} probes never seen. */
    record Session(double[] page, double[] topic, int probes, int missedPage, int missedTopic) {}

    public static List<Row> run(Path work, int seconds, long oooMs, int compareSeconds)
            throws Exception {
        List<Row> rows = new ArrayList<>();
        Session s = session(work, seconds, oooMs);
        String w =
                String.format(
                        Locale.ROOT,
                        "1× pace, %d s, %d probes at random phases, out-of-orderness %s",
                        seconds,
                        s.probes(),
                        oooMs == 300_000 ? "5 min (production default)" : oooMs + " ms");
        rows.add(
                Row.ratio(
                        NAME,
                        "p99 / p50 of event → page latency, " + w,
                        percentile(s.page(), 99) / percentile(s.page(), 50),
                        ""));
        rows.addAll(figures("event → page (SSE client)", s.page(), s.missedPage(), w, true));
        rows.addAll(figures("event → snapshot topic", s.topic(), s.missedTopic(), w, true));
        if (compareSeconds > 0) {
            Session c = session(work, compareSeconds, 0);
            String cw =
                    String.format(
                            Locale.ROOT,
                            "1× pace, %d s, %d probes, out-of-orderness 0 (for comparison)",
                            compareSeconds,
                            c.probes());
            rows.addAll(figures("event → page (SSE client)", c.page(), c.missedPage(), cw, false));
            rows.addAll(figures("event → snapshot topic", c.topic(), c.missedTopic(), cw, false));
        }
        return rows;
    }

    private static List<Row> figures(
            String path, double[] sorted, int missed, String workload, boolean withMax) {
        String note = missed == 0 ? "" : missed + " probes not seen within 5 s";
        List<Row> rows = new ArrayList<>();
        rows.add(
                new Row(
                        NAME,
                        path + " latency p50, " + workload,
                        percentile(sorted, 50),
                        "ms",
                        ""));
        rows.add(
                new Row(
                        NAME,
                        path + " latency p99, " + workload,
                        percentile(sorted, 99),
                        "ms",
                        ""));
        if (withMax) {
            rows.add(
                    new Row(
                            NAME,
                            path + " latency max, " + workload,
                            sorted[sorted.length - 1],
                            "ms",
                            note));
        }
        return rows;
    }

    static double percentile(double[] sorted, double p) {
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static Session session(Path work, int seconds, long oooMs) throws Exception {
        String prefix = "bench-live-" + UUID.randomUUID().toString().substring(0, 8);
        Path log = work.resolve("latency-job-" + oooMs + ".log");
        Path out = work.resolve("latency-out");
        ReportRun.deleteTree(out);
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            String bootstrap = kafka.bootstrapServers();
            kafka.createTopics(2, prefix + ".events");
            kafka.createTopics(1, prefix + ".live", prefix + ".kpis", prefix + ".rejected");
            Process job =
                    ChildJvm.start(
                            KpiJobChild.class,
                            List.of(
                                    "kafka-live",
                                    bootstrap,
                                    out.toString(),
                                    prefix,
                                    Long.toString(oooMs)),
                            log);
            try (KafkaLiveFeed feed = KafkaLiveFeed.start(bootstrap, prefix + ".live");
                    WallboardServer page =
                            WallboardServer.start(feed, WallboardServer.Config.local(0))) {
                return new Probing(
                                bootstrap,
                                prefix,
                                page.uri(),
                                seconds,
                                work.resolve("latency-probes-" + oooMs + ".csv"))
                        .run();
            } finally {
                job.destroy();
                if (!job.waitFor(10, TimeUnit.SECONDS)) {
                    job.destroyForcibly();
                }
                ReportRun.deleteTree(out);
            }
        }
    }

    /** One measurement: the sender (this thread), a topic reader and a page reader. */
    private static final class Probing {
        private final String bootstrap;
        private final String prefix;
        private final URI page;
        private final int seconds;
        private final int capacity;
        private final AtomicLongArray sentAt;
        private final AtomicLongArray pageAt;
        private final AtomicLongArray topicAt;
        private volatile int sent;
        private volatile boolean running = true;
        private volatile boolean pageLive;
        private volatile boolean topicReady;
        private final Random random = new Random(16);
        private final EventCodec codec = EventCodec.instance();
        private long ids;

        private final Path dump;

        Probing(String bootstrap, String prefix, URI page, int seconds, Path dump) {
            this.dump = dump;
            this.bootstrap = bootstrap;
            this.prefix = prefix;
            this.page = page;
            this.seconds = seconds;
            this.capacity = 2 * seconds + 16;
            this.sentAt = new AtomicLongArray(capacity);
            this.pageAt = new AtomicLongArray(capacity);
            this.topicAt = new AtomicLongArray(capacity);
        }

        /** A scheduled event: due at {@code due} (nanoTime). */
        private record Due(long due, String key, InteractionEvent event, int probe)
                implements Comparable<Due> {
            @Override
            public int compareTo(Due o) {
                return Long.compare(due, o.due);
            }
        }

        Session run() throws Exception {
            Thread topicReader = new Thread(this::readTopic, "latency-topic-reader");
            Thread pageReader = new Thread(this::readPage, "latency-page-reader");
            topicReader.setDaemon(true);
            pageReader.setDaemon(true);
            topicReader.start();
            pageReader.start();
            Properties pp = new Properties();
            pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            pp.put(ProducerConfig.LINGER_MS_CONFIG, "0");
            String topic = prefix + ".events";
            try (KafkaProducer<String, byte[]> producer =
                    new KafkaProducer<>(pp, new StringSerializer(), new ByteArraySerializer())) {
                PriorityQueue<Due> queue = new PriorityQueue<>();
                long now = System.nanoTime();
                for (int a = 0; a < 10; a++) {
                    queue.add(agentChange(now, "load-agent-" + a));
                }
                queue.add(loadContact(now));
                // warm up: the page shows the job's snapshots
                long warmUntil = now + TimeUnit.SECONDS.toNanos(180);
                while (!pageLive || !topicReady) {
                    now = sendDue(producer, topic, queue);
                    if (now > warmUntil) {
                        throw new IllegalStateException("the page showed no snapshot in 3 min");
                    }
                }
                // steady state: the job has run for a while before the first probe
                long steady = System.nanoTime() + TimeUnit.SECONDS.toNanos(WARM_UP_S);
                while (System.nanoTime() < steady) {
                    sendDue(producer, topic, queue);
                }
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
                queue.add(probe(System.nanoTime() + gap(), 0));
                while (System.nanoTime() < end) {
                    sendDue(producer, topic, queue);
                }
                Thread.sleep(GRACE_MS);
            } finally {
                running = false;
            }
            topicReader.join(5000);
            int n = sent;
            double[] page = latencies(pageAt, n);
            double[] toTopic = latencies(topicAt, n);
            StringBuilder csv = new StringBuilder("probe,sent_ms,page_ms,topic_ms\n");
            for (int k = 0; k < n; k++) {
                csv.append(
                        String.format(
                                Locale.ROOT,
                                "%d,%d,%.1f,%.1f%n",
                                k,
                                (sentAt.get(k) - sentAt.get(0)) / 1_000_000,
                                page[k],
                                toTopic[k]));
            }
            java.nio.file.Files.writeString(dump, csv);
            return new Session(
                    seen(page), seen(toTopic), n, n - seen(page).length, n - seen(toTopic).length);
        }

        private double[] latencies(AtomicLongArray at, int n) {
            double[] ms = new double[n];
            for (int k = 0; k < n; k++) {
                long t = at.get(k);
                ms[k] = t == 0 ? Double.NaN : (t - sentAt.get(k)) / 1e6;
            }
            return ms;
        }

        private static double[] seen(double[] ms) {
            double[] s = Arrays.stream(ms).filter(v -> !Double.isNaN(v)).sorted().toArray();
            if (s.length == 0) {
                throw new IllegalStateException("no probe was seen");
            }
            return s;
        }

        /** Sends what is due (sleeping until the first is), schedules what follows; nanoTime. */
        private long sendDue(
                KafkaProducer<String, byte[]> producer, String topic, PriorityQueue<Due> q)
                throws Exception {
            Due next = q.peek();
            long wait = next.due() - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(Math.min(wait, TimeUnit.MILLISECONDS.toNanos(50)));
                return System.nanoTime();
            }
            q.poll();
            if (next.probe() >= 0) {
                sentAt.set(next.probe(), System.nanoTime());
                sent = next.probe() + 1;
            }
            producer.send(
                    new ProducerRecord<>(topic, next.key(), codec.encodeBytes(restamp(next))));
            long now = System.nanoTime();
            // what follows
            InteractionEvent e = next.event();
            if (e instanceof AgentStateChanged a) {
                q.add(agentChange(now, a.agentId()));
            } else if (e instanceof ContactOffered o && next.probe() >= 0) {
                q.add(answer(now + TimeUnit.SECONDS.toNanos(2), o.contactId()));
                if (next.probe() + 1 < capacity) {
                    q.add(probe(now + gap(), next.probe() + 1));
                }
            } else if (e instanceof ContactOffered o) {
                long talk = TimeUnit.MILLISECONDS.toNanos(3_000 + random.nextInt(27_000));
                q.add(answer(now + talk, o.contactId()));
                q.add(loadContact(now));
            }
            return now;
        }

        /** The event stamped with the wall clock at its sending. */
        private InteractionEvent restamp(Due d) {
            Instant ts = Instant.now();
            InteractionEvent e = d.event();
            if (e instanceof AgentStateChanged a) {
                return AgentStateChanged.of(a.eventId(), ts, a.agentId(), a.team(), a.state());
            }
            if (e instanceof ContactOffered o) {
                return ContactOffered.anonymous(
                        o.eventId(), ts, o.contactId(), o.channel(), o.queue(), o.intent());
            }
            ContactAnswered a = (ContactAnswered) e;
            return ContactAnswered.of(a.eventId(), ts, a.contactId(), a.agentId());
        }

        private long gap() {
            return TimeUnit.MILLISECONDS.toNanos(500 + random.nextInt(1000));
        }

        private Due agentChange(long now, String agent) {
            AgentState[] states = {
                AgentState.READY, AgentState.BUSY, AgentState.WRAP_UP, AgentState.NOT_READY
            };
            long in = (long) (-Math.log(1 - random.nextDouble()) * 5e9);
            return new Due(
                    now + in,
                    agent,
                    AgentStateChanged.of(
                            "e" + ids++,
                            Instant.EPOCH,
                            agent,
                            "BENCH",
                            states[random.nextInt(states.length)]),
                    -1);
        }

        private Due loadContact(long now) {
            long in = (long) (-Math.log(1 - random.nextDouble()) * 2e9);
            String id = "load-c" + ids++;
            return new Due(
                    now + in,
                    id,
                    ContactOffered.anonymous(
                            "e" + ids++, Instant.EPOCH, id, Channel.PHONE, LOAD_QUEUE, "OTHER"),
                    -1);
        }

        private Due probe(long at, int k) {
            String id = "probe-c" + k;
            return new Due(
                    at,
                    id,
                    ContactOffered.anonymous(
                            "probe-" + k, Instant.EPOCH, id, Channel.PHONE, PROBE_QUEUE, "OTHER"),
                    k);
        }

        private Due answer(long at, String contact) {
            return new Due(
                    at,
                    contact,
                    ContactAnswered.of("e" + ids++, Instant.EPOCH, contact, "load-agent-0"),
                    -1);
        }

        /** Marks every probe below the offered count as seen now. */
        private static int mark(AtomicLongArray at, int from, long offered, int sentNow, long now) {
            int k = from;
            while (k < Math.min(offered, sentNow)) {
                at.set(k++, now);
            }
            return k;
        }

        private static long probesOffered(JsonNode queues) {
            for (JsonNode q : queues) {
                if (PROBE_QUEUE.equals(q.path("queue").asText())) {
                    return q.path("last60m").path("offered").asLong(0);
                }
            }
            return 0;
        }

        private void readTopic() {
            Properties cp = new Properties();
            cp.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            int next = 0;
            try (KafkaConsumer<byte[], byte[]> consumer =
                    new KafkaConsumer<>(
                            cp, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                TopicPartition tp = new TopicPartition(prefix + ".live", 0);
                consumer.assign(List.of(tp));
                consumer.seekToEnd(List.of(tp));
                consumer.position(tp);
                topicReady = true;
                while (running) {
                    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(50))) {
                        long at = System.nanoTime();
                        JsonNode queues = LiveView.json().readTree(r.value()).path("queues");
                        next = mark(topicAt, next, probesOffered(queues), sent, at);
                    }
                }
            } catch (IOException | RuntimeException e) {
                if (running) {
                    System.err.println("latency: topic reader stopped: " + e);
                }
            }
        }

        private void readPage() {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest request =
                    HttpRequest.newBuilder(page.resolve("/events"))
                            .header("Accept", "text/event-stream")
                            .build();
            int[] next = {0};
            while (running) {
                try {
                    HttpResponse<Stream<String>> response =
                            http.send(request, HttpResponse.BodyHandlers.ofLines());
                    try (Stream<String> lines = response.body()) {
                        lines.filter(l -> l.startsWith("data: "))
                                .takeWhile(l -> running)
                                .forEach(
                                        l -> {
                                            long at = System.nanoTime();
                                            JsonNode view = parse(l.substring(6));
                                            if ("live".equals(view.path("state").asText())) {
                                                pageLive = true;
                                            }
                                            next[0] =
                                                    mark(
                                                            pageAt,
                                                            next[0],
                                                            probesOffered(view.path("queues")),
                                                            sent,
                                                            at);
                                        });
                    }
                } catch (IOException | RuntimeException e) {
                    // the page went away: reconnect while running
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private static JsonNode parse(String json) {
            try {
                return LiveView.json().readTree(json);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
