package fr.joignable.jobs.model;

import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * The type information of {@link JobEvent}: an atomic (not POJO, not generic) type served by {@link
 * JobEventSerializer}. {@code TypeInformation.of(JobEvent.class)} finds it through the
 * {@code @TypeInfo} annotation on {@link JobEvent}, also as a field of another POJO ({@link
 * LiveInput}).
 */
public final class JobEventTypeInfo extends AtomicTypeInfo<JobEvent> {

    private static final long serialVersionUID = 1L;

    public static final JobEventTypeInfo INSTANCE = new JobEventTypeInfo();

    /** Named in {@link JobEvent}'s {@code @TypeInfo}. */
    public static final class Factory extends TypeInfoFactory<JobEvent> {
        @Override
        public TypeInformation<JobEvent> createTypeInfo(
                Type t, Map<String, TypeInformation<?>> genericParameters) {
            return INSTANCE;
        }
    }

    private JobEventTypeInfo() {
        super(JobEvent.class, false);
    }

    @Override
    public TypeSerializer<JobEvent> createSerializer(SerializerConfig config) {
        return JobEventSerializer.INSTANCE;
    }
}
