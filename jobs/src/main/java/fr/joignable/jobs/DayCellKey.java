package fr.joignable.jobs;

import fr.joignable.jobs.model.AtomicTypeInfo;
import java.io.IOException;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The key of an interval cell in a bounded run: the cell's UTC day and a 64-bit hash of the cell
 * ({@link SortKeys#hash} of {@code interval|queue|channel} or {@code interval|team}). Its 16 bytes
 * have a fixed length, so batch mode sorts them with a normalized key; the day comes first, so the
 * sorted cells of a subtask come day after day; and its {@link #hashCode} is the day's, so all
 * cells of a day go to one subtask. The aggregates' rows therefore leave each subtask grouped by
 * day, each day from one subtask, which is what the day-file sink needs ({@link
 * BoundedParquetSinks}): no second sort by day.
 */
public final class DayCellKey {

    final long day;
    final long cell;

    /** The days that fit the key's 24 bits (years -20,000 to 24,000). */
    static final long MAX_DAY = (1L << 23) - 1;

    DayCellKey(long day, long cell) {
        if (day > MAX_DAY || day < -MAX_DAY - 1) {
            // out of the key's range: the run is made again with string keys
            throw new SortKeys.Collision("a day beyond the cell key's range");
        }
        this.day = day;
        this.cell = cell;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DayCellKey k && k.day == day && k.cell == cell;
    }

    /** The day alone: the subtask of a cell depends on its day only. */
    @Override
    public int hashCode() {
        return Long.hashCode(day);
    }

    @Override
    public String toString() {
        return day + "/" + Long.toHexString(cell);
    }

    /** Its type: a key of fixed length, served by {@link Serializer}. */
    static final class Type extends AtomicTypeInfo<DayCellKey> {
        private static final long serialVersionUID = 1L;
        static final Type INSTANCE = new Type();

        private Type() {
            super(DayCellKey.class, true);
        }

        @Override
        public TypeSerializer<DayCellKey> createSerializer(SerializerConfig config) {
            return Serializer.INSTANCE;
        }
    }

    /**
     * Day and 40 bits of the hash in one long, then the hash (bounded runs: never in a savepoint).
     */
    static final class Serializer extends TypeSerializerSingleton<DayCellKey> {
        private static final long serialVersionUID = 1L;
        static final Serializer INSTANCE = new Serializer();

        @Override
        public boolean isImmutableType() {
            return true;
        }

        @Override
        public DayCellKey createInstance() {
            return new DayCellKey(0, 0);
        }

        @Override
        public DayCellKey copy(DayCellKey from) {
            return from;
        }

        @Override
        public DayCellKey copy(DayCellKey from, DayCellKey reuse) {
            return from;
        }

        @Override
        public int getLength() {
            return 16;
        }

        @Override
        public void serialize(DayCellKey k, DataOutputView target) throws IOException {
            target.writeLong(k.day << 40 | k.cell >>> 24);
            target.writeLong(k.cell);
        }

        @Override
        public DayCellKey deserialize(DataInputView source) throws IOException {
            long head = source.readLong();
            return new DayCellKey(head >> 40, source.readLong());
        }

        @Override
        public DayCellKey deserialize(DayCellKey reuse, DataInputView source) throws IOException {
            return deserialize(source);
        }

        @Override
        public void copy(DataInputView source, DataOutputView target) throws IOException {
            target.write(source, 16);
        }

        @Override
        public TypeSerializerSnapshot<DayCellKey> snapshotConfiguration() {
            return new Snapshot();
        }

        /** No configuration: the snapshot restores the singleton. */
        public static final class Snapshot extends SimpleTypeSerializerSnapshot<DayCellKey> {
            public Snapshot() {
                super(() -> INSTANCE);
            }
        }

        private Object readResolve() {
            return INSTANCE;
        }
    }
}
