package fr.joignable.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.joignable.devkit.EmbeddedKafka;
import fr.joignable.domain.event.Decoded;
import fr.joignable.domain.event.EventCodec;
import fr.joignable.domain.event.InteractionEvent;
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
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Late data and its correction. In a live (Kafka) run, events arriving more than the allowed
 * lateness behind their partition go to the late output (the rejected topic, reason "late: …") and
 * are counted; the live tables miss them. A later bounded {@code kpi} run over the complete files
 * (every event in its place) into the same directory replaces the tables with the right ones: equal
 * to the independent reference computation, and to a run into an empty directory.
 */
class LateDataITCase {

    static final int PARTITIONS = 2;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    @Test
    void lateEventsAreCountedLiveAndTheBoundedRunCorrectsTheTables() throws Exception {
        TestEvents gen = new TestEvents(31);
        Instant start = Instant.parse("2026-10-05T00:00:00Z");
        List<InteractionEvent> all = new ArrayList<>(gen.contacts(start, 2, 1500));
        all.addAll(gen.agents(start, 2, 10));
        all.sort(Comparator.comparing(InteractionEvent::ts));
        EventCodec codec = EventCodec.instance();

        // complete, in time order, per partition; and as delivered live: 1 % of the events of
        // each partition arrive two hours after their time (beyond the 5-minute bound)
        Random rnd = new Random(31);
        List<List<byte[]>> complete = new ArrayList<>();
        List<List<byte[]>> delivered = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
            complete.add(new ArrayList<>());
        }
        for (InteractionEvent e : all) {
            byte[] line = codec.encode(e).getBytes(StandardCharsets.UTF_8);
            complete.get(StreamKpiITCase.partitionOf(line)).add(line);
        }
        Set<String> moved = new HashSet<>();
        for (List<byte[]> lines : complete) {
            record Placed(long key, byte[] line) {}
            List<Placed> placed = new ArrayList<>();
            for (byte[] line : lines) {
                InteractionEvent e = ((Decoded.Accepted) codec.decode(line)).event();
                long key = e.tsMillis();
                if (rnd.nextInt(100) == 0) {
                    key += 2 * 3_600_000L;
                    moved.add(e.eventId());
                }
                placed.add(new Placed(key, line));
            }
            placed.sort(Comparator.comparingLong(Placed::key));
            delivered.add(placed.stream().map(Placed::line).toList());
        }

        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        conf.set(KpiJobOptions.CHECKPOINT_INTERVAL, Duration.ofMillis(500));
        KpiJobOptions options = KpiJobOptions.from(conf);
        Path out = dir.resolve("data");

