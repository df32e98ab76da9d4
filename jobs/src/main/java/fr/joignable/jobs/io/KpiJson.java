package fr.joignable.jobs.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.joignable.domain.kpi.AgentIntervalRow;
import fr.joignable.domain.kpi.ContactIntervalRow;
import fr.joignable.domain.kpi.KpiFormat;
import java.nio.charset.StandardCharsets;

/**
 * KPI rows as Kafka records: key {@code interval_start|queue|channel} or {@code
 * interval_start|team} (the latest value per key is the current row), value a JSON object with the
 * table's columns ({@code "kind"} tells the table), null for undefined values.
 */
public final class KpiJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private KpiJson() {}

    public static byte[] contactKey(ContactIntervalRow r) {
        return (KpiFormat.instant(r.intervalStart()) + "|" + r.queue() + "|" + r.channel())
                .getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] agentKey(AgentIntervalRow r) {
        return (KpiFormat.instant(r.intervalStart()) + "|" + r.team())
                .getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] contact(ContactIntervalRow r) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("kind", "contact_intervals");
        n.put("interval_start", KpiFormat.instant(r.intervalStart()));
        n.put("queue", r.queue());
        n.put("channel", r.channel().name());
        n.put("offered", r.offered());
        n.put("answered", r.answered());
        n.put("short_abandoned", r.shortAbandoned());
        n.put("abandoned", r.abandoned());
        n.put("answered_in_sl", r.answeredInSl());
        n.put("service_level", r.serviceLevel());
        n.put("abandon_rate", r.abandonRate());
        n.put("asa_s", r.asaS());
        n.put("handled", r.handled());
        n.put("aht_s", r.ahtS());
        n.put("identified", r.identified());
        n.put("duplicates", r.duplicates());
        n.put("duplicates_after_abandon", r.duplicatesAfterAbandon());
        n.put("duplicate_rate", r.duplicateRate());
        n.put("diverted", r.diverted());
        n.put("closed", r.closed());
        return n.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] agent(AgentIntervalRow r) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("kind", "agent_intervals");
        n.put("interval_start", KpiFormat.instant(r.intervalStart()));
        n.put("team", r.team());
        n.put("staffed_s", r.staffedS());
        n.put("ready_s", r.readyS());
        n.put("busy_s", r.busyS());
        n.put("wrap_s", r.wrapS());
        n.put("not_ready_s", r.notReadyS());
        n.put("occupancy", r.occupancy());
        return n.toString().getBytes(StandardCharsets.UTF_8);
    }
}
