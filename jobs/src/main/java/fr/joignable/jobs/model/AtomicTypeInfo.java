package fr.joignable.jobs.model;

import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * The type information of a type served by a serializer of its own: atomic (one field, not a POJO,
 * not a tuple, never handed to Kryo). Subclasses name the serializer; two instances are equal when
 * they are of the same class, as Flink's singletons of basic types are.
 */
public abstract class AtomicTypeInfo<T> extends TypeInformation<T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> type;
    private final boolean keyType;

    /**
     * @param keyType whether Flink may key and sort by it (its serializer then needs a comparator
     *     or Flink's byte-wise one)
     */
    protected AtomicTypeInfo(Class<T> type, boolean keyType) {
        this.type = type;
        this.keyType = keyType;
    }

    @Override
    public final boolean isBasicType() {
        return false;
    }

    @Override
    public final boolean isTupleType() {
        return false;
    }

    @Override
    public final int getArity() {
        return 1;
    }

    @Override
    public final int getTotalFields() {
        return 1;
    }

    @Override
    public final Class<T> getTypeClass() {
        return type;
    }

    @Override
    public final boolean isKeyType() {
        return keyType;
    }

    @Override
    public String toString() {
        return type.getSimpleName();
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass();
    }

    @Override
    public final int hashCode() {
        return getClass().hashCode();
    }

    @Override
    public final boolean canEqual(Object o) {
        return o != null && o.getClass() == getClass();
    }
}
