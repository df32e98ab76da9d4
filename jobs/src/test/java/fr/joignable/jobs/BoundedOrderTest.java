package fr.joignable.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import fr.joignable.domain.event.AgentState;
import fr.joignable.domain.event.AgentStateChanged;
import fr.joignable.domain.event.Channel;
import fr.joignable.domain.event.ContactAnswered;
import fr.joignable.domain.event.ContactDiverted;
import fr.joignable.domain.event.ContactOffered;
import fr.joignable.domain.event.DivertReason;
import fr.joignable.domain.event.EventCodec;
import fr.joignable.domain.event.HandoffCreated;
import fr.joignable.domain.event.HandoffTarget;
import fr.joignable.domain.event.InteractionEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bounded run over files gives the same tables whatever the order of the lines and of the files
 * (events.md: a file is complete data): nothing is late, orphans are judged on the whole input,
 * agents' states are replayed in time order, and every tie is broken on content.
 */
class BoundedOrderTest {

    @TempDir Path dir;

    static final Instant START = Instant.parse("2026-10-01T00:00:00Z");
    static final EventCodec CODEC = EventCodec.instance();

    /**
     * Events whose result would depend on arrival order if ties were not broken on content: two
     * offers of one contact at one time, two diversions at one time, two copies of an eventId that
     * differ, two states of an agent at one time, two creations of a handoff at one time. In each
     * pair the copy that must count comes first, so that the reference (first seen) agrees.
     */
    static List<InteractionEvent> ties() {
        Instant t = START.plusSeconds(9 * 3600 + 7);
        List<InteractionEvent> out = new ArrayList<>();
        out.add(
                ContactOffered.of(
                        "tie-e1", t, "tie-c1", Channel.PHONE, "LOYERS", "CHARGES", 2, "tx", null));
        out.add(
                ContactOffered.of(
                        "tie-e2",
                        t,
                        "tie-c1",
                        Channel.CHAT,
                        "TECHNIQUE",
                        "HEATING",
                        1,
                        null,
                        null));
        out.add(ContactAnswered.of("tie-e3", t.plusSeconds(30), "tie-c1", "a1"));
        out.add(
                ContactOffered.of(
                        "tie-e4", t, "tie-c2", Channel.PHONE, "LOYERS", "CHARGES", 2, null, null));
        out.add(ContactDiverted.of("tie-e5", t.plusSeconds(40), "tie-c2", DivertReason.CLOSED));
        out.add(ContactDiverted.of("tie-e6", t.plusSeconds(40), "tie-c2", DivertReason.FULL));
        // one eventId, two contents at one time: the smaller content (BUSY < READY) counts
        out.add(AgentStateChanged.of("tie-e7", t, "tie-a1", "EQUIPE_T", AgentState.BUSY));
        out.add(AgentStateChanged.of("tie-e7", t, "tie-a1", "EQUIPE_T", AgentState.READY));
        out.add(
                AgentStateChanged.of(
                        "tie-e8", t.plusSeconds(600), "tie-a1", "EQUIPE_T", AgentState.LOGGED_OUT));
        // two states at one time: by eventId as text, so tie-e10 (zero-length) then tie-e9
        out.add(AgentStateChanged.of("tie-e9", t, "tie-a2", "EQUIPE_T", AgentState.NOT_READY));
        out.add(AgentStateChanged.of("tie-e10", t, "tie-a2", "EQUIPE_T", AgentState.READY));
        out.add(
                AgentStateChanged.of(
                        "tie-e11",
                        t.plusSeconds(900),
                        "tie-a2",
                        "EQUIPE_T",
                        AgentState.LOGGED_OUT));
        out.add(
                HandoffCreated.of(
                        "tie-e12",
                        t.plusSeconds(60),
                        "tie-c1",
                        "tie-h1",
                        HandoffTarget.GARDIEN,
                        null));
        out.add(
                HandoffCreated.of(
                        "tie-e13",
                        t.plusSeconds(60),
                        "tie-c1",
                        "tie-h1",
                        HandoffTarget.TECHNICAL,
                        null));
        return out;
    }

