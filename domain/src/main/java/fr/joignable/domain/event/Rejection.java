package fr.joignable.domain.event;

import java.util.Objects;

/**
 * Why an input line or Kafka value could not be used as an event.
 *
 * @param kind the family of the fault, for counting
 * @param reason one human-readable sentence naming the field or value at fault
 */
public record Rejection(Kind kind, String reason) {

    /** Families of faults, in the order the codec checks them. */
    public enum Kind {
        NOT_JSON,
        NOT_AN_OBJECT,
        MISSING_FIELD,
        WRONG_TYPE,
        UNKNOWN_VALUE,
        BAD_TIMESTAMP,
        OUT_OF_RANGE
    }

    public Rejection {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
    }

    public static Rejection of(Kind kind, String reason) {
        return new Rejection(kind, reason);
    }
}
