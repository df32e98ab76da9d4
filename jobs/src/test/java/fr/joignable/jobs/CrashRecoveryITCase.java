package fr.joignable.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.joignable.devkit.EmbeddedKafka;
import fr.joignable.domain.event.InteractionEvent;
import fr.joignable.jobs.io.EventDecoder;
import fr.joignable.jobs.io.KafkaEventDeserializer;
import fr.joignable.jobs.model.JobEvent;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly once through crashes. The {@code stream} job reads a few tens of thousands of generated
 * events (redeliveries, out-of-order lines, late and invalid lines) from an embedded Kafka broker
 * and is interrupted mid-stream:
 *
 * <ol>
 *   <li>a task failure injected in the running job (a map in front of the job's graph throws once
 *       after at least one completed checkpoint); Flink restarts it from the last checkpoint;
 *   <li>the whole process killed ({@code destroyForcibly}, SIGKILL) after two checkpoints, then a
 *       new process restored from the retained checkpoint ({@code execution.state-recovery.path}).
 * </ol>
 *
 * Either way the final tables — the KPI topic read with {@code read_committed} (latest value per
 * key) and the Parquet files — equal those of an uninterrupted bounded {@code kpi} run over the
 * same events; every count of every row is compared, so an event lost or counted twice would show
 * as a difference (the figures "lost" and "counted twice" below are those differences, summed).
 */
class CrashRecoveryITCase {

    static final int PARTITIONS = 2;
    static final List<String> CONTACT_COUNTS =
            List.of(
                    "offered",
                    "answered",
                    "short_abandoned",
                    "abandoned",
                    "answered_in_sl",
                    "handled",
                    "identified",
                    "duplicates",
                    "duplicates_after_abandon");
    static final List<String> AGENT_SECONDS =
            List.of("staffed_s", "ready_s", "busy_s", "wrap_s", "not_ready_s");

    @TempDir Path dir;

    /** Generated input: the lines of each partition, the same as files, and the bounded run. */
    record Input(List<List<byte[]>> byPartition, List<Path> files, long lines, long nonBlank) {}

