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
 * The serializer of {@link ContactDelta} between operators and in state, written by hand (the
 * hottest record: every contact sends one or two per change to the interval stage, and the interval
 * stage keeps its sums in state): Flink's reflective {@code PojoSerializer} sets each field through
 * {@code Field.set} and writes a null flag before each. Format (version 1), the fields in this
 * order: {@code intervalStart}, {@code queue}, {@code channel}, {@code intent}, {@code offered},
 * {@code answered}, {@code shortAbandoned}, {@code abandoned}, {@code answeredInSl}, {@code
 * waitSumMs}, {@code handled}, {@code handleSumMs}, {@code identified}, {@code duplicates}, {@code
 * duplicatesAfterAbandon}, {@code diverted}, {@code closed}, {@code contactId}; longs as zig-zag
 * varints, strings as {@link StringValue#writeString} (null included) ({@link Packer}). Declared on
 * the class by {@code @TypeInfo}, so {@code TypeInformation.of(ContactDelta.class)} and state
 * descriptors of the class find it.
 */
public final class ContactDeltaSerializer extends MutableRecordSerializer<ContactDelta> {

    private static final long serialVersionUID = 1L;

    public static final ContactDeltaSerializer INSTANCE = new ContactDeltaSerializer();

    @Override
    public ContactDelta createInstance() {
        return new ContactDelta();
    }

    @Override
    public ContactDelta copy(ContactDelta from, ContactDelta to) {
        to.intervalStart = from.intervalStart;
        to.queue = from.queue;
        to.channel = from.channel;
        to.intent = from.intent;
        to.offered = from.offered;
        to.answered = from.answered;
        to.shortAbandoned = from.shortAbandoned;
        to.abandoned = from.abandoned;
        to.answeredInSl = from.answeredInSl;
        to.waitSumMs = from.waitSumMs;
        to.handled = from.handled;
        to.handleSumMs = from.handleSumMs;
        to.identified = from.identified;
        to.duplicates = from.duplicates;
        to.duplicatesAfterAbandon = from.duplicatesAfterAbandon;
        to.diverted = from.diverted;
        to.closed = from.closed;
        to.contactId = from.contactId;
        return to;
    }

    @Override
    public void serialize(ContactDelta r, DataOutputView out) throws IOException {
        new Packer(236)
                .varLong(r.intervalStart)
                .string(r.queue)
                .string(r.channel)
                .string(r.intent)
                .varLong(r.offered)
                .varLong(r.answered)
                .varLong(r.shortAbandoned)
                .varLong(r.abandoned)
                .varLong(r.answeredInSl)
                .varLong(r.waitSumMs)
                .varLong(r.handled)
                .varLong(r.handleSumMs)
                .varLong(r.identified)
                .varLong(r.duplicates)
                .varLong(r.duplicatesAfterAbandon)
                .varLong(r.diverted)
                .varLong(r.closed)
                .string(r.contactId)
                .writeTo(out);
    }

    @Override
    public ContactDelta deserialize(ContactDelta r, DataInputView in) throws IOException {
        r.intervalStart = Packer.readVarLong(in);
        r.queue = StringValue.readString(in);
        r.channel = StringValue.readString(in);
        r.intent = StringValue.readString(in);
        r.offered = Packer.readVarLong(in);
        r.answered = Packer.readVarLong(in);
        r.shortAbandoned = Packer.readVarLong(in);
        r.abandoned = Packer.readVarLong(in);
        r.answeredInSl = Packer.readVarLong(in);
        r.waitSumMs = Packer.readVarLong(in);
        r.handled = Packer.readVarLong(in);
        r.handleSumMs = Packer.readVarLong(in);
        r.identified = Packer.readVarLong(in);
        r.duplicates = Packer.readVarLong(in);
        r.duplicatesAfterAbandon = Packer.readVarLong(in);
        r.diverted = Packer.readVarLong(in);
        r.closed = Packer.readVarLong(in);
        r.contactId = StringValue.readString(in);
        return r;
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        Packer.copyVarLong(source, target);
        StringValue.copyString(source, target);
        StringValue.copyString(source, target);
        StringValue.copyString(source, target);
        Packer.copyVarLong(source, target);
        Packer.copyVarLong(source, target);
        Packer.copyVarLong(source, target);
        Packer.copyVarLong(source, target);
        Packer.copyVarLong(source, target);
        Packer.copyVarLong(source, target);
        Packer.copyVarLong(source, target);
        Packer.copyVarLong(source, target);
        Packer.copyVarLong(source, target);
        Packer.copyVarLong(source, target);
        Packer.copyVarLong(source, target);
        Packer.copyVarLong(source, target);
        Packer.copyVarLong(source, target);
        StringValue.copyString(source, target);
    }

    @Override
    public TypeSerializerSnapshot<ContactDelta> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The serializer has no configuration: its snapshot restores the singleton. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<ContactDelta> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }

    /** Keeps the singleton a singleton through Java serialization (job graphs). */
    private Object readResolve() {
        return INSTANCE;
    }

    /** The type information of {@link ContactDelta}: atomic, served by this serializer. */
    public static final class Info extends AtomicTypeInfo<ContactDelta> {

        private static final long serialVersionUID = 1L;

        public static final Info INSTANCE = new Info();

        private Info() {
            super(ContactDelta.class, false);
        }

        @Override
        public TypeSerializer<ContactDelta> createSerializer(SerializerConfig config) {
            return ContactDeltaSerializer.INSTANCE;
        }
    }

    /** Named in {@link ContactDelta}'s {@code @TypeInfo}. */
    public static final class Factory extends TypeInfoFactory<ContactDelta> {
        @Override
        public TypeInformation<ContactDelta> createTypeInfo(
                Type t, Map<String, TypeInformation<?>> genericParameters) {
            return Info.INSTANCE;
        }
    }
}
