package fr.joignable.jobs.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/**
 * The hand-written serializers of the intermediate records ({@link ContactDeltaSerializer}, {@link
 * AgentSegmentSerializer}, {@link DuplicateCandidateSerializer}, {@link HandoffInfoSerializer}):
 * exact round trips of random records (nulls, negative and extreme longs, non-ASCII strings), byte
 * copies, lengths of known records, snapshots, and that Flink picks them for the classes.
 */
class ModelSerializersTest {

    private static final long[] EDGES = {
        0, 1, -1, 63, 64, -64, -65, 127, 128, Long.MAX_VALUE, Long.MIN_VALUE, 1_790_000_000_000L
    };

    private final Random random = new Random(17);

    private long someLong() {
        return switch (random.nextInt(3)) {
            case 0 -> EDGES[random.nextInt(EDGES.length)];
            case 1 -> random.nextInt(7) - 3;
            default -> random.nextLong();
        };
    }

    private String someString() {
        return switch (random.nextInt(4)) {
            case 0 -> null;
            case 1 -> "";
            case 2 -> "Q-" + random.nextInt(1000);
            default -> "é€\u0000x" + (char) (0x80 + random.nextInt(0xD000));
        };
    }

    private ContactDelta contactDelta() {
        ContactDelta d = new ContactDelta(someLong(), someString(), someString(), someString());
        d.offered = someLong();
        d.answered = someLong();
        d.shortAbandoned = someLong();
        d.abandoned = someLong();
        d.answeredInSl = someLong();
        d.waitSumMs = someLong();
        d.handled = someLong();
        d.handleSumMs = someLong();
        d.identified = someLong();
        d.duplicates = someLong();
        d.duplicatesAfterAbandon = someLong();
        d.diverted = someLong();
        d.closed = someLong();
        d.contactId = someString();
        return d;
    }

    private AgentSegment agentSegment() {
        return new AgentSegment(someLong(), someString(), someString(), someLong());
    }

    private DuplicateCandidate duplicateCandidate() {
        DuplicateCandidate c = new DuplicateCandidate();
        c.dupKey = someString();
        c.contactId = someString();
        c.offerTs = someLong();
        c.queue = someString();
        c.channel = someString();
        c.intent = someString();
        c.abandoned = random.nextBoolean();
        return c;
    }

    private HandoffInfo handoffInfo() {
        HandoffInfo h = new HandoffInfo();
        h.handoffId = someString();
        h.contactId = someString();
        h.createdAt = someLong();
        h.target = someString();
        h.residenceId = someString();
        h.queue = someString();
        h.intent = someString();
        return h;
    }