    Input generate(long seed, int perDay, int agents) throws Exception {
        TestEvents gen = new TestEvents(seed);
        Instant start = Instant.parse("2026-10-05T00:00:00Z");
        List<InteractionEvent> all = new ArrayList<>(gen.contacts(start, 3, perDay));
        all.addAll(gen.agents(start, 3, agents));
        List<byte[]> lines = gen.lines(all, true);
        List<List<byte[]>> byPartition = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
            byPartition.add(new ArrayList<>());
        }
        long nonBlank = 0;
        for (byte[] line : lines) {
            byPartition.get(StreamKpiITCase.partitionOf(line)).add(line);
            if (!EventDecoder.isBlank(line, 0, line.length)) {
                nonBlank++;
            }
        }
        List<Path> files = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
            files.add(TestEvents.write(dir.resolve("p" + p + ".jsonl"), byPartition.get(p)));
        }
        return new Input(byPartition, files, lines.size(), nonBlank);
    }

    // ---------------------------------------------------------------- (a) task failure

    @Test
    void aTaskFailureRestartsFromTheLastCheckpointExactlyOnce() throws Exception {
        Input in = generate(11, 3500, 16);
        RunSummary fileRun =
                FileKpiRun.run(in.files(), dir.resolve("kpi"), true, FileKpiRunTest.liveLateness());
        FailOnce.reset();

        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        conf.set(KpiJobOptions.CHECKPOINT_INTERVAL, Duration.ofMillis(500));
        KpiJobOptions options = KpiJobOptions.from(conf);

        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            String bootstrap = kafka.bootstrapServers();
            createTopics(kafka, options);
            StreamKpiITCase.produce(bootstrap, options.eventsTopic, in.byPartition());

            Path out = dir.resolve("stream");
            long start = System.nanoTime();
            // the graph of KafkaKpiRun.run, with a failing map between the source and the job
            StreamExecutionEnvironment env =
                    StreamExecutionEnvironment.createLocalEnvironment(options.parallelism, conf);
            env.enableCheckpointing(options.checkpointIntervalMs, CheckpointingMode.EXACTLY_ONCE);
            KafkaSource<JobEvent> source =
                    KafkaSource.<JobEvent>builder()
                            .setBootstrapServers(bootstrap)
                            .setTopics(options.eventsTopic)
                            .setGroupId(options.groupId)
                            .setStartingOffsets(
                                    OffsetsInitializer.committedOffsets(
                                            OffsetResetStrategy.EARLIEST))
                            .setDeserializer(new KafkaEventDeserializer())
                            .setProperty("isolation.level", "read_committed")
                            .setBounded(OffsetsInitializer.latest())
                            .build();
            DataStream<JobEvent> events =
                    env.fromSource(
                                    source,
                                    WatermarkStrategy.<JobEvent>forBoundedOutOfOrderness(
                                                    Duration.ofMillis(options.outOfOrdernessMs))
                                            .withTimestampAssigner(
                                                    (e, t) -> e.rejected() ? Long.MIN_VALUE : e.ts)
                                            .withIdleness(Duration.ofMillis(options.idlenessMs)),
                                    "events-kafka")
                            .uid("events-kafka")
                            .map(new FailOnce(in.nonBlank() / 3, 8))
                            .name("fail-once")
                            .uid("fail-once");
            KpiJob.defineWorkflow(
                    events, new KafkaKpiRun.KafkaSinks(bootstrap, out, options), options);
            env.execute("joignable stream with one injected failure");
            long millis = (System.nanoTime() - start) / 1_000_000;

            long through = FailOnce.THROUGH.get();
            System.out.printf(
                    "CrashRecovery(task failure): lines %d (non-blank %d), through the job %d"
                            + " (replayed after restore %d), failures injected %d, failed at"
                            + " record %d after %d checkpoint-complete notifications, subtasks"
                            + " restored %d,"
                            + " %d ms%n",
                    in.lines(),
                    in.nonBlank(),
                    through,
                    through - in.nonBlank(),
                    FailOnce.FAILURES.get(),
                    FailOnce.FAILED_AT.get(),
                    FailOnce.COMPLETED_AT_FAILURE.get(),
                    FailOnce.RESTORED.get(),
                    millis);
            assertThat(FailOnce.FAILURES.get()).as("failures injected").isEqualTo(1);
            assertThat(FailOnce.COMPLETED_AT_FAILURE.get()).isPositive();
            assertThat(FailOnce.RESTORED.get())
                    .as("subtasks restored from a checkpoint")
                    .isPositive();
            assertThat(through)
                    .as("records replayed after the restore")
                    .isGreaterThan(in.nonBlank());
            assertExactlyOnce(
                    bootstrap, options, out, dir.resolve("kpi"), fileRun, "task failure", true);
        }
    }

    /** Passes events through; throws once, after n records and a completed checkpoint. */
    static final class FailOnce extends RichMapFunction<JobEvent, JobEvent>
            implements CheckpointListener, CheckpointedFunction {
        private static final long serialVersionUID = 1L;
        static final AtomicLong THROUGH = new AtomicLong();
        static final AtomicInteger FAILURES = new AtomicInteger();
        static final AtomicInteger COMPLETED = new AtomicInteger();
        static final AtomicInteger COMPLETED_AT_FAILURE = new AtomicInteger();
        static final AtomicLong FAILED_AT = new AtomicLong();
        static final AtomicInteger RESTORED = new AtomicInteger();

        private final long failAfter;
        private final int sleepEvery;

        FailOnce(long failAfter, int sleepEvery) {
            this.failAfter = failAfter;
            this.sleepEvery = sleepEvery;
        }

        static void reset() {
            THROUGH.set(0);
            FAILURES.set(0);
            COMPLETED.set(0);
            COMPLETED_AT_FAILURE.set(0);
            FAILED_AT.set(0);
            RESTORED.set(0);
        }

        @Override
        public JobEvent map(JobEvent e) throws Exception {
            long n = THROUGH.incrementAndGet();
            if (n % sleepEvery == 0) {
                Thread.sleep(1); // slow enough for a few checkpoints before the end
            }
            if (n >= failAfter && COMPLETED.get() > 0 && FAILURES.compareAndSet(0, 1)) {
                FAILED_AT.set(n);
                COMPLETED_AT_FAILURE.set(COMPLETED.get());
                throw new IllegalStateException("injected failure (test) at record " + n);
            }
            return e;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            COMPLETED.incrementAndGet();
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) {}

        @Override
        public void initializeState(FunctionInitializationContext context) {
            if (context.isRestored()) {
                RESTORED.incrementAndGet();
            }
        }
    }

    // ---------------------------------------------------------------- (b) process killed

    @Test
    void aKilledProcessRestartsFromItsRetainedCheckpointExactlyOnce() throws Exception {
        killAndRestore(true, true);
    }

    /**
     * The same without the extra partition: the restored bounded job must end by itself. Before
     * {@link fr.joignable.jobs.io.BoundedKafkaSource} it read everything and then never ended —
     * flink-connector-kafka 5.0.0-2.2, FLINK-31006 (a restored bounded {@code
     * KafkaSourceEnumerator} that finds no partition change never sends "no more splits"; fix
     * proposed upstream in apache/flink-connector-kafka#318).
     */
    @Test
    void aRestoredBoundedStreamRunEnds() throws Exception {
        killAndRestore(false, true);
    }

    void killAndRestore(boolean addPartitionBeforeRestart, boolean checkTopicAgents)
            throws Exception {
        Input in = generate(12, 3500, 16);
        RunSummary fileRun =
                FileKpiRun.run(in.files(), dir.resolve("kpi"), true, FileKpiRunTest.liveLateness());
        KpiJobOptions options = KpiJobOptions.defaults();
        Path out = dir.resolve("stream");
        Path checkpoints = dir.resolve("checkpoints");
        Path tmp = Files.createDirectories(dir.resolve("tmp"));

        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            String bootstrap = kafka.bootstrapServers();
            createTopics(kafka, options);
            // Events arrive in three parts: A committed before the start; B and C each in a
            // Kafka transaction left open, so the job (reading read_committed) waits at B while
            // its bounded end is after C. B is committed just before the kill: the job is
            // processing it, past its last checkpoint, when killed. C is committed after.
            List<List<byte[]>> partA = new ArrayList<>();
            List<List<byte[]>> partB = new ArrayList<>();
            List<List<byte[]>> partC = new ArrayList<>();
            for (List<byte[]> lines : in.byPartition()) {
                int a = lines.size() * 35 / 100;
                int b = lines.size() * 55 / 100;
                partA.add(lines.subList(0, a));
                partB.add(lines.subList(a, b));
                partC.add(lines.subList(b, lines.size()));
            }
            StreamKpiITCase.produce(bootstrap, options.eventsTopic, partA);
            KafkaProducer<byte[], byte[]> txB =
                    openTransaction(bootstrap, "test-b", options, partB);
            KafkaProducer<byte[], byte[]> txC =
                    openTransaction(bootstrap, "test-c", options, partC);
            long aTotal = partA.stream().mapToLong(List::size).sum();

            long start = System.nanoTime();
            Process first = child(bootstrap, out, checkpoints, null, tmp, dir.resolve("first.log"));
            Path retained = null;
            // generous: on a loaded machine the child's Flink takes a while to start
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
            boolean ready = false;
            // wait for two checkpoints, one of them covering A
            while (System.nanoTime() < deadline && first.isAlive()) {
                retained = latestCheckpoint(checkpoints);
                long done =
                        committedOffsets(bootstrap, options).values().stream()
                                .mapToLong(Long::longValue)
                                .sum();
                if (retained != null && checkpointId(retained) >= 2 && done == aTotal) {
                    ready = true;
                    break;
                }
                Thread.sleep(100);
            }
            if (!ready) {
                keepLogs();
                first.destroyForcibly();
                throw new AssertionError(
                        "the first process did not complete two checkpoints covering part A: "
                                + read(dir.resolve("first.log")));
            }
            Map<String, Map<String, Object>> liveContacts = new TreeMap<>();
            Map<String, Map<String, Object>> liveAgents = new TreeMap<>();
            StreamKpiITCase.readKpiTopic(bootstrap, options.kpiTopic, liveContacts, liveAgents);
            long parquetAgentsLive = parquetFiles(out.resolve("agent_intervals"));
            System.out.printf(
                    "CrashRecovery(process killed): before the kill, read_committed: %d contact"
                            + " rows, %d agent rows; agent Parquet files %d%n",
                    liveContacts.size(), liveAgents.size(), parquetAgentsLive);
            txB.commitTransaction();
            txB.close();
            Thread.sleep(300); // B is being processed; the next checkpoint is due in < 500 ms
            if (!first.isAlive()) {
                throw new AssertionError(
                        "the first process ended before the kill: "
                                + read(dir.resolve("first.log")));
            }
            first.destroyForcibly();
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            long killedAfter = (System.nanoTime() - start) / 1_000_000;
            txC.commitTransaction();
            txC.close();
            long bytes =
                    in.byPartition().stream().flatMap(List::stream).mapToLong(l -> l.length).sum();
            retained = latestCheckpoint(checkpoints);
            assertThat(retained).isNotNull();
            Map<Integer, Long> committed = committedOffsets(bootstrap, options);
            long committedTotal = committed.values().stream().mapToLong(Long::longValue).sum();
            assertThat(committedTotal)
                    .as("offsets committed on checkpoints when killed")
                    .isGreaterThanOrEqualTo(aTotal)
                    .isLessThan(in.lines());
            long kpiRecordsAtKill = StreamKpiITCase.countRecords(bootstrap, options.kpiTopic);

            if (addPartitionBeforeRestart) {
                // A partition added while the job is down: the restored enumerator finds a
                // partition change, assigns it and signals the end itself (FLINK-31006's other
                // path; aRestoredBoundedStreamRunEnds covers the path without a change).
                Properties ap = new Properties();
                ap.put("bootstrap.servers", bootstrap);
                try (Admin admin = Admin.create(ap)) {
                    admin.createPartitions(
                                    Map.of(
                                            options.eventsTopic,
                                            NewPartitions.increaseTo(PARTITIONS + 1)))
                            .all()
                            .get();
                }
            }
            long restart = System.nanoTime();
            Process second =
                    child(bootstrap, out, checkpoints, retained, tmp, dir.resolve("second.log"));
            boolean ended = second.waitFor(360, TimeUnit.SECONDS);
            String log = read(dir.resolve("second.log"));
            keepLogs();
            if (!ended) {
                second.destroyForcibly();
            }
            assertThat(ended).as("restored run ends; log: %s", log).isTrue();
            assertThat(second.exitValue()).as(log).isZero();
            assertThat(log).contains("DONE");
            log.lines()
                    .filter(l -> l.contains("ransaction") || l.contains("ommit"))
                    .limit(10)
                    .forEach(l -> System.out.println("  restored process: " + l));
            long restartMillis = (System.nanoTime() - restart) / 1_000_000;

            // the restored process read exactly the records after the checkpoint's offsets
            long readAfter = longAfter(log, "events read: ");
            long expectedAfter = 0;
            for (int p = 0; p < PARTITIONS; p++) {
                List<byte[]> lines = in.byPartition().get(p);
                for (int i = (int) (long) committed.getOrDefault(p, 0L); i < lines.size(); i++) {
                    byte[] l = lines.get(i);
                    expectedAfter += EventDecoder.isBlank(l, 0, l.length) ? 0 : 1;
                }
            }
            System.out.printf(
                    "CrashRecovery(process killed): lines %d (%d bytes), killed after %d ms at"
                            + " retained checkpoint %s (offsets %s = %d records; %d committed"
                            + " KPI records visible), restored process read %d (expected %d),"
                            + " restart to end %d ms%n",
                    in.lines(),
                    bytes,
                    killedAfter,
                    retained.getFileName(),
                    committed,
                    committedTotal,
                    kpiRecordsAtKill,
                    readAfter,
                    expectedAfter,
                    restartMillis);
            // Offsets are committed to Kafka just after a checkpoint completes, so the committed
            // offsets may trail the retained checkpoint: the restored process reads at most the
            // records after them, at least those of C, never all (it resumed, not started over).
            long cNonBlank = 0;
            for (List<byte[]> lines : partC) {
                for (byte[] l : lines) {
                    cNonBlank += EventDecoder.isBlank(l, 0, l.length) ? 0 : 1;
                }
            }
            assertThat(readAfter)
                    .as("records read after the restore")
                    .isGreaterThanOrEqualTo(cNonBlank)
                    .isLessThanOrEqualTo(expectedAfter)
                    .isLessThan(in.nonBlank());
            Map<String, Map<String, Object>> uncommittedContacts = new TreeMap<>();
            Map<String, Map<String, Object>> uncommittedAgents = new TreeMap<>();
            Properties uncommitted = StreamKpiITCase.consumerProps(bootstrap);
            uncommitted.put("isolation.level", "read_uncommitted");
            readTopic(uncommitted, options.kpiTopic, uncommittedContacts, uncommittedAgents);
            System.out.printf(
                    "CrashRecovery(process killed): KPI topic read_uncommitted: %d agent keys%n",
                    uncommittedAgents.size());
            assertExactlyOnce(
                    bootstrap,
                    options,
                    out,
                    dir.resolve("kpi"),
                    fileRun,
                    "process kill",
                    checkTopicAgents);
        }
    }

    /** Reads the KPI topic like StreamKpiITCase.readKpiTopic, with the given consumer props. */
    static void readTopic(
            Properties props,
            String topic,
            Map<String, Map<String, Object>> contacts,
            Map<String, Map<String, Object>> agents)
            throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        try (org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]> c =
                new org.apache.kafka.clients.consumer.KafkaConsumer<>(
                        props,
                        new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                        new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            c.subscribe(List.of(topic));
            int empty = 0;
            while (empty < 6) {
                var records = c.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    empty++;
                    continue;
                }
                empty = 0;
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    JsonNode n = mapper.readTree(r.value());
                    boolean contact = n.get("kind").asText().equals("contact_intervals");
                    (contact ? contacts : agents)
                            .put(new String(r.key(), StandardCharsets.UTF_8), Map.of());
                }
            }
        }
    }

    /** Copies the child processes' logs to target/crash-recovery-logs (the temp dir goes). */
    void keepLogs() throws Exception {
        Path keep = Files.createDirectories(Path.of("target", "crash-recovery-logs"));
        for (String name : List.of("first.log", "second.log")) {
            if (Files.exists(dir.resolve(name))) {
                Files.copy(
                        dir.resolve(name),
                        keep.resolve(name),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    Process child(String bootstrap, Path out, Path checkpoints, Path restore, Path tmp, Path log)
            throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx700m");
        cmd.add("-Djava.io.tmpdir=" + tmp);
        for (String pkg :
                List.of(
                        "java.lang",
                        "java.net",
                        "java.io",
                        "java.nio",
                        "sun.nio.ch",
                        "java.lang.reflect",
                        "java.text",
                        "java.time",
                        "java.util",
                        "java.util.concurrent",
                        "java.util.concurrent.atomic",
                        "java.util.concurrent.locks")) {
            cmd.add("--add-opens");
            cmd.add("java.base/" + pkg + "=ALL-UNNAMED");
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(StreamProcessMain.class.getName());
        cmd.add(bootstrap);
        cmd.add(out.toString());
        cmd.add(checkpoints.toString());
        if (restore != null) {
            cmd.add(restore.toString());
        }
        return new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    /**
     * The newest complete checkpoint ({@code chk-N} holding {@code _metadata}, highest N), or null.
     * A kill while Flink deletes a subsumed checkpoint can leave an older one half deleted.
     */
    static Path latestCheckpoint(Path checkpoints) throws Exception {
        if (!Files.isDirectory(checkpoints)) {
            return null;
        }
        for (int attempt = 0; ; attempt++) {
            // Flink deletes subsumed checkpoints meanwhile: walk again when a file vanishes
            try (Stream<Path> walk = Files.walk(checkpoints, 3)) {
                return walk.filter(p -> p.getFileName().toString().equals("_metadata"))
                        .map(Path::getParent)
                        .filter(p -> p.getFileName().toString().startsWith("chk-"))
                        // by id, not by time: deleting a subsumed checkpoint touches its directory
                        .max(Comparator.comparingLong(CrashRecoveryITCase::checkpointId))
                        .orElse(null);
            } catch (java.io.UncheckedIOException | java.nio.file.NoSuchFileException e) {
                if (attempt > 20) {
                    throw e;
                }
                Thread.sleep(20);
            }
        }
    }

    static long checkpointId(Path chk) {
        return Long.parseLong(chk.getFileName().toString().substring(4));
    }

    static Map<Integer, Long> committedOffsets(String bootstrap, KpiJobOptions options)
            throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        Map<Integer, Long> out = new TreeMap<>();
        try (Admin admin = Admin.create(p)) {
            Map<TopicPartition, OffsetAndMetadata> offsets =
                    admin.listConsumerGroupOffsets(options.groupId)
                            .partitionsToOffsetAndMetadata()
                            .get();
            for (Map.Entry<TopicPartition, OffsetAndMetadata> e : offsets.entrySet()) {
                if (e.getKey().topic().equals(options.eventsTopic) && e.getValue() != null) {
                    out.put(e.getKey().partition(), e.getValue().offset());
                }
            }
            // sanity: end offsets are the produced counts
            Map<TopicPartition, OffsetSpec> specs = new java.util.HashMap<>();
            for (int i = 0; i < PARTITIONS; i++) {
                specs.put(new TopicPartition(options.eventsTopic, i), OffsetSpec.latest());
            }
            admin.listOffsets(specs).all().get();
        }
        return out;
    }

    /** Sends the lines (partition by partition) in a transaction left open. */
    static KafkaProducer<byte[], byte[]> openTransaction(
            String bootstrap, String id, KpiJobOptions options, List<List<byte[]>> byPartition) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("transactional.id", id);
        p.put("transaction.timeout.ms", "300000");
        KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
        producer.initTransactions();
        producer.beginTransaction();
        for (int part = 0; part < byPartition.size(); part++) {
            for (byte[] line : byPartition.get(part)) {
                producer.send(new ProducerRecord<>(options.eventsTopic, part, null, line));
            }
        }
        producer.flush();
        return producer;
    }

    // ---------------------------------------------------------------- shared checks

    /**
     * The job's topics. The output topics keep their records forever: the Kafka sinks stamp a
     * record with its event time (here October 2026), and the broker's default time retention (7
     * days, first check 30 s after start) would delete those older than a week meanwhile.
     */
    static void createTopics(EmbeddedKafka kafka, KpiJobOptions options) throws Exception {
        kafka.createTopics(PARTITIONS, options.eventsTopic);
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            List<org.apache.kafka.clients.admin.NewTopic> topics = new ArrayList<>();
            for (String t : List.of(options.kpiTopic, options.rejectedTopic, options.liveTopic)) {
                topics.add(
                        new org.apache.kafka.clients.admin.NewTopic(t, 1, (short) 1)
                                .configs(Map.of("retention.ms", "-1")));
            }
            admin.createTopics(topics).all().get();
        }
    }

    /**
     * The stream run's final tables (KPI topic read_committed, latest per key; Parquet) equal the
     * bounded run's; the rejected/late topic holds each problem line once.
     */
    static void assertExactlyOnce(
            String bootstrap,
            KpiJobOptions options,
            Path streamOut,
            Path fileOut,
            RunSummary fileRun,
            String what,
            boolean checkTopicAgents)
            throws Exception {
        TreeMap<String, Map<String, Object>> contacts =
                CsvTables.read(fileOut.resolve("contact_intervals.csv"), 3);
        TreeMap<String, Map<String, Object>> agents =
                CsvTables.read(fileOut.resolve("agent_intervals.csv"), 2);

        Map<String, Map<String, Object>> topicContacts = new TreeMap<>();
        Map<String, Map<String, Object>> topicAgents = new TreeMap<>();
        StreamKpiITCase.readKpiTopic(bootstrap, options.kpiTopic, topicContacts, topicAgents);
        TreeMap<String, Map<String, Object>> parquetContacts = ParquetRead.contactRows(streamOut);
        TreeMap<String, Map<String, Object>> parquetAgents = ParquetRead.agentRows(streamOut);

        long[] topic = lostAndDouble(topicContacts, contacts, CONTACT_COUNTS);
        long[] parquet = lostAndDouble(parquetContacts, contacts, CONTACT_COUNTS);
        long[] topicAgentS = lostAndDouble(topicAgents, agents, AGENT_SECONDS);
        long[] parquetAgentS = lostAndDouble(parquetAgents, agents, AGENT_SECONDS);

        // each rejected or late line once in the rejected topic (key: source, line number)
        ObjectMapper mapper = new ObjectMapper();
        Set<String> problems = new HashSet<>();
        long problemRecords = 0;
        for (ConsumerRecord<byte[], byte[]> r :
                StreamKpiITCase.readAll(bootstrap, options.rejectedTopic)) {
            JsonNode n = mapper.readTree(r.value());
            problems.add(n.path("source").asText() + "#" + n.path("lineNumber").asLong());
            problemRecords++;
        }
        long expectedContacts = sum(contacts, CONTACT_COUNTS);
        System.out.printf(
                "CrashRecovery(%s): contact counts expected %d; topic lost %d, twice %d; parquet"
                        + " lost %d, twice %d; agent seconds topic lost %d, twice %d; parquet"
                        + " lost %d, twice %d; rejected+late records %d (distinct %d, expected"
                        + " %d); rows: contacts %d, agents %d%n",
                what,
                expectedContacts,
                topic[0],
                topic[1],
                parquet[0],
                parquet[1],
                topicAgentS[0],
                topicAgentS[1],
                parquetAgentS[0],
                parquetAgentS[1],
                problemRecords,
                problems.size(),
                fileRun.rejected() + fileRun.late(),
                contacts.size(),
                agents.size());

        showDifferences("topic agents", topicAgents, agents, AGENT_SECONDS);
        showDifferences("topic contacts", topicContacts, contacts, CONTACT_COUNTS);
        assertThat(expectedContacts).isPositive();
        assertThat(topic).as("topic contact counts lost, counted twice").containsExactly(0, 0);
        assertThat(parquet).as("parquet contact counts lost, counted twice").containsExactly(0, 0);
        if (checkTopicAgents) {
            assertThat(topicAgentS).as("topic agent seconds lost, twice").containsExactly(0, 0);
        } else {
            assertThat(topicAgentS[1]).as("topic agent seconds counted twice").isZero();
        }
        assertThat(parquetAgentS).as("parquet agent seconds lost, twice").containsExactly(0, 0);
        FileKpiRunTest.assertSameTables(topicContacts, contacts);
        if (checkTopicAgents) {
            FileKpiRunTest.assertSameTables(topicAgents, agents);
        }
        FileKpiRunTest.assertSameTables(parquetContacts, contacts);
        FileKpiRunTest.assertSameTables(parquetAgents, agents);
        assertThat(problemRecords).isEqualTo(problems.size());
        assertThat(problemRecords).isEqualTo(fileRun.rejected() + fileRun.late());
    }

    static long parquetFiles(Path table) throws Exception {
        if (!Files.isDirectory(table)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(table)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".parquet")).count();
        }
    }

    /** Prints the first differing rows (diagnosis). */
    static void showDifferences(
            String what,
            Map<String, Map<String, Object>> actual,
            Map<String, Map<String, Object>> expected,
            List<String> columns) {
        int shown = 0;
        int differing = 0;
        for (String key : new java.util.TreeSet<>(expected.keySet())) {
            Map<String, Object> have = actual.get(key);
            Map<String, Object> want = expected.get(key);
            boolean same = have != null;
            if (same) {
                for (String c : columns) {
                    same &= Math.round(value(want.get(c))) == Math.round(value(have.get(c)));
                }
            }
            if (!same) {
                differing++;
                if (shown++ < 12) {
                    System.out.printf(
                            "  %s differs at %s: expected %s, got %s%n", what, key, want, have);
                }
            }
        }
        if (differing > 0) {
            System.out.printf("  %s: %d of %d rows differ%n", what, differing, expected.size());
        }
    }

    /** {lost, counted twice}: summed shortfalls and excesses of the given columns. */
    static long[] lostAndDouble(
            Map<String, Map<String, Object>> actual,
            Map<String, Map<String, Object>> expected,
            List<String> columns) {
        long lost = 0;
        long twice = 0;
        Set<String> keys = new HashSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        for (String key : keys) {
            Map<String, Object> want = expected.getOrDefault(key, Map.of());
            Map<String, Object> have = actual.getOrDefault(key, Map.of());
            for (String c : columns) {
                long w = Math.round(value(want.get(c)));
                long h = Math.round(value(have.get(c)));
                lost += Math.max(0, w - h);
                twice += Math.max(0, h - w);
            }
        }
        return new long[] {lost, twice};
    }

    static long sum(Map<String, Map<String, Object>> rows, List<String> columns) {
        long s = 0;
        for (Map<String, Object> row : rows.values()) {
            for (String c : columns) {
                s += Math.round(value(row.get(c)));
            }
        }
        return s;
    }

    private static double value(Object o) {
        return o == null ? 0 : ((Number) o).doubleValue();
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (Exception e) {
            return "(no log)";
        }
    }

    static long longAfter(String text, String label) {
        Matcher m = Pattern.compile(Pattern.quote(label) + "(\\d+)").matcher(text);
        if (!m.find()) {
            throw new AssertionError("no '" + label + "' in: " + text);
        }
        return Long.parseLong(m.group(1));
    }

    static final String SEP = File.separator;
}
