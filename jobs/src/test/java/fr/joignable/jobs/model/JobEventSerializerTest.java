package fr.joignable.jobs.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.joignable.domain.event.AgentState;
import fr.joignable.domain.event.Channel;
import fr.joignable.domain.event.DivertReason;
import fr.joignable.domain.event.EventType;
import fr.joignable.domain.event.HandoffTarget;
import fr.joignable.domain.event.InteractionEvent;
import fr.joignable.jobs.TestEvents;
import fr.joignable.jobs.io.EventDecoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.types.StringValue;
import org.junit.jupiter.api.Test;

/** {@link JobEventSerializer}: exact round trips of every kind of event, and its stable format. */
class JobEventSerializerTest {

    /** Every event type of the generator (contacts, handoffs, agents), noise included. */
    static List<JobEvent> sample() {
        TestEvents gen = new TestEvents(7);
        Instant start = Instant.parse("2026-10-05T00:00:00Z");
        List<InteractionEvent> events = new ArrayList<>(gen.contacts(start, 1, 200));
        events.addAll(gen.agents(start, 1, 5));
        List<JobEvent> out = new ArrayList<>();
        long line = 0;
        for (byte[] bytes : gen.lines(events, true)) {
            out.add(EventDecoder.decode(bytes, "file-1", ++line));
        }
        out.add(
                EventDecoder.decode(
                        "{\"not\":\"an event\"}".getBytes(StandardCharsets.UTF_8), null, ++line));
        out.add(new JobEvent()); // every field null or 0
        return out;
    }

    @Test
    void theSampleCoversEveryTypeEnumAndARejection() {
        List<JobEvent> sample = sample();
        EnumSet<EventType> types = EnumSet.noneOf(EventType.class);
        sample.stream().filter(e -> e.type != null).forEach(e -> types.add(e.type));
        assertThat(types)
                .contains(
                        EventType.CONTACT_OFFERED,
                        EventType.CONTACT_ANSWERED,
                        EventType.CONTACT_ABANDONED,
                        EventType.CONTACT_ENDED,
                        EventType.WRAPUP_ENDED,
                        EventType.AGENT_STATE);
        assertThat(sample).anyMatch(JobEvent::rejected);
        assertThat(sample).anyMatch(e -> e.channel != null && e.raw != null);
        assertThat(sample).anyMatch(e -> e.state != null);
    }

    @Test
    void serializeThenDeserializeGivesTheSameFields() throws IOException {
        for (JobEvent e : sample()) {
            DataOutputSerializer out = new DataOutputSerializer(64);
            JobEventSerializer.INSTANCE.serialize(e, out);
            byte[] bytes = out.getCopyOfBuffer();
            JobEvent back =
                    JobEventSerializer.INSTANCE.deserialize(new DataInputDeserializer(bytes));
            assertThat(back).usingRecursiveComparison().isEqualTo(e);
            // the reusing form, into a dirty instance, gives the same
            JobEvent dirty = JobEventSerializer.INSTANCE.copy(sample().get(0));
            JobEvent reused =
                    JobEventSerializer.INSTANCE.deserialize(
                            dirty, new DataInputDeserializer(bytes));
            assertThat(reused).usingRecursiveComparison().isEqualTo(e);
            // the byte-level copy (used by sorts and spills) copies exactly one record
            // (DataOutputSerializer does not grow when written from an input view)
            DataOutputSerializer copied = new DataOutputSerializer(bytes.length + 64);
            DataInputDeserializer in = new DataInputDeserializer(bytes);
            JobEventSerializer.INSTANCE.copy(in, copied);
            assertThat(copied.getCopyOfBuffer()).isEqualTo(bytes);
            assertThat(in.available()).isZero();
        }
    }

