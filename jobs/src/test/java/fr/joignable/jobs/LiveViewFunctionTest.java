package fr.joignable.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.joignable.domain.event.AgentState;
import fr.joignable.domain.event.AgentStateChanged;
import fr.joignable.domain.event.Channel;
import fr.joignable.domain.event.ContactAnswered;
import fr.joignable.domain.event.ContactOffered;
import fr.joignable.domain.kpi.ChannelThresholds;
import fr.joignable.jobs.model.LiveIn;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class LiveViewFunctionTest {

    static final long T0 = Instant.parse("2026-10-05T08:15:00Z").toEpochMilli();

    @Test
    void publishesWaitingContactsStatesAndPartialMetricsEverySecond() throws Exception {
        LiveViewFunction f =
                new LiveViewFunction(ChannelThresholds.defaults(), 7 * 86_400_000L, 1000);
        KeyedOneInputStreamOperatorTestHarness<String, LiveIn, String> h =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(f, x -> "live", Types.STRING);
        h.setProcessingTime(0);
        h.processElement(
                in(
                        ContactOffered.of(
                                "e1",
                                Instant.ofEpochMilli(T0),
                                "c1",
                                Channel.PHONE,
                                "LOYERS",
                                "CHARGES",
                                2,
                                "secret-tenant",
                                null)),
                T0);
        h.processElement(
                in(ContactAnswered.of("e2", Instant.ofEpochMilli(T0 + 10_000), "c1", "a1")),
                T0 + 10_000);
        h.processElement(
                in(
                        ContactOffered.anonymous(
                                "e3",
                                Instant.ofEpochMilli(T0 + 20_000),
                                "c2",
                                Channel.PHONE,
                                "LOYERS",
                                "CHARGES")),
                T0 + 20_000);
        h.processElement(
                in(
                        ContactOffered.anonymous(
                                "e4",
                                Instant.ofEpochMilli(T0 + 20_000),
                                "c3",
                                Channel.EMAIL,
                                "LOYERS",
                                "CHARGES")),
                T0 + 20_000);
        h.processElement(
                in(
                        AgentStateChanged.of(
                                "e5", Instant.ofEpochMilli(T0), "a1", "EQUIPE_A", AgentState.BUSY)),
                T0);
        h.processWatermark(T0 + 60_000);
        h.setProcessingTime(1000);
        List<String> out = h.extractOutputValues();
        assertThat(out).hasSize(1);
        assertThat(out.get(0)).doesNotContain("secret-tenant");
        JsonNode n = new ObjectMapper().readTree(out.get(0));
        assertThat(n.get("asOf").asText()).isEqualTo("2026-10-05T08:16:00Z");
        assertThat(n.get("intervalStart").asText()).isEqualTo("2026-10-05T08:15:00Z");
        JsonNode q = n.get("queues").get(0);
        assertThat(q.get("queue").asText()).isEqualTo("LOYERS");
        assertThat(q.get("waiting").asLong()).isEqualTo(1);
        assertThat(q.get("longestWaitS").asDouble()).isEqualTo(40.0);
        assertThat(q.get("backlog").asLong()).isEqualTo(1);
        assertThat(q.get("interval").get("offered").asLong()).isEqualTo(3);
        assertThat(q.get("interval").get("answeredInSl").asLong()).isEqualTo(1);
        assertThat(q.get("interval").get("serviceLevel").asDouble()).isEqualTo(1.0 / 3);
        JsonNode t = n.get("teams").get(0);
        assertThat(t.get("states").get("BUSY").asLong()).isEqualTo(1);
        assertThat(t.get("occupancy").asDouble()).isEqualTo(1.0);
        h.setProcessingTime(2000);
        assertThat(h.extractOutputValues()).hasSize(2);
        h.close();
    }

    static LiveIn in(fr.joignable.domain.event.InteractionEvent e) {
        return LiveIn.of(StateCleanupTest.ev(e));
    }
}
