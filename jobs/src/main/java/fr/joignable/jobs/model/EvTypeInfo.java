package fr.joignable.jobs.model;

import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * The type information of {@link Ev}: an atomic (not POJO, not generic) type served by {@link
 * EvSerializer}. {@code TypeInformation.of(Ev.class)} finds it through the {@code @TypeInfo}
 * annotation on {@link Ev}, also as a field of another POJO ({@link LiveIn}).
 */
public final class EvTypeInfo extends TypeInformation<Ev> {

    private static final long serialVersionUID = 1L;

    public static final EvTypeInfo INSTANCE = new EvTypeInfo();

    /** Named in {@link Ev}'s {@code @TypeInfo}. */
    public static final class Factory extends TypeInfoFactory<Ev> {
        @Override
        public TypeInformation<Ev> createTypeInfo(
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
    public Class<Ev> getTypeClass() {
        return Ev.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<Ev> createSerializer(SerializerConfig config) {
        return EvSerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "Ev";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EvTypeInfo;
    }

    @Override
    public int hashCode() {
        return EvTypeInfo.class.hashCode();
    }

    @Override
    public boolean canEqual(Object o) {
        return o instanceof EvTypeInfo;
    }
}