    /**
     * The format written field by field with Flink's own primitives (the serializer's first form).
     */
    static byte[] fieldByField(JobEvent e) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        for (Enum<?> v : new Enum<?>[] {e.type, e.channel, e.target, e.state, e.divertReason}) {
            out.writeByte(v == null ? 0 : v.ordinal() + 1);
        }
        out.writeLong(e.ts);
        out.writeLong(e.line);
        for (String v :
                new String[] {
                    e.eventId,
                    e.contactId,
                    e.agentId,
                    e.queue,
                    e.intent,
                    e.tenantId,
                    e.residenceId,
                    e.handoffId,
                    e.team,
                    e.source,
                    e.reason
                }) {
            StringValue.writeString(v, out);
        }
        if (e.raw == null) {
            out.writeInt(0);
        } else {
            out.writeInt(e.raw.length + 1);
            out.write(e.raw);
        }
        return out.getCopyOfBuffer();
    }

    @Test
    void theBytesAreThoseOfFlinksStringAndNumberEncodings() throws IOException {
        List<JobEvent> events = new ArrayList<>(sample());
        // non-ASCII text (2- and 3-byte varints), a surrogate pair, a 200-char id (2-byte length)
        JobEvent odd = JobEventSerializer.INSTANCE.copy(events.get(0));
        odd.queue = "RÉCLAMATIONS";
        odd.intent = "\u20ac\uffff\u0080\u007f";
        odd.team = "équipe \ud83d\ude00";
        odd.eventId = "E".repeat(200);
        odd.ts = -1L;
        odd.line = Long.MIN_VALUE;
        odd.raw = new byte[300];
        events.add(odd);
        for (JobEvent e : events) {
            DataOutputSerializer out = new DataOutputSerializer(64);
            JobEventSerializer.INSTANCE.serialize(e, out);
            assertThat(out.getCopyOfBuffer()).isEqualTo(fieldByField(e));
            JobEvent back =
                    JobEventSerializer.INSTANCE.deserialize(
                            new DataInputDeserializer(out.getCopyOfBuffer()));
            assertThat(back).usingRecursiveComparison().isEqualTo(e);
        }
    }

    @Test
    void copyIsEqualAndDoesNotShareRawBytes() {
        for (JobEvent e : sample()) {
            JobEvent c = JobEventSerializer.INSTANCE.copy(e);
            assertThat(c).isNotSameAs(e).usingRecursiveComparison().isEqualTo(e);
            if (e.raw != null) {
                assertThat(c.raw).isNotSameAs(e.raw);
                assertThat(Arrays.equals(c.raw, e.raw)).isTrue();
            }
        }
    }

    /**
     * The enums' declaration order is part of the state format of a live job (one byte per enum,
     * ordinal + 1): reordering a constant would read old state wrongly, so it is pinned here.
     */
    @Test
    void enumOrdersArePinned() {
        assertThat(EventType.values())
                .containsExactly(
                        EventType.CONTACT_OFFERED,
                        EventType.CONTACT_ANSWERED,
                        EventType.CONTACT_ABANDONED,
                        EventType.CONTACT_DIVERTED,
                        EventType.CONTACT_ENDED,
                        EventType.WRAPUP_ENDED,
                        EventType.HANDOFF_CREATED,
                        EventType.HANDOFF_CLOSED,
                        EventType.AGENT_STATE);
        assertThat(Channel.values())
                .containsExactly(
                        Channel.PHONE, Channel.EMAIL, Channel.LETTER, Channel.CHAT, Channel.PORTAL);
        assertThat(AgentState.values())
                .containsExactly(
                        AgentState.LOGGED_OUT,
                        AgentState.READY,
                        AgentState.BUSY,
                        AgentState.WRAP_UP,
                        AgentState.NOT_READY);
        assertThat(DivertReason.values())
                .containsExactly(
                        DivertReason.CLOSED,
                        DivertReason.FULL,
                        DivertReason.NO_AGENT,
                        DivertReason.TIMEOUT,
                        DivertReason.MENU);
        assertThat(HandoffTarget.values())
                .containsExactly(
                        HandoffTarget.GARDIEN,
                        HandoffTarget.TECHNICAL,
                        HandoffTarget.MANAGEMENT,
                        HandoffTarget.OTHER);
    }

    @Test
    void anOutOfRangeEnumCodeIsAnError() {
        byte[] bytes = new byte[5 + 16 + 11 + 4];
        bytes[0] = 42; // no event type has ordinal 41
        assertThatThrownBy(
                        () ->
                                JobEventSerializer.INSTANCE.deserialize(
                                        new DataInputDeserializer(bytes)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("42");
    }

    @Test
    void flinkFindsTheSerializerForEvAndForEvInsideAPojo() {
        assertThat(TypeInformation.of(JobEvent.class)).isEqualTo(JobEventTypeInfo.INSTANCE);
        TypeInformation<LiveInput> live = TypeInformation.of(LiveInput.class);
        assertThat(live).isInstanceOf(PojoTypeInfo.class);
        PojoTypeInfo<LiveInput> pojo = (PojoTypeInfo<LiveInput>) live;
        assertThat(pojo.getTypeAt(pojo.getFieldIndex("event")))
                .isEqualTo(JobEventTypeInfo.INSTANCE);
    }
}
