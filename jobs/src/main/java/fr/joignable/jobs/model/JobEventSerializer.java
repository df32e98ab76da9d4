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

    @Override
    public void serialize(JobEvent e, DataOutputView out) throws IOException {
        out.writeByte(code(e.type));
        out.writeByte(code(e.channel));
        out.writeByte(code(e.target));
        out.writeByte(code(e.state));
        out.writeByte(code(e.divertReason));
        out.writeLong(e.ts);
        out.writeLong(e.line);
        StringValue.writeString(e.eventId, out);
        StringValue.writeString(e.contactId, out);
        StringValue.writeString(e.agentId, out);
        StringValue.writeString(e.queue, out);
        StringValue.writeString(e.intent, out);
        StringValue.writeString(e.tenantId, out);
        StringValue.writeString(e.residenceId, out);
        StringValue.writeString(e.handoffId, out);
        StringValue.writeString(e.team, out);
        StringValue.writeString(e.source, out);
        StringValue.writeString(e.reason, out);
        if (e.raw == null) {
            out.writeInt(0);
        } else {
            out.writeInt(e.raw.length + 1);
            out.write(e.raw);
        }
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
