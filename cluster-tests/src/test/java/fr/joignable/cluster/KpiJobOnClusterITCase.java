package fr.joignable.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.joignable.domain.event.Decoded;
import fr.joignable.domain.event.EventCodec;
import fr.joignable.domain.event.InteractionEvent;
import fr.joignable.jobs.FileKpiRun;
import fr.joignable.jobs.KpiJobOptions;
import fr.joignable.jobs.RunSummary;
import fr.joignable.jobs.TestEvents;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real KPI job jar ({@code jobs/target/joignable-jobs-VERSION-job.jar}, main class {@code
 * fr.joignable.jobs.StreamJobMain}) on a real cluster: a Flink session cluster of one JobManager
 * and two TaskManagers (2 slots each) as separate processes whose classpath is only Flink's, and a
 * three-broker Kafka cluster. The generated events are produced first to a 4-partition topic, keyed
 * by contactId / agentId; the job runs at parallelism 4 with {@code --until-end}, a checkpoint
 * every second and Parquet to a local folder. Once two checkpoints have completed one TaskManager
 * is killed (SIGKILL) and a replacement started; the cluster is supervised as in production (a
 * TaskManager that exits by itself, as the surviving one sometimes does in Flink 2.2 when its peer
 * is lost, is replaced: {@link FlinkSessionCluster#replaceExitedTaskManagers()}); the job restores
 * from its last checkpoint and finishes. Its outputs must then equal the bounded {@code kpi} run
 * ({@link FileKpiRun}, in this JVM) over the same events, one file per partition in partition
 * order: the four Parquet tables (read with DuckDB, hive partitioning) and the KPI topic read
 * {@code read_committed}, latest value per key, compared as sorted rows.
 */
class KpiJobOnClusterITCase {

    private static final int PARTITIONS = 4;
    private static final int PARALLELISM = 4;
    private static final String MAIN = "fr.joignable.jobs.StreamJobMain";

    /** 4 subtasks x 700 events/s: about 15 s of input for ~43 000 lines. */
    private static final int EVENTS_PER_SECOND_PER_SUBTASK = 700;

    private static final String EVENTS = "kpi-events";
    private static final String KPIS = "kpi-rows";
    private static final String LIVE = "kpi-live";
    private static final String REJECTED = "kpi-rejected";

    private static final double TOLERANCE = 1e-6;

    @Test
    void theKpiJobJarSurvivesATaskManagerLossWithTheBoundedRunsResults(
            @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir) throws Exception {
        Path jar = Path.of(System.getProperty("joignable.kpiJobJar"));
        assertThat(jar).exists();
        long t0 = System.nanoTime();

        // events, keyed and partitioned as Kafka's default partitioner does
        TestEvents gen = new TestEvents(11);
        Instant start = Instant.parse("2026-10-05T00:00:00Z");
        List<InteractionEvent> all = new ArrayList<>(gen.contacts(start, 3, 3500));
        all.addAll(gen.agents(start, 3, 40));
        List<byte[]> lines = gen.lines(all, true);
        List<List<byte[]>> keys = new ArrayList<>();
        List<List<byte[]>> byPartition = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
            keys.add(new ArrayList<>());
            byPartition.add(new ArrayList<>());
        }
        for (byte[] line : lines) {
            byte[] key = keyOf(line);
            int p = key == null ? 0 : Utils.toPositive(Utils.murmur2(key)) % PARTITIONS;
            keys.get(p).add(key);
            byPartition.get(p).add(line);
        }

        // the reference: the bounded kpi run over one file per partition
        List<Path> files = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
            files.add(TestEvents.write(dir.resolve("p" + p + ".jsonl"), byPartition.get(p)));
        }
        Configuration conf = new Configuration();
        conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.ofMebiBytes(128));
        // lateness judged per file in line order, as the live job does per partition
        conf.set(KpiJobOptions.FILES_JUDGE_LATENESS, true);
        Path kpiOut = dir.resolve("kpi");
        RunSummary reference = FileKpiRun.run(files, kpiOut, false, conf);
        log(
                t0,
                "%d lines (%d events), bounded run: %d read, %d rejected, %d late",
                lines.size(),
                all.size(),
                reference.read(),
                reference.rejected(),
                reference.late());

        Path streamOut = dir.resolve("stream");
        try (KafkaCluster kafka = KafkaCluster.start(dir.resolve("kafka"));
                FlinkSessionCluster flink =
                        FlinkSessionCluster.builder(dir.resolve("flink"))
                                .taskManagers(2)
                                .slotsPerTaskManager(2)
                                .supervised(true)
                                .build()) {
            try {
                kafka.createTopics(PARTITIONS, EVENTS);
                kafka.createTopics(3, KPIS, LIVE, REJECTED);
                produce(kafka.bootstrapServers(), keys, byPartition);
                log(t0, "Kafka up, %d lines produced to %s", lines.size(), EVENTS);

                flink.start();
                log(t0, "Flink up at %s", flink.restUrl());

                String jobId =
                        flink.submitJar(
                                jar,
                                MAIN,
                                PARALLELISM,
                                List.of(
                                        "--bootstrap-servers",
                                        kafka.bootstrapServers(),
                                        "--events-topic",
                                        EVENTS,
                                        "--kpi-topic",
                                        KPIS,
                                        "--live-topic",
                                        LIVE,
                                        "--rejected-topic",
                                        REJECTED,
                                        "--group-id",
                                        "kpi-on-cluster",
                                        "--out",
                                        streamOut.toUri().toString(),
                                        "--checkpoint-interval",
                                        "1s",
                                        "--until-end",
                                        "--max-events-per-second-per-subtask",
                                        Integer.toString(EVENTS_PER_SECOND_PER_SUBTASK)));
                flink.waitForJobStatus(jobId, Set.of("RUNNING"), Duration.ofSeconds(60));
                log(t0, "job %s running", jobId);

                long checkpoints = flink.waitForCheckpoints(jobId, 2, Duration.ofSeconds(90));
                assertThat(flink.jobStatus(jobId)).isEqualTo("RUNNING");
                int sourcesDone = finishedSourceSubtasks(flink, jobId);
                flink.killTaskManager(0);
                log(
                        t0,
                        "TaskManager 0 killed after %d completed checkpoints (last: %s ms),"
                                + " while %d of %d source subtasks had finished reading",
                        checkpoints,
                        flink.checkpoints(jobId)
                                .path("latest")
                                .path("completed")
                                .path("end_to_end_duration")
                                .asText(),
                        sourcesDone,
                        PARALLELISM);
                assertThat(sourcesDone).as("source subtasks done before the kill").isZero();
                flink.startTaskManager();

                flink.waitForJobStatus(jobId, Set.of("FINISHED"), Duration.ofMinutes(5));
                log(t0, "job finished");
                for (String r : flink.replacedTaskManagers()) {
                    log(t0, "replaced, as a resource manager would: %s", r);
                }

                JsonNode restored = flink.checkpoints(jobId).path("latest").path("restored");
                assertThat(restored.isObject())
                        .as("the job restored from a checkpoint: %s", restored)
                        .isTrue();

                // Parquet: the four tables, sorted rows
                for (String table : FileKpiRun.TABLES) {
                    Map<String, List<List<Double>>> want = parquetRows(kpiOut, table);
                    Map<String, List<List<Double>>> got = parquetRows(streamOut, table);
                    assertThat(want).as(table).isNotEmpty();
                    assertSameRows(table + " (Parquet)", got, want);
                    log(t0, "%s: %d rows equal", table, count(want));
                }

                // the KPI topic, read_committed, latest value per key
                Map<String, List<String>> columns = new HashMap<>();
                columns.put("contact_intervals", columnTypes(kpiOut, "contact_intervals"));
                columns.put("agent_intervals", columnTypes(kpiOut, "agent_intervals"));
                Map<String, Map<String, List<List<Double>>>> topic =
                        readKpiTopic(kafka.bootstrapServers(), columns);
                for (String table : List.of("contact_intervals", "agent_intervals")) {
                    Map<String, List<List<Double>>> want = parquetRows(kpiOut, table);
                    assertSameRows(
                            table + " (KPI topic)", topic.getOrDefault(table, Map.of()), want);
                    log(t0, "%s: %d topic rows equal", table, count(want));
                }
                log(
                        t0,
                        "restored from checkpoint %s; Parquet and KPI topic equal the bounded run",
                        restored.path("id"));
            } catch (Throwable t) {
                System.err.println(flink.logTails(60));
                throw t;
            }
        }
    }

    /** Subtasks of the source vertex that have read up to their end offsets (FINISHED). */
    private static int finishedSourceSubtasks(FlinkSessionCluster flink, String jobId) {
        for (JsonNode v : flink.jobDetails(jobId).path("vertices")) {
            if (v.path("name").asText().contains("Source")) {
                return v.path("tasks").path("FINISHED").asInt();
            }
        }
        throw new AssertionError("no source vertex");
    }

    /** The Kafka key of a line (contactId, agentId, handoffId), or null for a bad line. */
    private static byte[] keyOf(byte[] line) {
        Decoded d = EventCodec.instance().decode(line);
        if (d instanceof Decoded.Accepted a) {
            return a.event().key().getBytes(StandardCharsets.UTF_8);
        }
        return null;
    }

    private static void produce(
            String bootstrap, List<List<byte[]>> keys, List<List<byte[]>> byPartition) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int part = 0; part < byPartition.size(); part++) {
                for (int i = 0; i < byPartition.get(part).size(); i++) {
                    // keyed records go where the default partitioner would put them; the
                    // partition is explicit so that bad (unkeyed) lines go to a known one
                    producer.send(
                            new ProducerRecord<>(
                                    EVENTS,
                                    part,
                                    keys.get(part).get(i),
                                    byPartition.get(part).get(i)));
                }
            }
            producer.flush();
        }
    }

    /** Column name to DuckDB type of a table, in schema order (without the hive column day). */
    private static List<String> columnTypes(Path out, String table) throws SQLException {
        List<String> cols = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery(
                                "describe select * exclude (day) from " + scan(out, table))) {
            while (rs.next()) {
                cols.add(rs.getString("column_name") + " " + rs.getString("column_type"));
            }
        }
        return cols;
    }

    private static String scan(Path out, String table) {
        return "read_parquet('" + out.resolve(table) + "/**/*.parquet', hive_partitioning=true)";
    }

    /**
     * Rows of a Parquet table: key = the non-double columns (timestamps as epoch millis), value =
     * the double columns, one list per row with that key.
     */
    private static Map<String, List<List<Double>>> parquetRows(Path out, String table)
            throws SQLException {
        List<String> cols = columnTypes(out, table);
        List<String> select = new ArrayList<>();
        for (String col : cols) {
            String name = col.substring(0, col.indexOf(' '));
            select.add(col.contains("TIMESTAMP") ? "epoch_ms(" + name + ")" : name);
        }
        Map<String, List<List<Double>>> rows = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery(
                                "select "
                                        + String.join(", ", select)
                                        + " from "
                                        + scan(out, table))) {
            while (rs.next()) {
                StringBuilder key = new StringBuilder();
                List<Double> doubles = new ArrayList<>();
                for (int i = 0; i < cols.size(); i++) {
                    Object v = rs.getObject(i + 1);
                    if (cols.get(i).endsWith(" DOUBLE")) {
                        doubles.add(v == null ? null : ((Number) v).doubleValue());
                    } else {
                        key.append(v).append('|');
                    }
                }
                rows.computeIfAbsent(key.toString(), k -> new ArrayList<>()).add(doubles);
            }
        }
        return rows;
    }

    /** The latest committed value per key of the KPI topic, as rows like {@link #parquetRows}. */
    private static Map<String, Map<String, List<List<Double>>>> readKpiTopic(
            String bootstrap, Map<String, List<String>> columns) throws Exception {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "check-" + System.nanoTime());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, byte[]> latest = new LinkedHashMap<>();
        try (KafkaConsumer<byte[], byte[]> c =
                new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(KPIS));
            int empty = 0;
            while (empty < 6) {
                var records = c.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    empty++;
                } else {
                    empty = 0;
                    for (ConsumerRecord<byte[], byte[]> r : records) {
                        latest.put(new String(r.key(), StandardCharsets.UTF_8), r.value());
                    }
                }
            }
        }
        ObjectMapper mapper = new ObjectMapper();
        Map<String, Map<String, List<List<Double>>>> tables = new HashMap<>();
        for (byte[] value : latest.values()) {
            JsonNode n = mapper.readTree(value);
            String table = n.path("kind").asText();
            List<String> cols = columns.get(table);
            assertThat(cols).as("kind of %s", n).isNotNull();
            StringBuilder key = new StringBuilder();
            List<Double> doubles = new ArrayList<>();
            for (String col : cols) {
                String name = col.substring(0, col.indexOf(' '));
                JsonNode v = n.get(name);
                assertThat(v).as("%s in %s", name, n).isNotNull();
                if (col.endsWith(" DOUBLE")) {
                    doubles.add(v.isNull() ? null : v.asDouble());
                } else if (col.contains("TIMESTAMP")) {
                    key.append(Instant.parse(v.asText()).toEpochMilli()).append('|');
                } else {
                    key.append(v.isNull() ? "null" : v.asText()).append('|');
                }
            }
            tables.computeIfAbsent(table, t -> new TreeMap<>())
                    .computeIfAbsent(key.toString(), k -> new ArrayList<>())
                    .add(doubles);
        }
        return tables;
    }

    private static void assertSameRows(
            String what,
            Map<String, List<List<Double>>> got,
            Map<String, List<List<Double>>> want) {
        assertThat(got.keySet()).as("%s: row keys", what).isEqualTo(want.keySet());
        for (Map.Entry<String, List<List<Double>>> e : want.entrySet()) {
            List<List<Double>> have = sorted(got.get(e.getKey()));
            List<List<Double>> expected = sorted(e.getValue());
            assertThat(have).as("%s: rows %s", what, e.getKey()).hasSameSizeAs(expected);
            for (int r = 0; r < expected.size(); r++) {
                for (int i = 0; i < expected.get(r).size(); i++) {
                    Double x = expected.get(r).get(i);
                    Double y = have.get(r).get(i);
                    String where = what + " " + e.getKey() + " column " + i;
                    if (x == null) {
                        assertThat(y).as(where).isNull();
                    } else {
                        assertThat(y).as(where).isNotNull();
                        assertThat(Math.abs(x - y))
                                .as(where + ": " + y + " vs " + x)
                                .isLessThanOrEqualTo(TOLERANCE * Math.max(1, Math.abs(x)));
                    }
                }
            }
        }
    }

    private static List<List<Double>> sorted(List<List<Double>> rows) {
        List<List<Double>> copy = new ArrayList<>(rows);
        copy.sort(
                (a, b) -> {
                    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                        double x = a.get(i) == null ? Double.NEGATIVE_INFINITY : a.get(i);
                        double y = b.get(i) == null ? Double.NEGATIVE_INFINITY : b.get(i);
                        int c = Double.compare(x, y);
                        if (c != 0) {
                            return c;
                        }
                    }
                    return 0;
                });
        return copy;
    }

    private static long count(Map<String, List<List<Double>>> rows) {
        return rows.values().stream().mapToLong(List::size).sum();
    }

    private static void log(long t0, String format, Object... args) {
        System.out.printf(
                "[KpiJobOnClusterITCase +%5.1fs] %s%n",
                (System.nanoTime() - t0) / 1e9, String.format(format, args));
    }
}
