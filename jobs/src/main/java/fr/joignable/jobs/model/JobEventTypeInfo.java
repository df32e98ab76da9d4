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
public final class JobEventTypeInfo extends TypeInformation<JobEvent> {

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

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<JobEvent> getTypeClass() {
        return JobEvent.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<JobEvent> createSerializer(SerializerConfig config) {
        return JobEventSerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "JobEvent";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JobEventTypeInfo;
    }

    @Override
    public int hashCode() {
        return JobEventTypeInfo.class.hashCode();
    }

    @Override
    public boolean canEqual(Object o) {
        return o instanceof JobEventTypeInfo;
    }
}