        RunSummary live;
        List<String> lateIds = new ArrayList<>();
        Map<String, Map<String, Object>> liveContacts = new TreeMap<>();
        Map<String, Map<String, Object>> liveAgents = new TreeMap<>();
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            CrashRecoveryITCase.createTopics(kafka, options);
            StreamKpiITCase.produce(kafka.bootstrapServers(), options.eventsTopic, delivered);
            live = KafkaKpiRun.run(kafka.bootstrapServers(), out, true, conf);
            for (ConsumerRecord<byte[], byte[]> r :
                    StreamKpiITCase.readAll(kafka.bootstrapServers(), options.rejectedTopic)) {
                JsonNode n = JSON.readTree(r.value());
                assertThat(n.get("reason").asText()).startsWith("late");
                lateIds.add(JSON.readTree(n.get("line").asText()).get("eventId").asText());
            }
            StreamKpiITCase.readKpiTopic(
                    kafka.bootstrapServers(), options.kpiTopic, liveContacts, liveAgents);
        }
        System.out.printf(
                "LateData: %d events, %d delivered two hours late; live run: %s%n",
                all.size(), moved.size(), live.format().replace('\n', ' '));
        assertThat(moved).hasSizeGreaterThan(20);
        assertThat(live.late()).as("late events counted live").isPositive();
        assertThat(lateIds).hasSize((int) live.late()).doesNotHaveDuplicates();
        assertThat(moved).containsAll(lateIds);
        assertThat(live.rejected()).isZero();

        // the correction: the bounded run over the complete files, into the same directory
        List<Path> files = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
            files.add(TestEvents.write(dir.resolve("complete-p" + p + ".jsonl"), complete.get(p)));
        }
        RunSummary corrected = FileKpiRun.run(files, out, true, new Configuration());
        ReferenceKpis ref =
                new ReferenceKpis(
                        complete, ReferenceKpis.NO_LATENESS, KpiJobOptions.defaults().thresholds);
        RunSummary fresh = FileKpiRun.run(files, dir.resolve("fresh"), true, new Configuration());
        System.out.printf("LateData: correction run: %s%n", corrected.format().replace('\n', ' '));

        assertThat(corrected.late()).isZero();
        assertThat(corrected.read()).isEqualTo(all.size());
        assertThat(Files.readAllLines(out.resolve("late.jsonl"))).isEmpty();
        assertThat(Files.readAllLines(out.resolve("rejected.jsonl"))).isEmpty();
        TreeMap<String, Map<String, Object>> contacts =
                CsvTables.read(out.resolve("contact_intervals.csv"), 3);
        TreeMap<String, Map<String, Object>> agents =
                CsvTables.read(out.resolve("agent_intervals.csv"), 2);
        FileKpiRunTest.assertSameTables(contacts, ref.contactRows);
        FileKpiRunTest.assertSameTables(agents, ref.agentRows);
        // the live run's Parquet files are gone: the tables are the corrected ones only
        FileKpiRunTest.assertSameTables(ParquetRead.contactRows(out), ref.contactRows);
        FileKpiRunTest.assertSameTables(ParquetRead.agentRows(out), ref.agentRows);
        for (String table : FileKpiRun.TABLES) {
            assertThat(ParquetRead.count(out, table))
                    .as(table)
                    .isEqualTo(ParquetRead.count(dir.resolve("fresh"), table));
        }
        for (String csv : List.of("contact_intervals.csv", "agent_intervals.csv")) {
            assertThat(Files.readAllBytes(out.resolve(csv)))
                    .isEqualTo(Files.readAllBytes(dir.resolve("fresh").resolve(csv)));
        }
        // and the live tables were wrong before: the late events were missing
        long liveOffered = CrashRecoveryITCase.sum(liveContacts, List.of("offered"));
        long refOffered = CrashRecoveryITCase.sum(ref.contactRows, List.of("offered"));
        System.out.printf(
                "LateData: offered live %d, corrected %d (reference %d)%n",
                liveOffered, CrashRecoveryITCase.sum(contacts, List.of("offered")), refOffered);
        assertThat(liveOffered).isLessThan(refOffered);
        assertThat(fresh.late()).isZero();

        // the files as delivered (events two hours out of place) give the same tables too: a
        // bounded run judges no lateness, so only the live run missed them
        List<Path> deliveredFiles = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
            deliveredFiles.add(
                    TestEvents.write(dir.resolve("delivered-p" + p + ".jsonl"), delivered.get(p)));
        }
        RunSummary asDelivered =
                FileKpiRun.run(
                        deliveredFiles, dir.resolve("as-delivered"), true, new Configuration());
        assertThat(asDelivered.late()).isZero();
        for (String csv : List.of("contact_intervals.csv", "agent_intervals.csv")) {
            assertThat(Files.readAllBytes(dir.resolve("as-delivered").resolve(csv)))
                    .isEqualTo(Files.readAllBytes(dir.resolve("fresh").resolve(csv)));
        }
    }

    /**
     * {@code kpi --out DIR} without {@code --csv} into a directory holding CSV files of an earlier
     * run leaves those CSV files in place: stale tables beside fresh Parquet ones.
     */
    @Test
    void aRunWithoutCsvLeavesNoStaleCsvBehind() throws Exception {
        TestEvents gen = new TestEvents(32);
        Instant start = Instant.parse("2026-10-05T00:00:00Z");
        List<byte[]> first = gen.lines(gen.contacts(start, 1, 200), false);
        List<byte[]> second = gen.lines(gen.contacts(start, 1, 300), false);
        Path out = dir.resolve("data");
        FileKpiRun.run(
                List.of(TestEvents.write(dir.resolve("a.jsonl"), first)),
                out,
                true,
                new Configuration());
        FileKpiRun.run(
                List.of(TestEvents.write(dir.resolve("b.jsonl"), second)),
                out,
                false,
                new Configuration());
        assertThat(out.resolve("contact_intervals.csv"))
                .as("CSV of the earlier run, disagreeing with the Parquet tables")
                .doesNotExist();
        assertThat(out.resolve("agent_intervals.csv")).doesNotExist();
    }
}
