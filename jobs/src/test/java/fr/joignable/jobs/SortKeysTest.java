package fr.joignable.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import fr.joignable.domain.event.EventCodec;
import fr.joignable.domain.event.InteractionEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.util.SerializedThrowable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bounded run keyed by hashes of the ids ({@link SortKeys}) gives the tables of string keys, also
 * when hashes collide: with every bit of the hash masked off, all ids of a stage share one key, the
 * first stage that sees two ids throws, and the run is made again with string keys.
 */
class SortKeysTest {

    @TempDir Path dir;

    @Test
    void theHashSeparatesTheIdsOfAYearAndIsAFunctionOfTheText() {
        Set<Long> seen = new HashSet<>();
        int ids = 0;
        // a year's event ids as the simulator writes them, contact ids, and short agent ids
        for (int i = 1; i <= 2_100_000; i++) {
            seen.add(SortKeys.hash(String.format("E63cbe1-%010d", i)));
            ids++;
        }
        for (int i = 1; i <= 400_000; i++) {
            seen.add(SortKeys.hash("C63cbe1-" + i));
            ids++;
        }
        for (int i = 1; i <= 999; i++) {
            seen.add(SortKeys.hash(String.format("A%03d", i)));
            ids++;
        }
        assertThat(seen).hasSize(ids);
        // the classic colliding pair of String.hashCode, and texts differing only in length
        assertThat(SortKeys.hash("Aa")).isNotEqualTo(SortKeys.hash("BB"));
        assertThat(SortKeys.hash("")).isNotEqualTo(SortKeys.hash("\0"));
        assertThat(SortKeys.hash("E1")).isEqualTo(SortKeys.hash(new String("E1")));
        assertThat(SortKeys.hash(null)).isNotEqualTo(SortKeys.hash(""));
    }

    @Test
    void aCollisionIsRecognisedThroughFlinksWrappers() {
        SortKeys.Collision c = new SortKeys.Collision("contacts");
        assertThat(SortKeys.isCollision(new RuntimeException("job failed", c))).isTrue();
        assertThat(SortKeys.isCollision(new Exception(new SerializedThrowable(c)))).isTrue();
        assertThat(SortKeys.isCollision(new RuntimeException("other", new IllegalStateException())))
                .isFalse();
    }

    interface Run {
        RunSummary run() throws Exception;
    }

    /** Runs {@code run} with System.err captured into {@code lines} (and still printed). */
    static RunSummary withStderr(Run run, List<String> lines) throws Exception {
        PrintStream before = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            return run.run();
        } finally {
            System.setErr(before);
            String text = captured.toString(StandardCharsets.UTF_8);
            before.print(text);
            lines.addAll(text.lines().toList());
        }
    }

    static List<String> withoutSource(Path file) throws java.io.IOException {
        return Files.readAllLines(file).stream()
                .map(l -> l.replaceFirst("\"source\":\"[^\"]*\"", ""))
                .toList();
    }

    @Test
    void hashedKeysAndCollidingKeysGiveTheTablesOfStringKeys() throws Exception {
        TestEvents gen = new TestEvents(17);
        List<InteractionEvent> events =
                new ArrayList<>(gen.contacts(BoundedOrderTest.START, 7, 80));
        events.addAll(gen.agents(BoundedOrderTest.START, 7, 6));
        List<byte[]> lines = new ArrayList<>(gen.lines(events, true));
        for (InteractionEvent e : BoundedOrderTest.ties()) {
            lines.add(EventCodec.instance().encode(e).getBytes(StandardCharsets.UTF_8));
        }
        Path input = TestEvents.write(dir.resolve("week.jsonl"), lines);

        Configuration strings = new Configuration();
        strings.set(KpiJobOptions.FILES_HASHED_KEYS, false);
        Path want = dir.resolve("strings");
        RunSummary a = FileKpiRun.run(List.of(input), want, true, strings);

        Configuration colliding = new Configuration();
        colliding.set(KpiJobOptions.FILES_KEY_HASH_MASK, 0L);
        Configuration fewBits = new Configuration();
        fewBits.set(KpiJobOptions.FILES_KEY_HASH_MASK, 0xFL);
        for (Configuration conf : List.of(new Configuration(), colliding, fewBits)) {
            Path got = dir.resolve("hashed-" + conf.get(KpiJobOptions.FILES_KEY_HASH_MASK));
            List<String> notices = new ArrayList<>();
            RunSummary b =
                    withStderr(() -> FileKpiRun.run(List.of(input), got, true, conf), notices);
            // a rerun with string keys is told in one line; a run without collision says nothing
            List<String> told =
                    notices.stream().filter(l -> l.startsWith("joignable kpi:")).toList();
            if (conf == colliding || conf == fewBits) {
                assertThat(told)
                        .singleElement()
                        .asString()
                        .contains("have the same 64-bit key hash")
                        .endsWith(
                                "running again with string keys (same tables, about twice the time)");
            } else {
                assertThat(told).isEmpty();
            }
            assertThat(b.read()).isEqualTo(a.read()).isPositive();
            assertThat(b.rejected()).isEqualTo(a.rejected());
            assertThat(b.orphans()).isEqualTo(a.orphans());
            assertThat(b.redeliveries()).isEqualTo(a.redeliveries()).isPositive();
            // a file's source id counts the files read in this JVM: not compared
            for (String f : List.of("rejected.jsonl", "late.jsonl")) {
                assertThat(withoutSource(got.resolve(f)))
                        .as(got.getFileName() + "/" + f)
                        .isEqualTo(withoutSource(want.resolve(f)));
            }
            for (String f : List.of("contact_intervals.csv", "agent_intervals.csv")) {
                assertThat(Files.readAllBytes(got.resolve(f)))
                        .as(got.getFileName() + "/" + f)
                        .isEqualTo(Files.readAllBytes(want.resolve(f)));
            }
            for (String table : FileKpiRun.TABLES) {
                List<String> rows = ParquetRead.sortedRows(want, table);
                assertThat(rows).as(table).isNotEmpty();
                assertThat(ParquetRead.sortedRows(got, table))
                        .as(got.getFileName() + "/" + table)
                        .isEqualTo(rows);
            }
        }
    }
}