    /** The key a telephony export would sort by: the contact, agent or handoff of the line. */
    static String sortKey(byte[] line) {
        String s = new String(line, StandardCharsets.UTF_8);
        for (String field : List.of("\"contactId\":\"", "\"agentId\":\"", "\"handoffId\":\"")) {
            int i = s.indexOf(field);
            if (i >= 0) {
                int from = i + field.length();
                return s.substring(from, Math.max(from, s.indexOf('"', from)));
            }
        }
        return "";
    }

    @Test
    void aMonthShuffledAcrossFilesGivesByteIdenticalTables() throws Exception {
        TestEvents gen = new TestEvents(2026);
        List<InteractionEvent> events = new ArrayList<>(gen.contacts(START, 30, 120));
        events.addAll(gen.agents(START, 30, 10));
        List<byte[]> lines = new ArrayList<>(gen.lines(events, true));
        for (InteractionEvent e : ties()) {
            lines.add(CODEC.encode(e).getBytes(StandardCharsets.UTF_8));
        }

        // 1. one file, roughly in time order (with the generator's out-of-order lines)
        Path ordered = dir.resolve("ordered");
        RunSummary a =
                FileKpiRun.run(
                        List.of(TestEvents.write(dir.resolve("month.jsonl"), lines)),
                        ordered,
                        true,
                        new Configuration());

        // 2. every line shuffled, spread over three files (one gzipped), given in any order
        List<byte[]> shuffled = new ArrayList<>(lines);
        Collections.shuffle(shuffled, new Random(5));
        List<List<byte[]>> parts = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        Random pick = new Random(6);
        for (byte[] line : shuffled) {
            parts.get(pick.nextInt(3)).add(line);
        }
        Path shuffledOut = dir.resolve("shuffled");
        RunSummary b =
                FileKpiRun.run(
                        List.of(
                                TestEvents.write(dir.resolve("s2.jsonl"), parts.get(2)),
                                TestEvents.write(dir.resolve("s0.jsonl.gz"), parts.get(0)),
                                TestEvents.write(dir.resolve("s1.jsonl"), parts.get(1))),
                        shuffledOut,
                        true,
                        new Configuration());

        // 3. sorted by contact / agent, latest first within one (an export sorted by caller)
        List<byte[]> byKey = new ArrayList<>(lines);
        Collections.reverse(byKey);
        byKey.sort(Comparator.comparing(BoundedOrderTest::sortKey));
        int half = byKey.size() / 2;
        Path byKeyOut = dir.resolve("by-key");
        RunSummary c =
                FileKpiRun.run(
                        List.of(
                                TestEvents.write(
                                        dir.resolve("k1.jsonl"), byKey.subList(half, byKey.size())),
                                TestEvents.write(dir.resolve("k0.jsonl"), byKey.subList(0, half))),
                        byKeyOut,
                        true,
                        new Configuration());

        for (RunSummary other : List.of(b, c)) {
            assertThat(other.read()).isEqualTo(a.read());
            assertThat(other.rejected()).isEqualTo(a.rejected()).isPositive();
            assertThat(other.late()).isEqualTo(a.late()).isZero();
            assertThat(other.orphans()).isEqualTo(a.orphans()).isPositive();
            assertThat(other.redeliveries()).isEqualTo(a.redeliveries()).isPositive();
        }
        for (Path other : List.of(shuffledOut, byKeyOut)) {
            for (String csv : List.of("contact_intervals.csv", "agent_intervals.csv")) {
                List<String> want = Files.readAllLines(ordered.resolve(csv));
                List<String> got = Files.readAllLines(other.resolve(csv));
                List<String> missing = new ArrayList<>(want);
                missing.removeAll(got);
                List<String> extra = new ArrayList<>(got);
                extra.removeAll(want);
                assertThat(extra)
                        .as(
                                other.getFileName()
                                        + "/"
                                        + csv
                                        + " rows not in the first run, missing: "
                                        + missing)
                        .isEmpty();
                assertThat(Files.readAllBytes(other.resolve(csv)))
                        .as(other.getFileName() + "/" + csv)
                        .isEqualTo(Files.readAllBytes(ordered.resolve(csv)));
            }
            for (String table : FileKpiRun.TABLES) {
                List<String> want = ParquetRead.sortedRows(ordered, table);
                assertThat(want).as(table).isNotEmpty();
                assertThat(ParquetRead.sortedRows(other, table))
                        .as(other.getFileName() + "/" + table)
                        .isEqualTo(want);
            }
        }

        // and the tables are the contract's: the independent reference, nothing late
        ReferenceKpis ref =
                new ReferenceKpis(
                        List.of(lines),
                        ReferenceKpis.NO_LATENESS,
                        KpiJobOptions.defaults().thresholds);
        assertThat(a.orphans()).isEqualTo(ref.orphans);
        FileKpiRunTest.assertSameTables(
                CsvTables.read(ordered.resolve("contact_intervals.csv"), 3), ref.contactRows);
        FileKpiRunTest.assertSameTables(
                CsvTables.read(ordered.resolve("agent_intervals.csv"), 2), ref.agentRows);
        // the ties went the documented way (the reference takes tie-e1's offer of tie-c1, and the
        // BUSY copy of tie-e7, as it sees them first); the handoff created twice is the GARDIEN one
        assertThat(ParquetRead.sortedRows(ordered, "handoffs"))
                .anyMatch(r -> r.startsWith("tie-h1,tie-c1,") && r.contains(",GARDIEN,"));
    }