    private static <T> byte[] bytes(TypeSerializer<T> s, T value) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(16);
        s.serialize(value, out);
        return out.getCopyOfBuffer();
    }

    /** Round trips, the byte copy and the object copies of 500 random records after each other. */
    private <T> void roundTrips(TypeSerializer<T> s, Supplier<T> make) throws IOException {
        List<T> values = new ArrayList<>();
        DataOutputSerializer out = new DataOutputSerializer(64);
        for (int i = 0; i < 500; i++) {
            T v = make.get();
            values.add(v);
            s.serialize(v, out);
        }
        byte[] all = out.getCopyOfBuffer();
        DataInputDeserializer in = new DataInputDeserializer(all);
        DataInputDeserializer copyIn = new DataInputDeserializer(all);
        DataOutputSerializer copied = new DataOutputSerializer(64);
        T reused = s.createInstance();
        for (T v : values) {
            assertThat(s.deserialize(in)).usingRecursiveComparison().isEqualTo(v);
            s.copy(copyIn, copied);
            assertThat(s.copy(v)).isNotSameAs(v).usingRecursiveComparison().isEqualTo(v);
            assertThat(s.copy(v, reused)).isSameAs(reused).usingRecursiveComparison().isEqualTo(v);
        }
        assertThat(in.available()).isZero();
        assertThat(copied.getCopyOfBuffer()).isEqualTo(all);
        DataInputDeserializer again = new DataInputDeserializer(all);
        for (T v : values) {
            assertThat(s.deserialize(s.createInstance(), again))
                    .usingRecursiveComparison()
                    .isEqualTo(v);
        }
    }

    @Test
    void randomRecordsComeBackExactly() throws IOException {
        roundTrips(ContactDeltaSerializer.INSTANCE, this::contactDelta);
        roundTrips(AgentSegmentSerializer.INSTANCE, this::agentSegment);
        roundTrips(DuplicateCandidateSerializer.INSTANCE, this::duplicateCandidate);
        roundTrips(HandoffInfoSerializer.INSTANCE, this::handoffInfo);
    }

    @Test
    void smallCountsTakeOneByteEach() throws IOException {
        // all zero, null strings: 14 longs of one byte and 4 null strings of one byte
        assertThat(bytes(ContactDeltaSerializer.INSTANCE, new ContactDelta())).hasSize(18);
        ContactDelta d = new ContactDelta(0, "Q1", null, null);
        d.offered = 1;
        d.answered = -1;
        d.waitSumMs = 64; // zig-zag 128: two bytes
        // queue "Q1": length + 1 = 3, then 'Q', '1'
        assertThat(bytes(ContactDeltaSerializer.INSTANCE, d))
                // offered zig-zag 2, answered 1, waitSumMs 0x80 1, then seven zero counts and a
                // null id
                .containsExactly(
                        0, 3, 'Q', '1', 0, 0, 2, 1, 0, 0, 0, 0x80, 1, 0, 0, 0, 0, 0, 0, 0, 0);
        // Long.MIN_VALUE: zig-zag all ones, ten bytes
        AgentSegment a = new AgentSegment(Long.MIN_VALUE, null, null, 0);
        assertThat(bytes(AgentSegmentSerializer.INSTANCE, a)).hasSize(13);
        DuplicateCandidate c = new DuplicateCandidate();
        c.abandoned = true;
        assertThat(bytes(DuplicateCandidateSerializer.INSTANCE, c))
                .containsExactly(0, 0, 0, 0, 0, 0, 1);
    }

    @Test
    void truncatedOrBadBytesAreIoErrors() throws IOException {
        byte[] b = bytes(ContactDeltaSerializer.INSTANCE, contactDelta());
        byte[] cut = java.util.Arrays.copyOf(b, b.length - 1);
        assertThatThrownBy(
                        () ->
                                ContactDeltaSerializer.INSTANCE.deserialize(
                                        new DataInputDeserializer(cut)))
                .isInstanceOf(IOException.class);
        byte[] longVarint = {
            (byte) 0x80,
            (byte) 0x80,
            (byte) 0x80,
            (byte) 0x80,
            (byte) 0x80,
            (byte) 0x80,
            (byte) 0x80,
            (byte) 0x80,
            (byte) 0x80,
            (byte) 0x80,
            1
        };
        assertThatThrownBy(
                        () ->
                                AgentSegmentSerializer.INSTANCE.deserialize(
                                        new DataInputDeserializer(longVarint)))
                .isInstanceOf(IOException.class);
        byte[] badBool = {0, 0, 0, 0, 0, 0, 2};
        assertThatThrownBy(
                        () ->
                                DuplicateCandidateSerializer.INSTANCE.deserialize(
                                        new DataInputDeserializer(badBool)))
                .isInstanceOf(IOException.class);
    }

    @Test
    void flinkFindsTheSerializersAndTheirSnapshotsRestoreThem() throws Exception {
        List<TypeSerializer<?>> expected =
                List.of(
                        ContactDeltaSerializer.INSTANCE,
                        AgentSegmentSerializer.INSTANCE,
                        DuplicateCandidateSerializer.INSTANCE,
                        HandoffInfoSerializer.INSTANCE);
        List<Class<?>> classes =
                List.of(
                        ContactDelta.class,
                        AgentSegment.class,
                        DuplicateCandidate.class,
                        HandoffInfo.class);
        for (int i = 0; i < classes.size(); i++) {
            TypeInformation<?> info = TypeInformation.of(classes.get(i));
            assertThat(info).isInstanceOf(AtomicTypeInfo.class);
            TypeSerializer<?> s =
                    info.createSerializer(
                            new org.apache.flink.api.common.serialization.SerializerConfigImpl());
            assertThat(s).isSameAs(expected.get(i));
            @SuppressWarnings("unchecked")
            TypeSerializerSnapshot<Object> snapshot =
                    (TypeSerializerSnapshot<Object>) s.snapshotConfiguration();
            assertThat(snapshot.restoreSerializer()).isSameAs(s);
            assertThat(
                            snapshot.resolveSchemaCompatibility(
                                            (TypeSerializerSnapshot<Object>)
                                                    s.snapshotConfiguration())
                                    .isCompatibleAsIs())
                    .isTrue();
            ByteArrayOutputStream javaBytes = new ByteArrayOutputStream();
            try (ObjectOutputStream o = new ObjectOutputStream(javaBytes)) {
                o.writeObject(s);
            }
            try (ObjectInputStream o =
                    new ObjectInputStream(new ByteArrayInputStream(javaBytes.toByteArray()))) {
                assertThat(o.readObject()).isSameAs(s);
            }
        }
    }
}
