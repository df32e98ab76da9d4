package fr.joignable.jobs.model;

import fr.joignable.domain.event.AgentState;
import fr.joignable.domain.event.Channel;
import fr.joignable.domain.event.DivertReason;
import fr.joignable.domain.event.EventType;
import fr.joignable.domain.event.HandoffTarget;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * The serializer of {@link JobEvent} between operators and in state, written by hand: Flink's
 * reflective {@code PojoSerializer} sets each of 19 fields through {@code Field.set} and writes a
 * null flag before each; this writes the fields in a fixed order, straight.
 *
 * <p>Format (version 1): the five enums as one byte each (ordinal + 1, 0 for null) — type, channel,
 * target, state, divert reason; {@code ts} and {@code line} as longs; the eleven strings with
 * {@link StringValue#writeString} (which encodes null); {@code raw} as its length + 1 (0 for null)
 * and its bytes. The enums' declaration order is therefore part of the format of a live job's
 * state: {@code JobEventSerializerTest} pins it, and adding a constant at the end of an enum keeps
 * old state readable.
 */
public final class JobEventSerializer extends TypeSerializerSingleton<JobEvent> {

    private static final long serialVersionUID = 1L;

    public static final JobEventSerializer INSTANCE = new JobEventSerializer();

    private static final EventType[] TYPES = EventType.values();
    private static final Channel[] CHANNELS = Channel.values();
    private static final HandoffTarget[] TARGETS = HandoffTarget.values();
    private static final AgentState[] STATES = AgentState.values();
    private static final DivertReason[] REASONS = DivertReason.values();

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public JobEvent createInstance() {
        return new JobEvent();
    }

    /**
     * A new {@link JobEvent} with the same fields: strings and enums are immutable, so they are
     * shared; {@code raw} is copied, as a receiver could change it.
     */
    @Override
    public JobEvent copy(JobEvent from) {
        return copy(from, new JobEvent());
    }

    @Override
    public JobEvent copy(JobEvent from, JobEvent to) {
        to.type = from.type;
        to.eventId = from.eventId;
        to.ts = from.ts;
        to.contactId = from.contactId;
        to.agentId = from.agentId;
        to.channel = from.channel;
        to.queue = from.queue;
        to.intent = from.intent;
        to.tenantId = from.tenantId;
        to.residenceId = from.residenceId;
        to.handoffId = from.handoffId;
        to.target = from.target;
        to.team = from.team;
        to.state = from.state;
        to.divertReason = from.divertReason;
        to.source = from.source;
        to.line = from.line;
        to.raw = from.raw == null ? null : from.raw.clone();
        to.reason = from.reason;
        return to;
    }

    @Override
    public int getLength() {
        return -1;
    }

    /**
     * Writes the record in one call: the bytes are those of {@code writeByte}, {@code writeLong}
     * and {@link StringValue#writeString} field by field (the format is unchanged), assembled in an
     * array first, because the paged views of Flink's sorts and buffers pay a bounds check and a
     * call for every byte written.
     */
    @Override
    public void serialize(JobEvent e, DataOutputView out) throws IOException {
        String[] strings = {
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
        };
        int size = 5 + 8 + 8 + 4;
        for (String v : strings) {
            // a char takes at most 3 bytes, the length at most 5
            size += v == null ? 1 : 5 + 3 * v.length();
        }
        byte[] b = new byte[size];
        b[0] = (byte) code(e.type);
        b[1] = (byte) code(e.channel);
        b[2] = (byte) code(e.target);
        b[3] = (byte) code(e.state);
        b[4] = (byte) code(e.divertReason);
        int at = putLong(b, 5, e.ts);
        at = putLong(b, at, e.line);
        for (String v : strings) {
            at = putString(b, at, v);
        }
        int rawLength = e.raw == null ? 0 : e.raw.length + 1;
        b[at++] = (byte) (rawLength >>> 24);
        b[at++] = (byte) (rawLength >>> 16);
        b[at++] = (byte) (rawLength >>> 8);
        b[at++] = (byte) rawLength;
        out.write(b, 0, at);
        if (e.raw != null) {
            out.write(e.raw);
        }
    }

    private static int putLong(byte[] b, int at, long v) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            b[at++] = (byte) (v >>> shift);
        }
        return at;
    }

    /** {@link StringValue#writeString}'s bytes: length + 1, then each char, as 7-bit varints. */
    static int putString(byte[] b, int at, String v) {
        if (v == null) {
            b[at++] = 0;
            return at;
        }
        int n = v.length();
        at = putVarint(b, at, n + 1);
        for (int i = 0; i < n; i++) {
            char c = v.charAt(i);
            if (c < 0x80) {
                b[at++] = (byte) c;
            } else {
                at = putVarint(b, at, c);
            }
        }
        return at;
    }

    private static int putVarint(byte[] b, int at, int v) {
        while (v >= 0x80) {
            b[at++] = (byte) (v | 0x80);
            v >>>= 7;
        }
        b[at++] = (byte) v;
        return at;
    }

    @Override
    public JobEvent deserialize(DataInputView in) throws IOException {
        return deserialize(new JobEvent(), in);
    }

    @Override
    public JobEvent deserialize(JobEvent e, DataInputView in) throws IOException {
        e.type = decode(TYPES, in.readByte());
        e.channel = decode(CHANNELS, in.readByte());
        e.target = decode(TARGETS, in.readByte());
        e.state = decode(STATES, in.readByte());
        e.divertReason = decode(REASONS, in.readByte());
        e.ts = in.readLong();
        e.line = in.readLong();
        e.eventId = StringValue.readString(in);
        e.contactId = StringValue.readString(in);
        e.agentId = StringValue.readString(in);
        e.queue = StringValue.readString(in);
        e.intent = StringValue.readString(in);
        e.tenantId = StringValue.readString(in);
        e.residenceId = StringValue.readString(in);
        e.handoffId = StringValue.readString(in);
        e.team = StringValue.readString(in);
        e.source = StringValue.readString(in);
        e.reason = StringValue.readString(in);
        int n = in.readInt();
        if (n == 0) {
            e.raw = null;
        } else {
            byte[] raw = new byte[n - 1];
            in.readFully(raw);
            e.raw = raw;
        }
        return e;
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        target.write(source, 5 + 8 + 8);
        for (int i = 0; i < 11; i++) {
            StringValue.copyString(source, target);
        }
        int n = source.readInt();
        target.writeInt(n);
        if (n > 0) {
            target.write(source, n - 1);
        }
    }

    @Override
    public TypeSerializerSnapshot<JobEvent> snapshotConfiguration() {
        return new Snapshot();
    }

    private static int code(Enum<?> value) {
        return value == null ? 0 : value.ordinal() + 1;
    }

    private static <E> E decode(E[] values, byte code) throws IOException {
        if (code == 0) {
            return null;
        }
        if (code < 0 || code > values.length) {
            throw new IOException("JobEvent: enum code " + code + " out of range");
        }
        return values[code - 1];
    }

    /** The serializer has no configuration: its snapshot restores the singleton. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<JobEvent> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }

    /** Keeps the singleton a singleton through Java serialization (job graphs). */
    private Object readResolve() {
        return INSTANCE;
    }
}