    static String offer(String id, String ts, String contact, String tenant) {
        return "{\"eventId\":\""
                + id
                + "\",\"type\":\"CONTACT_OFFERED\",\"ts\":\""
                + ts
                + "\",\"contactId\":\""
                + contact
                + "\",\"channel\":\"PHONE\",\"queue\":\"LOYERS\",\"intent\":\"CHARGES\""
                + (tenant == null ? "" : ",\"tenantId\":\"" + tenant + "\"")
                + "}";
    }

    static String outcome(String id, String type, String ts, String contact) {
        return "{\"eventId\":\""
                + id
                + "\",\"type\":\""
                + type
                + "\",\"ts\":\""
                + ts
                + "\",\"contactId\":\""
                + contact
                + "\",\"agentId\":\"a1\"}";
    }

    static String divert(String id, String ts, String contact, String reason) {
        return "{\"eventId\":\""
                + id
                + "\",\"type\":\"CONTACT_DIVERTED\",\"ts\":\""
                + ts
                + "\",\"contactId\":\""
                + contact
                + "\",\"reason\":\""
                + reason
                + "\"}";
    }

    static String agent(String id, String ts, String state) {
        return "{\"eventId\":\""
                + id
                + "\",\"type\":\"AGENT_STATE\",\"ts\":\""
                + ts
                + "\",\"agentId\":\"a1\",\"team\":\"EQUIPE_A\",\"state\":\""
                + state
                + "\"}";
    }

