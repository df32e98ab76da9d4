package fr.joignable.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hand-written day of edge cases through the whole bounded job; expected values by hand. */
class ScenarioTest {

    @TempDir Path dir;

    static String offer(String id, String ts, String contact, String channel, String tenant) {
        return "{\"eventId\":\""
                + id
                + "\",\"type\":\"CONTACT_OFFERED\",\"ts\":\""
                + ts
                + "\",\"contactId\":\""
                + contact
                + "\",\"channel\":\""
                + channel
                + "\",\"queue\":\"LOYERS\",\"intent\":\"CHARGES\""
                + (tenant == null ? "" : ",\"tenantId\":\"" + tenant + "\"")
                + "}";
    }

    static String contact(String id, String type, String ts, String contact) {
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
    void edgeCasesGiveTheContractsNumbers() throws Exception {
        List<String> lines =
                List.of(
                        // c1: answered exactly at the 20 s threshold, ts with an offset (+02:00)
                        offer("e1", "2026-10-05T10:00:00+02:00", "c1", "PHONE", "t1"),
                        contact("e2", "CONTACT_ANSWERED", "2026-10-05T08:00:20Z", "c1"),
                        contact(
                                "e2",
                                "CONTACT_ANSWERED",
                                "2026-10-05T08:00:20Z",
                                "c1"), // redelivery
                        // c2: same tenant and intent, same time, larger id: a duplicate of c1
                        offer("e5", "2026-10-05T08:00:00Z", "c2", "CHAT", "t1"),
                        // abandoned exactly at the 5 s short-abandon threshold: a real abandon
                        contact("e6", "CONTACT_ABANDONED", "2026-10-05T08:00:05Z", "c2"),
                        // c3: abandoned after 4.999 s: short
                        offer("e7", "2026-10-05T08:01:00Z", "c3", "PHONE", null),
                        "",
                        contact("e8", "CONTACT_ABANDONED", "2026-10-05T08:01:04.999Z", "c3"),
                        // c4: no outcome
                        offer("e9", "2026-10-05T08:02:00Z", "c4", "PHONE", null),
                        // an outcome with no offer: orphan
                        contact("e10", "CONTACT_ANSWERED", "2026-10-05T08:03:00Z", "ghost"),
                        // agent: READY 08:10 → BUSY 08:20, never logs out
                        agent("e11", "2026-10-05T08:10:00Z", "READY"),
                        agent("e12", "2026-10-05T08:20:00Z", "BUSY"),
                        // c1 ended in the next interval (4m40s behind the latest line: on time),
                        // wrap-up 30 s
                        contact("e3", "CONTACT_ENDED", "2026-10-05T08:15:20Z", "c1"),
                        contact("e4", "WRAPUP_ENDED", "2026-10-05T08:15:50Z", "c1"),
                        // 5 min behind 08:20 plus 1 ms: late for a live run, not for a file
                        agent("e13", "2026-10-05T08:14:59.999Z", "NOT_READY"));
        Path file = dir.resolve("day.jsonl");
        Files.write(file, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        Path out = dir.resolve("out");
        RunSummary s = FileKpiRun.run(List.of(file), out, true, new Configuration());
        assertThat(s.read()).isEqualTo(14);
        assertThat(s.late()).isZero();
        assertThat(s.rejected()).isZero();
        assertThat(s.redeliveries()).isEqualTo(1);
        assertThat(s.orphans()).isEqualTo(1);
        assertThat(Files.readAllLines(out.resolve("contact_intervals.csv")))
                .containsExactly(
                        "interval_start,queue,channel,offered,answered,short_abandoned,abandoned,answered_in_sl,service_level,abandon_rate,asa_s,handled,aht_s,identified,duplicates,duplicates_after_abandon,duplicate_rate,diverted,closed",
                        "2026-10-05T08:00:00Z,LOYERS,CHAT,1,0,0,1,0,0,1,,0,,1,1,0,1,0,0",
                        "2026-10-05T08:00:00Z,LOYERS,PHONE,3,1,1,0,1,0.5,0,20,0,,1,0,0,0,0,0",
                        "2026-10-05T08:15:00Z,LOYERS,PHONE,0,0,0,0,0,,,,1,930,0,0,0,,0,0");
        // the last state (BUSY from 08:20) lasts until the largest ts of the input, 08:20:00
        // — so it adds nothing; READY 08:10 to 08:14:59.999, then NOT_READY until 08:20
        assertThat(Files.readAllLines(out.resolve("agent_intervals.csv")))
                .containsExactly(
                        "interval_start,team,staffed_s,ready_s,busy_s,wrap_s,not_ready_s,occupancy",
                        "2026-10-05T08:00:00Z,EQUIPE_A,300,299.999,0,0,0.001,0",
                        "2026-10-05T08:15:00Z,EQUIPE_A,300,0,0,0,300,");
    }
}
