package fr.joignable.domain.event;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** Shared argument checks for the event records. */
final class Events {
    private Events() {}

    static String required(String value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
        return value;
    }

    static Instant millis(Instant ts) {
        Objects.requireNonNull(ts, "ts");
        return ts.truncatedTo(ChronoUnit.MILLIS);
    }

    /** Optional strings: empty is the same as absent. */
    static String optional(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
