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
import fr.joignable.domain.live.LiveView;
import fr.joignable.jobs.model.LiveInput;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/**
 * The live view publishes on arrival (no watermark is ever sent here), coalescing changes for at
 * most 50 ms, with a heartbeat every second when nothing changes.
 */
class LiveViewFunctionTest {

    static final long T0 = Instant.parse("2026-10-05T08:15:00Z").toEpochMilli();
    static final long P0 = 1_000_000; // processing time at the start

    @Test
    void publishesEachArrivalWithinTheCoalescingDelayAndAHeartbeatWhenIdle() throws Exception {
        LiveViewFunction f =
                new LiveViewFunction(ChannelThresholds.defaults(), 7 * 86_400_000L, 1000);
        KeyedOneInputStreamOperatorTestHarness<String, LiveInput, String> h =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(f, x -> "live", Types.STRING);
        h.setProcessingTime(P0);
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
        // the first change leaves at once
        List<String> out = h.extractOutputValues();
        assertThat(out).hasSize(1);
        assertThat(out.get(0)).doesNotContain("secret-tenant");
        JsonNode n = new ObjectMapper().readTree(out.get(0));
        assertThat(n.get("asOf").asText()).isEqualTo("2026-10-05T08:15:00Z");
        assertThat(n.at("/queues/0/waiting").asLong()).isEqualTo(1);

        // 10 ms later: two changes, coalesced into one snapshot 50 ms after the previous one
        h.setProcessingTime(P0 + 10);
        h.processElement(
                in(
                        AgentStateChanged.of(
                                "e2",
                                Instant.ofEpochMilli(T0 + 10),
                                "a1",
                                "EQUIPE_A",
                                AgentState.BUSY)),
                T0 + 10);
        h.processElement(
                in(ContactAnswered.of("e3", Instant.ofEpochMilli(T0 + 10), "c1", "a1")), T0 + 10);
        assertThat(h.extractOutputValues()).hasSize(1);
        h.setProcessingTime(P0 + 49);
        assertThat(h.extractOutputValues()).hasSize(1);
        h.setProcessingTime(P0 + 50);
        out = h.extractOutputValues();
        assertThat(out).hasSize(2);
        LiveView v = LiveView.parse(out.get(1).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(v.queues().get(0).waiting()).isZero();
        assertThat(v.queues().get(0).interval().answeredInSl()).isEqualTo(1);
        assertThat(v.teams().get(0).states()).containsEntry("BUSY", 1L);
        // the clock: the latest event time plus the 40 ms since it arrived
        assertThat(v.asOf()).isEqualTo("2026-10-05T08:15:00.050Z");

        // idle: a heartbeat one second after the last snapshot, its clock still moving
        h.setProcessingTime(P0 + 1049);
        assertThat(h.extractOutputValues()).hasSize(2);
        h.setProcessingTime(P0 + 1050);
        out = h.extractOutputValues();
        assertThat(out).hasSize(3);
        assertThat(new ObjectMapper().readTree(out.get(2)).get("asOf").asText())
                .isEqualTo("2026-10-05T08:15:01.050Z");
        h.setProcessingTime(P0 + 2050);
        assertThat(h.extractOutputValues()).hasSize(4);
        h.close();
    }

    @Test
    void theClockIsTheLatestEventTimeAdvancedByTheWallTimeSinceItArrived() {
        assertThat(LiveViewFunction.asOf(T0, P0, P0)).isEqualTo(T0);
        assertThat(LiveViewFunction.asOf(T0, P0, P0 + 700)).isEqualTo(T0 + 700);
        assertThat(LiveViewFunction.asOf(T0, P0, P0 - 5)).isEqualTo(T0); // never backwards
    }

    static LiveInput in(fr.joignable.domain.event.InteractionEvent e) {
        return LiveInput.of(StateCleanupTest.ev(e));
    }
}