    @Test
    void aFileSortedByContactGivesTheNumbersOfTheTimeOrder() throws Exception {
        String d = "2026-10-05T";
        List<String> lines =
                List.of(
                        // agent a1, latest first: READY 08:00, BUSY 08:10, logged out 08:20
                        agent("g3", d + "08:20:00Z", "LOGGED_OUT"),
                        agent("g2", d + "08:10:00Z", "BUSY"),
                        agent("g1", d + "08:00:00Z", "READY"),
                        // c1: answered after 10 s, ended 09:05; a duplicate of c6 (same tenant
                        // and intent 40 min earlier), after c6's abandon
                        offer("e1", d + "09:00:00Z", "c1", "t1"),
                        outcome("e2", "CONTACT_ANSWERED", d + "09:00:10Z", "c1"),
                        outcome("e3", "CONTACT_ENDED", d + "09:05:00Z", "c1"),
                        // c2: an hour before c1's lines, abandoned after 30 s
                        offer("e4", d + "08:00:00Z", "c2", null),
                        outcome("e5", "CONTACT_ABANDONED", d + "08:00:30Z", "c2"),
                        // c3: refused, centre closed; the refusal line before its offer
                        divert("e6", d + "07:00:00Z", "c3", "CLOSED"),
                        offer("e7", d + "07:00:00Z", "c3", null),
                        // c4: outcomes first; abandon and wait-limit diversion at one time:
                        // diverted
                        divert("e8", d + "08:10:00Z", "c4", "TIMEOUT"),
                        outcome("e9", "CONTACT_ABANDONED", d + "08:10:00Z", "c4"),
                        offer("e10", d + "08:05:00Z", "c4", null),
                        // c5: never offered: two orphans
                        divert("e11", d + "08:30:00Z", "c5", "FULL"),
                        outcome("e12", "CONTACT_ANSWERED", d + "08:31:00Z", "c5"),
                        // c6: tenant t1, short abandon after 2 s
                        offer("e13", d + "08:20:00Z", "c6", "t1"),
                        outcome("e14", "CONTACT_ABANDONED", d + "08:20:02Z", "c6"));
        Path file = dir.resolve("by-contact.jsonl");
        Files.write(file, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        Path out = dir.resolve("out");
        RunSummary s = FileKpiRun.run(List.of(file), out, true, new Configuration());
        assertThat(s.read()).isEqualTo(17);
        assertThat(s.late()).isZero();
        assertThat(s.rejected()).isZero();
        assertThat(s.orphans()).isEqualTo(2);
        assertThat(Files.readAllLines(out.resolve("late.jsonl"))).isEmpty();
        // by hand: 07:00 c3 (closed: out of both denominators, which are then 0); 08:00 c2
        // (abandon) and c4 (diverted): SL 0/2, abandon rate 1/2; 08:15 c6 (short abandon);
        // 09:00 c1 (answered in 10 s, handled 290 s, duplicate after an abandon)
        assertThat(Files.readAllLines(out.resolve("contact_intervals.csv")))
                .containsExactly(
                        String.join(",", fr.joignable.domain.kpi.ContactIntervalRow.COLUMNS),
                        "2026-10-05T07:00:00Z,LOYERS,PHONE,1,0,0,0,0,,,,0,,0,0,0,,1,1",
                        "2026-10-05T08:00:00Z,LOYERS,PHONE,2,0,0,1,0,0,0.5,,0,,0,0,0,,1,0",
                        "2026-10-05T08:15:00Z,LOYERS,PHONE,1,0,1,0,0,,,,0,,1,0,0,0,0,0",
                        "2026-10-05T09:00:00Z,LOYERS,PHONE,1,1,0,0,1,1,0,10,1,290,1,1,1,1,0,0");
        // READY 08:00-08:10, BUSY 08:10-08:20 split at 08:15
        assertThat(Files.readAllLines(out.resolve("agent_intervals.csv")))
                .containsExactly(
                        "interval_start,team,staffed_s,ready_s,busy_s,wrap_s,not_ready_s,occupancy",
                        "2026-10-05T08:00:00Z,EQUIPE_A,900,600,300,0,0,0.3333333333333333",
                        "2026-10-05T08:15:00Z,EQUIPE_A,300,0,300,0,0,1");
        // the same lines in time order give the same files
        List<String> byTime = new ArrayList<>(lines);
        byTime.sort(Comparator.comparing(l -> l.substring(l.indexOf("\"ts\":\""))));
        Path file2 = dir.resolve("by-time.jsonl");
        Files.write(file2, (String.join("\n", byTime) + "\n").getBytes(StandardCharsets.UTF_8));
        Path out2 = dir.resolve("out2");
        FileKpiRun.run(List.of(file2), out2, true, new Configuration());
        for (String csv : List.of("contact_intervals.csv", "agent_intervals.csv")) {
            assertThat(Files.readAllBytes(out2.resolve(csv)))
                    .isEqualTo(Files.readAllBytes(out.resolve(csv)));
        }
    }
}
