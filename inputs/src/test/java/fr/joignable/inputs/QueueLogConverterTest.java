package fr.joignable.inputs;

import static org.assertj.core.api.Assertions.assertThat;

import fr.joignable.domain.event.AgentState;
import fr.joignable.domain.event.AgentStateChanged;
import fr.joignable.domain.event.ContactAnswered;
import fr.joignable.domain.event.ContactDiverted;
import fr.joignable.domain.event.ContactOffered;
import fr.joignable.domain.event.DivertReason;
import fr.joignable.domain.event.EventCodec;
import fr.joignable.domain.event.EventType;
import fr.joignable.domain.event.InteractionEvent;
import fr.joignable.domain.event.WrapupEnded;
import java.io.BufferedReader;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The queue_log converter on a small, hand-made log holding each Asterisk layout and the odd cases
 * (a CONNECT with no COMPLETE, a call still waiting at the end, a duplicated line, lines out of
 * order, an unknown event, a callid in two queues, Wazo's refusals). Expected values are counted by
 * hand from the fixture; the comments beside each line say what it must give.
 */
class QueueLogConverterTest {

    static final long T = 1_700_000_000L;

    /** The fixture; times are T + offset seconds. */
    static final List<String> LOG =
            List.of(
                    // system line: skipped
                    "1700000000|NONE|NONE|NONE|QUEUESTART|",
                    // contact F: entered before the log starts; CONNECT (1.8 layout, ringtime 4)
                    // → offer synthesised at 20 − holdtime 30 = −10; answered at 20
                    "1700000020|1699999990.0|loyers|SIP/2003|CONNECT|30|1699999995.1|4",
                    "1700000100|1699999990.0|loyers|SIP/2003|COMPLETEAGENT|30|80|2",
                    // contact A: ENTERQUEUE with position (1.8+), answered after 20 s, wrap-up 30 s
                    "1700000010|1700000010.1|loyers|NONE|ENTERQUEUE||0612345678|1",
                    "1700000010|NONE|loyers|Agent/1001|ADDMEMBER|",
                    "1700000030|1700000010.1|loyers|Agent/1001|CONNECT|20|1700000025.2|5",
                    "1700000150|1700000010.1|loyers|Agent/1001|COMPLETECALLER|20|120|1",
                    "1700000150|1700000010.1|loyers|Agent/1001|WRAPUPSTART|30",
                    // contact B: ENTERQUEUE with a caller-id name and no position; CONNECT without
                    // ringtime (pre-1.6 layout); never completed
                    "1700000200|1700000200.3|technique|NONE|ENTERQUEUE||\"Dupont\" <0698765432>",
                    "1700000215|1700000200.3|technique|SIP/2002|CONNECT|15|1700000212.4",
                    // contact C: still waiting at the end of the log
                    "1700000300|1700000300.5|loyers|NONE|ENTERQUEUE||0611111111|1",
                    // contact D: abandon written BEFORE its ENTERQUEUE (out of order), then the
                    // abandon line repeated verbatim
                    "1700000445|1700000400.6|loyers|NONE|ABANDON|1|1|45",
                    "1700000400|1700000400.6|loyers|NONE|ENTERQUEUE||0622222222|1",
                    "1700000445|1700000400.6|loyers|NONE|ABANDON|1|1|45",
                    // contact E: one callid in two queues: timeout in loyers, answered in technique
                    "1700000500|1700000500.7|loyers|NONE|ENTERQUEUE||0633333333|1",
                    "1700000560|1700000500.7|loyers|NONE|EXITWITHTIMEOUT|1|1|60",
                    "1700000561|1700000500.7|technique|NONE|ENTERQUEUE||0633333333|1",
                    "1700000570|1700000500.7|technique|Agent/1001|RINGNOANSWER|5000",
                    "1700000580|1700000500.7|technique|Agent/1001|CONNECT|19|1700000575.8|3",
                    "1700000700|1700000500.7|technique|Agent/1001|BLINDTRANSFER|1234|from-internal|19|120|1",
                    // Wazo refusals with no ENTERQUEUE: each also gives its offer, same time
                    "1700000800|1700000800.9|loyers|NONE|CLOSED|",
                    "1700000810|1700000810.10|loyers|NONE|FULL|",
                    "1700000820|1700000820.11|technique|NONE|DIVERT_HOLDTIME|",
                    "1700000830|1700000830.12|technique|NONE|JOINEMPTY|",
                    // Wazo LEAVEEMPTY after an ENTERQUEUE: no second offer
                    "1700000840|1700000840.13|loyers|NONE|ENTERQUEUE||0644444444|1",
                    "1700000900|1700000840.13|loyers|NONE|LEAVEEMPTY|1|1|60",
                    // EXITWITHKEY key|position|origposition|waittime
                    "1700000910|1700000910.14|loyers|NONE|ENTERQUEUE||0655555555|1",
                    "1700000925|1700000910.14|loyers|NONE|EXITWITHKEY|1|1|1|15",
                    // a pause logged once per queue plus PAUSEALL: one NOT_READY
                    "1700000950|NONE|loyers|Agent/1001|PAUSE|pause",
                    "1700000950|NONE|technique|Agent/1001|PAUSE|pause",
                    "1700000950|NONE|NONE|Agent/1001|PAUSEALL|",
                    "1700001000|NONE|loyers|Agent/1001|UNPAUSE|",
                    "1700001000|NONE|technique|Agent/1001|UNPAUSE|",
                    "1700001100|NONE|loyers|Agent/1001|REMOVEMEMBER|",
                    "1700001100|NONE|technique|Agent/1001|REMOVEMEMBER|",
                    // unknown event, malformed line, system line: skipped
                    "1700001200|1700001200.15|loyers|NONE|FOOBAR|x",
                    "garbage line",
                    "1700001300|NONE|NONE|NONE|CONFIGRELOAD|");

    static List<InteractionEvent> convert(List<String> lines, Mapping m, Skips skips) {
        List<InteractionEvent> out = new ArrayList<>();
        QueueLogConverter c =
                new QueueLogConverter(QueueLogConverter.Mode.BULK, m, out::add, skips);
        try {
            QueueLogText.read(
                    new BufferedReader(new StringReader(String.join("\n", lines) + "\n")),
                    "queue_log",
                    skips,
                    c::accept);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        c.finish();
        return out;
    }

    static Map<EventType, Long> byType(List<InteractionEvent> events) {
        return events.stream()
                .collect(Collectors.groupingBy(InteractionEvent::type, Collectors.counting()));
    }

    static Instant at(long offset) {
        return Instant.ofEpochSecond(T + offset);
    }

    @Test
    void everyLineGivesTheEventsCountedByHand() {
        Skips skips = new Skips();
        List<InteractionEvent> ev = convert(LOG, Mapping.defaults(), skips);

        // offers: 8 ENTERQUEUE (A, B, C, D, E×2, leaveempty, exitwithkey) + 5 synthesised
        // (F, CLOSED, FULL, DIVERT_HOLDTIME, JOINEMPTY)
        assertThat(byType(ev))
                .containsEntry(EventType.CONTACT_OFFERED, 13L)
                .containsEntry(EventType.CONTACT_ANSWERED, 4L) // A, B, E-technique, F
                .containsEntry(EventType.CONTACT_ENDED, 3L) // A, E (blind transfer), F
                .containsEntry(EventType.CONTACT_ABANDONED, 1L) // D once
                .containsEntry(EventType.CONTACT_DIVERTED, 7L)
                .containsEntry(EventType.WRAPUP_ENDED, 1L)
                .containsEntry(EventType.AGENT_STATE, 12L); // 1001: 9, 2002: 1, 2003: 2
        assertThat(ev).hasSize(41); // 13 + 4 + 3 + 1 + 7 + 1 + 12

        // skipped: QUEUESTART, RINGNOANSWER, the repeated ABANDON, FOOBAR, garbage, CONFIGRELOAD
        assertThat(skips.total()).isEqualTo(6);
        assertThat(skips.summary())
                .anyMatch(s -> s.contains("unknown event 'FOOBAR'") && s.contains("queue_log:36"))
                .anyMatch(s -> s.contains("repeated verbatim") && s.contains("queue_log:14"))
                .anyMatch(s -> s.contains("not a queue_log line") && s.contains("queue_log:37"));
    }

    @Test
    void contactsAreCallidAndQueueWithTheWaitsAsteriskRecorded() {
        List<InteractionEvent> ev = convert(LOG, Mapping.defaults(), new Skips());
        Map<String, ContactOffered> offers =
                ev.stream()
                        .filter(e -> e instanceof ContactOffered)
                        .map(e -> (ContactOffered) e)
                        .collect(Collectors.toMap(ContactOffered::contactId, o -> o));
        // the callid in two queues is two contacts
        assertThat(offers).containsKeys("1700000500.7@loyers", "1700000500.7@technique");
        // F: offered at CONNECT time − holdtime (30 s)
        assertThat(offers.get("1699999990.0@loyers").ts()).isEqualTo(at(-10));
        // refusal: offered at the refusal's time
        assertThat(offers.get("1700000800.9@loyers").ts()).isEqualTo(at(800));
        // defaults: PHONE, OTHER, no tenant
        assertThat(offers.get("1700000010.1@loyers").intent()).isEqualTo("OTHER");
        assertThat(offers.get("1700000010.1@loyers").tenantId()).isNull();
        // A's wait = answer − offer = 20 s = CONNECT's data1
        ContactAnswered a =
                ev.stream()
                        .filter(
                                e ->
                                        e instanceof ContactAnswered x
                                                && x.contactId().startsWith("1700000010.1"))
                        .map(e -> (ContactAnswered) e)
                        .findFirst()
                        .orElseThrow();
        assertThat(a.ts().getEpochSecond() - offers.get(a.contactId()).ts().getEpochSecond())
                .isEqualTo(20);
        WrapupEnded w =
                ev.stream()
                        .filter(e -> e instanceof WrapupEnded)
                        .map(e -> (WrapupEnded) e)
                        .findFirst()
                        .orElseThrow();
        assertThat(w.ts()).isEqualTo(at(180));
        Map<DivertReason, Long> reasons =
                ev.stream()
                        .filter(e -> e instanceof ContactDiverted)
                        .collect(
                                Collectors.groupingBy(
                                        e -> ((ContactDiverted) e).reason(),
                                        Collectors.counting()));
        assertThat(reasons)
                .containsEntry(DivertReason.TIMEOUT, 1L)
                .containsEntry(DivertReason.CLOSED, 1L)
                .containsEntry(DivertReason.FULL, 2L)
                .containsEntry(DivertReason.NO_AGENT, 2L)
                .containsEntry(DivertReason.MENU, 1L);
    }

    @Test
    void oneStatePerAgentInTimeOrder() {
        List<InteractionEvent> ev = convert(LOG, Mapping.defaults(), new Skips());
        List<String> agent1001 =
                ev.stream()
                        .filter(
                                e ->
                                        e instanceof AgentStateChanged s
                                                && s.agentId().equals("Agent/1001"))
                        .map(e -> (AgentStateChanged) e)
                        .map(s -> (s.ts().getEpochSecond() - T) + " " + s.state() + " " + s.team())
                        .toList();
        assertThat(agent1001)
                .containsExactly(
                        "10 READY loyers",
                        "30 BUSY loyers",
                        "150 WRAP_UP loyers",
                        "180 READY loyers",
                        "580 BUSY loyers",
                        "700 READY loyers",
                        "950 NOT_READY loyers",
                        "1000 READY loyers",
                        "1100 LOGGED_OUT loyers");
        // B's agent: busy from the CONNECT that never completes
        assertThat(ev)
                .filteredOn(e -> e instanceof AgentStateChanged s && s.agentId().equals("SIP/2002"))
                .singleElement()
                .satisfies(
                        e ->
                                assertThat(((AgentStateChanged) e).state())
                                        .isEqualTo(AgentState.BUSY));
    }

    @Test
    void sameEventsWhateverTheLineOrderAndTwiceTheSameIds() {
        List<String> first = encoded(convert(LOG, Mapping.defaults(), new Skips()));
        List<String> again = encoded(convert(LOG, Mapping.defaults(), new Skips()));
        assertThat(again).isEqualTo(first);
        List<String> reversed = new ArrayList<>(LOG);
        Collections.reverse(reversed);
        assertThat(encoded(convert(reversed, Mapping.defaults(), new Skips())))
                .containsExactlyInAnyOrderElementsOf(first);
    }

    @Test
    void theMappingNamesQueuesIntentsTeamsAndCallerIds() {
        Mapping m =
                Mapping.parse(
                        yaml(
                                "time_zone: Europe/Paris\n"
                                        + "caller_id_as_tenant: true\n"
                                        + "queues:\n"
                                        + "  loyers: {name: LOYERS, intent: RENT_PAYMENT, team: EQUIPE_LOYERS}\n"
                                        + "  technique: {intent: REPAIR, priority: 1}\n"),
                        "m.yaml");
        List<InteractionEvent> ev = convert(LOG, m, new Skips());
        ContactOffered a = offer(ev, "1700000010.1@LOYERS");
        assertThat(a.queue()).isEqualTo("LOYERS");
        assertThat(a.intent()).isEqualTo("RENT_PAYMENT");
        assertThat(a.tenantId()).isEqualTo("0612345678");
        ContactOffered b = offer(ev, "1700000200.3@technique");
        assertThat(b.tenantId()).isEqualTo("0698765432"); // from "Dupont" <0698765432>
        assertThat(b.priority()).isEqualTo(1);
        assertThat(b.channel().name()).isEqualTo("PHONE");
        assertThat(ev)
                .filteredOn(
                        e -> e instanceof AgentStateChanged s && s.agentId().equals("Agent/1001"))
                .allSatisfy(
                        e -> assertThat(((AgentStateChanged) e).team()).isEqualTo("EQUIPE_LOYERS"));
    }

    @Test
    void theCsvExportOfTheSameTableGivesTheSameEvents() throws Exception {
        ZoneId paris = ZoneId.of("Europe/Paris");
        StringBuilder csv =
                new StringBuilder(
                        "time,callid,queuename,agent,event,data1,data2,data3,data4,data5\n");
        for (String line : LOG) {
            String[] f = line.split("\\|", -1);
            if (f.length < 5) {
                continue; // the garbage line has no CSV form
            }
            String local =
                    LocalDateTime.ofInstant(Instant.ofEpochSecond(Long.parseLong(f[0])), paris)
                            .toString()
                            .replace('T', ' ');
            StringBuilder row = new StringBuilder(local);
            for (int i = 1; i < 10; i++) {
                String v = i < f.length ? f[i] : "";
                row.append(',')
                        .append(
                                v.contains(",") || v.contains("\"")
                                        ? '"' + v.replace("\"", "\"\"") + '"'
                                        : v);
            }
            csv.append(row).append('\n');
        }
        Mapping m = Mapping.parse(yaml("time_zone: Europe/Paris\n"), "m.yaml");
        List<InteractionEvent> out = new ArrayList<>();
        QueueLogConverter c =
                new QueueLogConverter(QueueLogConverter.Mode.BULK, m, out::add, new Skips());
        QueueLogCsv.read(
                new BufferedReader(new StringReader(csv.toString())),
                "queue_log.csv",
                m.zone(),
                new Skips(),
                c::accept);
        c.finish();
        assertThat(encoded(out))
                .containsExactlyInAnyOrderElementsOf(
                        encoded(convert(LOG, Mapping.defaults(), new Skips())));
    }

    @Test
    void liveModeOffersRefusalsAtOnceAndStatesWhenIdle() {
        List<InteractionEvent> out = new ArrayList<>();
        Skips skips = new Skips();
        QueueLogConverter c =
                new QueueLogConverter(
                        QueueLogConverter.Mode.LIVE, Mapping.defaults(), out::add, skips);
        c.accept(
                QueueLogText.parse(
                        "1700000800|c1|loyers|NONE|CLOSED|", new SourceRef("f", 1), skips));
        assertThat(out)
                .extracting(InteractionEvent::type)
                .containsExactly(EventType.CONTACT_DIVERTED, EventType.CONTACT_OFFERED);
        c.accept(
                QueueLogText.parse(
                        "1700000810|NONE|loyers|Agent/1|ADDMEMBER|", new SourceRef("f", 2), skips));
        c.flush();
        assertThat(out)
                .last()
                .satisfies(e -> assertThat(e.type()).isEqualTo(EventType.AGENT_STATE));
    }

    static ContactOffered offer(List<InteractionEvent> ev, String id) {
        return ev.stream()
                .filter(e -> e instanceof ContactOffered o && o.contactId().equals(id))
                .map(e -> (ContactOffered) e)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no offer for " + id));
    }

    static List<String> encoded(List<InteractionEvent> ev) {
        return ev.stream().map(EventCodec.instance()::encode).toList();
    }

    static com.fasterxml.jackson.databind.JsonNode yaml(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper(
                            new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                    .readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
