package fr.joignable.jobs.model;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;

/**
 * What the hand-written serializers of the job's mutable records ({@link ContactDelta}, {@link
 * AgentSegment}, {@link DuplicateCandidate}, {@link HandoffInfo}) have in common: a record with
 * public fields, variable length, copied and read into a fresh instance. A subclass gives the
 * instance, the field-by-field {@code copy(from, to)}, {@code serialize}, {@code deserialize(reuse,
 * in)} and the byte copy, and keeps its own {@code Snapshot} class (Flink restores a snapshot by
 * its class name).
 */
abstract class MutableRecordSerializer<T> extends TypeSerializerSingleton<T> {

    private static final long serialVersionUID = 1L;

    @Override
    public final boolean isImmutableType() {
        return false;
    }

    /** A new record with the same fields (strings are immutable: shared). */
    @Override
    public final T copy(T from) {
        return copy(from, createInstance());
    }

    @Override
    public final int getLength() {
        return -1;
    }

    @Override
    public final T deserialize(DataInputView in) throws IOException {
        return deserialize(createInstance(), in);
    }
}
