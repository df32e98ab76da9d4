package fr.joignable.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import fr.joignable.domain.event.AgentState;
import fr.joignable.domain.event.AgentStateChanged;
import fr.joignable.domain.event.Channel;
import fr.joignable.domain.event.ContactAnswered;
import fr.joignable.domain.event.ContactEnded;
import fr.joignable.domain.event.ContactOffered;
import fr.joignable.domain.event.HandoffClosed;
import fr.joignable.domain.event.HandoffCreated;
import fr.joignable.domain.event.HandoffTarget;
import fr.joignable.domain.event.InteractionEvent;
import fr.joignable.domain.kpi.AgentIntervalRow;
import fr.joignable.domain.kpi.ChannelThresholds;
import fr.joignable.domain.kpi.ContactIntervalRow;
import fr.joignable.jobs.model.AgentSegment;
import fr.joignable.jobs.model.ContactDelta;
import fr.joignable.jobs.model.DuplicateCandidate;
import fr.joignable.jobs.model.HandoffInfo;
import fr.joignable.jobs.model.HandoffRow;
import fr.joignable.jobs.model.JobEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/**
 * Operator-harness tests: each keyed operator, fed a live stream with watermarks, leaves no keyed
 * state and no timer once the watermark is past the data (plus its horizon), and emits the right
 * thing on the way.
 */
class StateCleanupTest {

    static final long T0 = Instant.parse("2026-10-05T08:00:00Z").toEpochMilli();
    static final long HOUR = 3_600_000L;

    /** The live key type of the stages keyed by an id (SortKeys: a string). */
    @SuppressWarnings("unchecked")
    static final TypeInformation<Object> ID_KEY =
            (TypeInformation<Object>) (TypeInformation<?>) Types.STRING;

    static final long DAY = 24 * HOUR;
    static final long HORIZON = Duration.ofDays(7).toMillis();

    static JobEvent ev(InteractionEvent e) {
        JobEvent x = JobEvent.of(e, null, null, 0);
        x.raw = null;
        return x;
    }

    static int keyedEntries(KeyedBroadcastOperatorTestHarness<?, ?, ?, ?> h) {
        AbstractStreamOperator<?> op = (AbstractStreamOperator<?>) h.getOperator();
        return ((HeapKeyedStateBackend<?>) op.getKeyedStateBackend()).numKeyValueStateEntries();
    }

    static void both(KeyedBroadcastOperatorTestHarness<?, ?, ?, ?> h, long wm) throws Exception {
        h.processBroadcastWatermark(wm);
        h.processWatermark(wm);
    }

    static Instant at(long millis) {
        return Instant.ofEpochMilli(millis);
    }

    @Test
    void dedupDropsRedeliveriesAndForgetsAfterTheTtl() throws Exception {
        DedupFunction f = new DedupFunction(HOUR);
        KeyedOneInputStreamOperatorTestHarness<Object, JobEvent, JobEvent> h =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(f, e -> e.eventId, ID_KEY);
        JobEvent offer =
                ev(
                        ContactOffered.anonymous(
                                "e1", at(T0), "c1", Channel.PHONE, "LOYERS", "CHARGES"));
        h.processElement(offer, T0);
        h.processElement(offer, T0);
        h.processElement(ev(ContactAnswered.of("e2", at(T0 + 1000), "c1", "a1")), T0 + 1000);
        assertThat(h.extractOutputValues()).extracting(e -> e.eventId).containsExactly("e1", "e2");
        h.processWatermark(T0 + 2 * HOUR);
        assertThat(h.numKeyedStateEntries()).isZero();
        assertThat(h.numEventTimeTimers()).isZero();
        h.close();
    }

