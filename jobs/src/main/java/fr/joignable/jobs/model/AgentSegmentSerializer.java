package fr.joignable.jobs.model;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * The serializer of {@link AgentSegment} between operators and in state, written by hand (one per
 * agent state and interval, sent to the agent interval stage): Flink's reflective {@code
 * PojoSerializer} sets each field through {@code Field.set} and writes a null flag before each.
 * Format (version 1), the fields in this order: {@code intervalStart}, {@code team}, {@code state},
 * {@code millis}; longs as zig-zag varints, strings as {@link StringValue#writeString} (null
 * included) ({@link Packer}). Declared on the class by {@code @TypeInfo}, so {@code
 * TypeInformation.of(AgentSegment.class)} and state descriptors of the class find it.
 */
public final class AgentSegmentSerializer extends MutableRecordSerializer<AgentSegment> {

    private static final long serialVersionUID = 1L;

    public static final AgentSegmentSerializer INSTANCE = new AgentSegmentSerializer();

    @Override
    public AgentSegment createInstance() {
        return new AgentSegment();
    }

    @Override
    public AgentSegment copy(AgentSegment from, AgentSegment to) {
        to.intervalStart = from.intervalStart;
        to.team = from.team;
        to.state = from.state;
        to.millis = from.millis;
        return to;
    }

    @Override
    public void serialize(AgentSegment r, DataOutputView out) throws IOException {
        new Packer(68)
                .varLong(r.intervalStart)
                .string(r.team)
                .string(r.state)
                .varLong(r.millis)
                .writeTo(out);
    }

    @Override
    public AgentSegment deserialize(AgentSegment r, DataInputView in) throws IOException {
        r.intervalStart = Packer.readVarLong(in);
        r.team = StringValue.readString(in);
        r.state = StringValue.readString(in);
        r.millis = Packer.readVarLong(in);
        return r;
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        Packer.copyVarLong(source, target);
        StringValue.copyString(source, target);
        StringValue.copyString(source, target);
        Packer.copyVarLong(source, target);
    }

    @Override
    public TypeSerializerSnapshot<AgentSegment> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The serializer has no configuration: its snapshot restores the singleton. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<AgentSegment> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }

    /** Keeps the singleton a singleton through Java serialization (job graphs). */
    private Object readResolve() {
        return INSTANCE;
    }

    /** The type information of {@link AgentSegment}: atomic, served by this serializer. */
    public static final class Info extends AtomicTypeInfo<AgentSegment> {

        private static final long serialVersionUID = 1L;

        public static final Info INSTANCE = new Info();

        private Info() {
            super(AgentSegment.class, false);
        }

        @Override
        public TypeSerializer<AgentSegment> createSerializer(SerializerConfig config) {
            return AgentSegmentSerializer.INSTANCE;
        }
    }

    /** Named in {@link AgentSegment}'s {@code @TypeInfo}. */
    public static final class Factory extends TypeInfoFactory<AgentSegment> {
        @Override
        public TypeInformation<AgentSegment> createTypeInfo(
                Type t, Map<String, TypeInformation<?>> genericParameters) {
            return Info.INSTANCE;
        }
    }
}
