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
 * The serializer of {@link DuplicateCandidate} between operators and in state, written by hand (one
 * per identified contact, sent to the duplicate stage): Flink's reflective {@code PojoSerializer}
 * sets each field through {@code Field.set} and writes a null flag before each. Format (version 1),
 * the fields in this order: {@code dupKey}, {@code contactId}, {@code offerTs}, {@code queue},
 * {@code channel}, {@code intent}, {@code abandoned}; longs as zig-zag varints, strings as {@link
 * StringValue#writeString} (null included) ({@link Packer}). Declared on the class by
 * {@code @TypeInfo}, so {@code TypeInformation.of(DuplicateCandidate.class)} and state descriptors
 * of the class find it.
 */
public final class DuplicateCandidateSerializer
        extends MutableRecordSerializer<DuplicateCandidate> {

    private static final long serialVersionUID = 1L;

    public static final DuplicateCandidateSerializer INSTANCE = new DuplicateCandidateSerializer();

    @Override
    public DuplicateCandidate createInstance() {
        return new DuplicateCandidate();
    }

    @Override
    public DuplicateCandidate copy(DuplicateCandidate from, DuplicateCandidate to) {
        to.dupKey = from.dupKey;
        to.contactId = from.contactId;
        to.offerTs = from.offerTs;
        to.queue = from.queue;
        to.channel = from.channel;
        to.intent = from.intent;
        to.abandoned = from.abandoned;
        return to;
    }

    @Override
    public void serialize(DuplicateCandidate r, DataOutputView out) throws IOException {
        new Packer(131)
                .string(r.dupKey)
                .string(r.contactId)
                .varLong(r.offerTs)
                .string(r.queue)
                .string(r.channel)
                .string(r.intent)
                .bool(r.abandoned)
                .writeTo(out);
    }

    @Override
    public DuplicateCandidate deserialize(DuplicateCandidate r, DataInputView in)
            throws IOException {
        r.dupKey = StringValue.readString(in);
        r.contactId = StringValue.readString(in);
        r.offerTs = Packer.readVarLong(in);
        r.queue = StringValue.readString(in);
        r.channel = StringValue.readString(in);
        r.intent = StringValue.readString(in);
        r.abandoned = Packer.readBool(in);
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
        target.writeByte(source.readByte());
    }

    @Override
    public TypeSerializerSnapshot<DuplicateCandidate> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The serializer has no configuration: its snapshot restores the singleton. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<DuplicateCandidate> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }

    /** Keeps the singleton a singleton through Java serialization (job graphs). */
    private Object readResolve() {
        return INSTANCE;
    }

    /** The type information of {@link DuplicateCandidate}: atomic, served by this serializer. */
    public static final class Info extends AtomicTypeInfo<DuplicateCandidate> {

        private static final long serialVersionUID = 1L;

        public static final Info INSTANCE = new Info();

        private Info() {
            super(DuplicateCandidate.class, false);
        }

        @Override
        public TypeSerializer<DuplicateCandidate> createSerializer(SerializerConfig config) {
            return DuplicateCandidateSerializer.INSTANCE;
        }
    }

    /** Named in {@link DuplicateCandidate}'s {@code @TypeInfo}. */
    public static final class Factory extends TypeInfoFactory<DuplicateCandidate> {
        @Override
        public TypeInformation<DuplicateCandidate> createTypeInfo(
                Type t, Map<String, TypeInformation<?>> genericParameters) {
            return Info.INSTANCE;
        }
    }
}
