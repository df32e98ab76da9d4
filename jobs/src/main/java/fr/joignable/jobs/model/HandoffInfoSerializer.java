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
 * The serializer of {@link HandoffInfo} between operators and in state, written by hand (one per
 * handoff, sent to the handoff stage and kept in the contact and handoff stages' state): Flink's
 * reflective {@code PojoSerializer} sets each field through {@code Field.set} and writes a null
 * flag before each. Format (version 1), the fields in this order: {@code handoffId}, {@code
 * contactId}, {@code createdAt}, {@code target}, {@code residenceId}, {@code queue}, {@code
 * intent}; longs as zig-zag varints, strings as {@link StringValue#writeString} (null included)
 * ({@link Packer}). Declared on the class by {@code @TypeInfo}, so {@code
 * TypeInformation.of(HandoffInfo.class)} and state descriptors of the class find it.
 */
public final class HandoffInfoSerializer extends MutableRecordSerializer<HandoffInfo> {

    private static final long serialVersionUID = 1L;

    public static final HandoffInfoSerializer INSTANCE = new HandoffInfoSerializer();

    @Override
    public HandoffInfo createInstance() {
        return new HandoffInfo();
    }

    @Override
    public HandoffInfo copy(HandoffInfo from, HandoffInfo to) {
        to.handoffId = from.handoffId;
        to.contactId = from.contactId;
        to.createdAt = from.createdAt;
        to.target = from.target;
        to.residenceId = from.residenceId;
        to.queue = from.queue;
        to.intent = from.intent;
        return to;
    }

    @Override
    public void serialize(HandoffInfo r, DataOutputView out) throws IOException {
        new Packer(154)
                .string(r.handoffId)
                .string(r.contactId)
                .varLong(r.createdAt)
                .string(r.target)
                .string(r.residenceId)
                .string(r.queue)
                .string(r.intent)
                .writeTo(out);
    }

    @Override
    public HandoffInfo deserialize(HandoffInfo r, DataInputView in) throws IOException {
        r.handoffId = StringValue.readString(in);
        r.contactId = StringValue.readString(in);
        r.createdAt = Packer.readVarLong(in);
        r.target = StringValue.readString(in);
        r.residenceId = StringValue.readString(in);
        r.queue = StringValue.readString(in);
        r.intent = StringValue.readString(in);
        return r;
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        StringValue.copyString(source, target);
        StringValue.copyString(source, target);
        Packer.copyVarLong(source, target);
        StringValue.copyString(source, target);
        StringValue.copyString(source, target);
        StringValue.copyString(source, target);
        StringValue.copyString(source, target);
    }

    @Override
    public TypeSerializerSnapshot<HandoffInfo> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The serializer has no configuration: its snapshot restores the singleton. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<HandoffInfo> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }

    /** Keeps the singleton a singleton through Java serialization (job graphs). */
    private Object readResolve() {
        return INSTANCE;
    }

    /** The type information of {@link HandoffInfo}: atomic, served by this serializer. */
    public static final class Info extends AtomicTypeInfo<HandoffInfo> {

        private static final long serialVersionUID = 1L;

        public static final Info INSTANCE = new Info();

        private Info() {
            super(HandoffInfo.class, false);
        }

        @Override
        public TypeSerializer<HandoffInfo> createSerializer(SerializerConfig config) {
            return HandoffInfoSerializer.INSTANCE;
        }
    }

    /** Named in {@link HandoffInfo}'s {@code @TypeInfo}. */
    public static final class Factory extends TypeInfoFactory<HandoffInfo> {
        @Override
        public TypeInformation<HandoffInfo> createTypeInfo(
                Type t, Map<String, TypeInformation<?>> genericParameters) {
            return Info.INSTANCE;
        }
    }
}
