package fr.joignable.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.joignable.domain.event.InteractionEvent;
import fr.joignable.domain.kpi.AgentIntervalRow;
import fr.joignable.domain.kpi.ContactIntervalRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bounded Flink run equals the independent reference computation on generated data. */
class FileKpiRunTest {

    static final double TOLERANCE = 1e-9;

    @TempDir static Path dir;
    static List<byte[]> contactLines;
    static List<byte[]> agentLines;
    static Path contactsFile;
    static Path agentsFile;

    @BeforeAll
    static void generate() throws Exception {
        TestEvents gen = new TestEvents(42);
        Instant start = Instant.parse("2026-10-05T00:00:00Z");
        List<InteractionEvent> contacts = gen.contacts(start, 4, 250);
        List<InteractionEvent> agents = gen.agents(start, 4, 12);
        contactLines = gen.lines(contacts, true);
        agentLines = gen.lines(agents, true);
        contactsFile = TestEvents.write(dir.resolve("contacts.jsonl.gz"), contactLines);
        agentsFile = TestEvents.write(dir.resolve("agents.jsonl"), agentLines);
    }

    /**
     * The configuration of a bounded run that judges lateness per file in line order like a live
     * run per partition: the reference of the tests that compare a live run with a file run.
     */
    static Configuration liveLateness() {
        Configuration conf = new Configuration();
        conf.set(KpiJobOptions.FILES_JUDGE_LATENESS, true);
        return conf;
    }

    @Test
    void boundedRunEqualsTheReferenceWhateverTheFileOrder() throws Exception {
        Path out = dir.resolve("out");
        // agents first, contacts second: a file never makes another file's events late
        RunSummary summary =
                FileKpiRun.run(List.of(agentsFile, contactsFile), out, true, new Configuration());
        ReferenceKpis ref =
                new ReferenceKpis(
                        List.of(contactLines, agentLines),
                        ReferenceKpis.NO_LATENESS,
                        KpiJobOptions.defaults().thresholds);

        assertThat(summary.read()).isEqualTo(ref.read);
        assertThat(summary.rejected()).isEqualTo(ref.rejected).isPositive();
        // lines an hour out of order are not late in a file
        assertThat(summary.late()).isEqualTo(ref.late).isZero();
        assertThat(summary.orphans()).isEqualTo(ref.orphans).isPositive();
        assertThat(summary.redeliveries()).isEqualTo(ref.redeliveries).isPositive();

        assertSameTables(CsvTables.read(out.resolve("contact_intervals.csv"), 3), ref.contactRows);
        assertSameTables(CsvTables.read(out.resolve("agent_intervals.csv"), 2), ref.agentRows);

        assertThat(Files.readAllLines(out.resolve("contact_intervals.csv")).get(0))
                .isEqualTo(String.join(",", ContactIntervalRow.COLUMNS));
        assertThat(Files.readAllLines(out.resolve("agent_intervals.csv")).get(0))
                .isEqualTo(String.join(",", AgentIntervalRow.COLUMNS));
        assertThat(Files.readAllLines(out.resolve("rejected.jsonl"))).hasSize((int) ref.rejected);
        assertThat(Files.readAllLines(out.resolve("late.jsonl"))).isEmpty();
        assertThat(
                        ref.contactRows.values().stream()
                                .mapToDouble(r -> (Double) r.get("closed"))
                                .sum())
                .as("closed diversions in the data")
                .isPositive();
        assertThat(Files.readString(out.resolve("rejected.jsonl"))).contains("lineBase64");

        for (String table : FileKpiRun.TABLES) {
            try (Stream<Path> files = Files.walk(out.resolve(table))) {
                List<Path> all = files.filter(Files::isRegularFile).toList();
                assertThat(all).isNotEmpty();
                assertThat(all)
                        .allSatisfy(
                                p -> {
                                    assertThat(p.getFileName().toString()).endsWith(".parquet");
                                    assertThat(p.getParent().getFileName().toString())
                                            .startsWith("day=");
                                });
                // rows are grouped by day before the sink, which writes one file at a time: a
                // day's rows are in one file (the file sink kept a writer per day to the end)
                assertThat(all.stream().map(Path::getParent).distinct().count())
                        .as(table + ": one file per day")
                        .isEqualTo(all.size());
            }
        }
        assertSameTables(ParquetRead.contactRows(out), ref.contactRows);
        assertSameTables(ParquetRead.agentRows(out), ref.agentRows);
        assertThat(ParquetRead.count(out, "handoffs")).isPositive();
        assertThat(ParquetRead.count(out, "intent_intervals")).isPositive();

        // the same run with the files in the other order gives the same files
        Path out2 = dir.resolve("out2");
        FileKpiRun.run(List.of(contactsFile, agentsFile), out2, true, new Configuration());
        assertThat(Files.readString(out2.resolve("contact_intervals.csv")))
                .isEqualTo(Files.readString(out.resolve("contact_intervals.csv")));
        assertThat(Files.readString(out2.resolve("agent_intervals.csv")))
                .isEqualTo(Files.readString(out.resolve("agent_intervals.csv")));
    }

    @Test
    void theOptInJudgesLatenessPerFileInLineOrderLikeALiveRun() throws Exception {
        RunSummary summary =
                FileKpiRun.run(
                        List.of(agentsFile, contactsFile),
                        dir.resolve("late"),
                        true,
                        liveLateness());
        ReferenceKpis ref =
                new ReferenceKpis(
                        List.of(contactLines, agentLines),
                        KpiJobOptions.defaults().latenessBoundMs(),
                        KpiJobOptions.defaults().thresholds);
        assertThat(summary.late()).isEqualTo(ref.late).isPositive();
        assertThat(summary.orphans()).isEqualTo(ref.orphans);
        assertThat(Files.readAllLines(dir.resolve("late/late.jsonl"))).hasSize((int) ref.late);
        assertSameTables(
                CsvTables.read(dir.resolve("late/contact_intervals.csv"), 3), ref.contactRows);
        assertSameTables(CsvTables.read(dir.resolve("late/agent_intervals.csv"), 2), ref.agentRows);
    }

    static void assertSameTables(
            Map<String, Map<String, Object>> actual, Map<String, Map<String, Object>> expected) {
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        for (Map.Entry<String, Map<String, Object>> e : expected.entrySet()) {
            Map<String, Object> got = actual.get(e.getKey());
            for (Map.Entry<String, Object> c : e.getValue().entrySet()) {
                Object want = c.getValue();
                Object have = got.get(c.getKey());
                String where = e.getKey() + " " + c.getKey();
                if (want == null) {
                    assertThat(have).as(where).isNull();
                } else {
                    assertThat(have).as(where).isNotNull();
                    assertThat((Double) have).as(where).isCloseTo((Double) want, within(TOLERANCE));
                }
            }
        }
    }
}