    @Test
    void boundedDedupKeepsTheEarliestCopyWhateverTheOrderAndEmitsItAtTheBoundedTimer()
            throws Exception {
        JobEvent late = ev(ContactAnswered.of("e9", at(T0 + 5_000), "c1", "a2"));
        JobEvent early = ev(ContactAnswered.of("e9", at(T0 + 1_000), "c1", "a1"));
        JobEvent earlyTwin = ev(ContactAnswered.of("e9", at(T0 + 1_000), "c1", "a1"));
        for (List<JobEvent> order :
                List.of(List.of(late, early, earlyTwin), List.of(earlyTwin, early, late))) {
            KeyedOneInputStreamOperatorTestHarness<Object, JobEvent, JobEvent> h =
                    ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                            new DedupFunction(HOUR, true), e -> e.eventId, ID_KEY);
            for (JobEvent e : order) {
                h.processElement(e, e.ts);
            }
            assertThat(h.extractOutputValues()).isEmpty();
            // batch mode: the watermark jumps to the end when the key's input is in
            h.processWatermark(Long.MAX_VALUE);
            List<org.apache.flink.streaming.runtime.streamrecord.StreamRecord<? extends JobEvent>>
                    out = h.extractOutputStreamRecords();
            assertThat(out).hasSize(1);
            assertThat(out.get(0).getValue().agentId).isEqualTo("a1");
            assertThat(out.get(0).getValue().ts).isEqualTo(T0 + 1_000);
            // the record's time is the one timer's, not the event's: the next stages sort a
            // key's records without comparing them by time
            assertThat(out.get(0).getTimestamp()).isEqualTo(KpiJob.BOUNDED_TIMER);
            assertThat(h.numEventTimeTimers()).isZero();
            h.close();
        }
    }

    @Test
    void contactsAreEmittedDecidedAndCleared() throws Exception {
        ContactFunction f = new ContactFunction(ChannelThresholds.defaults(), HORIZON);
        KeyedOneInputStreamOperatorTestHarness<Object, JobEvent, ContactDelta> h =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(f, e -> e.contactId, ID_KEY);
        // the answer arrives before its offer (within the out-of-orderness): not an orphan
        h.processElement(ev(ContactAnswered.of("e2", at(T0 + 10_000), "c1", "a1")), T0 + 10_000);
        h.processElement(
                ev(
                        ContactOffered.of(
                                "e1",
                                at(T0),
                                "c1",
                                Channel.PHONE,
                                "LOYERS",
                                "CHARGES",
                                2,
                                "t1",
                                null)),
                T0);
        // an outcome whose offer never comes: an orphan once the watermark passes it
        h.processElement(ev(ContactEnded.of("e3", at(T0 + 5000), "ghost", "a1")), T0 + 5000);
        h.processElement(
                ev(
                        HandoffCreated.of(
                                "e4", at(T0 + 20_000), "c1", "h1", HandoffTarget.GARDIEN, null)),
                T0 + 20_000);
        h.processWatermark(T0 + 60_000);
        List<ContactDelta> out = h.extractOutputValues();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).offered).isEqualTo(1);
        assertThat(out.get(0).answered).isEqualTo(1);
        assertThat(out.get(0).answeredInSl).isEqualTo(1);
        assertThat(h.getSideOutput(Tags.DUP_ENTRIES)).hasSize(1);
        assertThat(h.getSideOutput(Tags.HANDOFFS)).hasSize(1);
        // the end comes later: the contact retracts and re-sends
        h.processElement(ev(ContactEnded.of("e5", at(T0 + HOUR), "c1", "a1")), T0 + HOUR);
        h.processWatermark(T0 + 2 * HOUR);
        assertThat(h.extractOutputValues()).hasSize(4);
        long offeredSum = h.extractOutputValues().stream().mapToLong(d -> d.offered).sum();
        assertThat(offeredSum).isEqualTo(1);
        assertThat(h.numKeyedStateEntries()).isPositive();
        h.processWatermark(T0 + HORIZON + 1);
        assertThat(h.numKeyedStateEntries()).isZero();
        assertThat(h.numEventTimeTimers()).isZero();
        h.close();
    }

    @Test
    void duplicatesAreDecidedAndForgotten() throws Exception {
        DuplicateFunction f = new DuplicateFunction(Duration.ofDays(7).toMillis());
        KeyedOneInputStreamOperatorTestHarness<Object, DuplicateCandidate, ContactDelta> h =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(f, d -> d.dupKey, ID_KEY);
        h.processElement(dup("c1", T0, true), T0);
        h.processElement(dup("c2", T0 + DAY, false), T0 + DAY);
        h.processWatermark(T0 + DAY + 1);
        List<ContactDelta> out = h.extractOutputValues();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).duplicates).isEqualTo(1);
        assertThat(out.get(0).duplicatesAfterAbandon).isEqualTo(1);
        h.processWatermark(T0 + 9 * DAY);
        assertThat(h.numKeyedStateEntries()).isZero();
        assertThat(h.numEventTimeTimers()).isZero();
        h.close();
    }

    static DuplicateCandidate dup(String id, long ts, boolean abandoned) {
        DuplicateCandidate d = new DuplicateCandidate();
        d.dupKey = "t1\u0001CHARGES";
        d.contactId = id;
        d.offerTs = ts;
        d.queue = "LOYERS";
        d.channel = "PHONE";
        d.intent = "CHARGES";
        d.abandoned = abandoned;
        return d;
    }

    @Test
    void contactAggregatesUpsertThenFinalizeAndClear() throws Exception {
        ContactAggregator f = new ContactAggregator(HORIZON, true);
        KeyedOneInputStreamOperatorTestHarness<Object, ContactDelta, ContactIntervalRow> h =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        f, ContactDelta::cellKey, ID_KEY);
        ContactDelta d = new ContactDelta(T0, "LOYERS", "PHONE", "CHARGES");
        d.offered = 1;
        h.processElement(d, T0 + 1000);
        h.processWatermark(T0 + 2000);
        assertThat(h.getSideOutput(Tags.CONTACT_UPSERTS)).hasSize(1);
        assertThat(h.extractOutputValues()).isEmpty();
        h.processWatermark(T0 + 900_000 + HORIZON);
        assertThat(h.extractOutputValues()).hasSize(1);
        assertThat(h.getSideOutput(Tags.INTENT_ROWS)).hasSize(1);
        assertThat(h.numKeyedStateEntries()).isZero();
        assertThat(h.numEventTimeTimers()).isZero();
        h.close();
    }

    @Test
    void agentStatesSplitAtBoundariesLiveAndClearOnLogout() throws Exception {
        AgentFunction f = new AgentFunction();
        KeyedBroadcastOperatorTestHarness<Object, JobEvent, Long, AgentSegment> h =
                ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
                        f, e -> e.agentId, ID_KEY, AgentFunction.MAX_TS);
        h.processElement(
                ev(AgentStateChanged.of("e1", at(T0 + 60_000), "a1", "A", AgentState.READY)),
                T0 + 60_000);
        h.processElement(
                ev(AgentStateChanged.of("e2", at(T0 + 1_200_000), "a1", "A", AgentState.BUSY)),
                T0 + 1_200_000);
        both(h, T0 + 1_000_000);
        // READY from 08:01 to the 08:15 boundary, emitted live when the watermark passed it
        assertThat(h.extractOutputValues())
                .extracting(s -> s.state + "@" + s.millis)
                .containsExactly("READY@840000");
        h.processElement(
                ev(
                        AgentStateChanged.of(
                                "e3", at(T0 + 1_800_000), "a1", "A", AgentState.LOGGED_OUT)),
                T0 + 1_800_000);
        both(h, T0 + 2 * HOUR);
        assertThat(h.extractOutputValues())
                .extracting(s -> s.state + "@" + s.millis)
                .containsExactly("READY@840000", "READY@300000", "BUSY@600000");
        assertThat(keyedEntries(h)).isZero();
        assertThat(h.numEventTimeTimers()).isZero();
        h.close();
    }

    @Test
    void anAgentWhoNeverLogsOutLastsUntilTheEndOfTheData() throws Exception {
        AgentFunction f = new AgentFunction();
        KeyedBroadcastOperatorTestHarness<Object, JobEvent, Long, AgentSegment> h =
                ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
                        f, e -> e.agentId, ID_KEY, AgentFunction.MAX_TS);
        h.processElement(
                ev(AgentStateChanged.of("e1", at(T0), "a1", "A", AgentState.NOT_READY)), T0);
        h.processBroadcastElement(T0 + 1_000_000, T0 + 1_000_000);
        both(h, Long.MAX_VALUE);
        assertThat(h.extractOutputValues())
                .extracting(s -> s.state + "@" + s.millis)
                .containsExactly("NOT_READY@900000", "NOT_READY@100000");
        assertThat(keyedEntries(h)).isZero();
        assertThat(h.numEventTimeTimers()).isZero();
        h.close();
    }

    @Test
    void agentAggregatesFinalizeAtTheIntervalEnd() throws Exception {
        AgentAggregator f = new AgentAggregator(0);
        KeyedOneInputStreamOperatorTestHarness<Object, AgentSegment, AgentIntervalRow> h =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        f, AgentSegment::cellKey, ID_KEY);
        h.processElement(new AgentSegment(T0, "A", "BUSY", 300_000), T0 + 1);
        h.processElement(new AgentSegment(T0, "A", "READY", 100_000), T0 + 2);
        h.processWatermark(T0 + 900_000);
        assertThat(h.extractOutputValues()).hasSize(1);
        assertThat(h.extractOutputValues().get(0).occupancy()).isEqualTo(0.75);
        assertThat(h.numKeyedStateEntries()).isZero();
        assertThat(h.numEventTimeTimers()).isZero();
        h.close();
    }

    @Test
    void handoffsJoinTheirClosingAndClear() throws Exception {
        HandoffFunction f = new HandoffFunction(HORIZON);
        KeyedTwoInputStreamOperatorTestHarness<Object, HandoffInfo, JobEvent, HandoffRow> h =
                ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(
                        f, i -> i.handoffId, e -> e.handoffId, ID_KEY);
        HandoffInfo info = new HandoffInfo();
        info.handoffId = "h1";
        info.contactId = "c1";
        info.createdAt = T0;
        info.target = "GARDIEN";
        info.queue = "TECHNIQUE";
        info.intent = "HEATING";
        h.processElement1(info, T0);
        h.processElement2(ev(HandoffClosed.of("e9", at(T0 + HOUR), "h1")), T0 + HOUR);
        h.processBothWatermarks(new Watermark(T0 + 2 * HOUR));
        assertThat(h.extractOutputValues()).hasSize(1);
        assertThat(h.extractOutputValues().get(0).closingS).isEqualTo(3600.0);
        h.processBothWatermarks(new Watermark(T0 + HORIZON + 2 * HOUR));
        assertThat(h.numKeyedStateEntries()).isZero();
        assertThat(h.numEventTimeTimers()).isZero();
        h.close();
    }
}
