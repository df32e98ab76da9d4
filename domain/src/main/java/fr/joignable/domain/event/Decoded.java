package fr.joignable.domain.event;

import java.util.Objects;

/** The outcome of decoding one line: an accepted event or a rejection with its reason. */
public sealed interface Decoded permits Decoded.Accepted, Decoded.Rejected {

    /** The input was a valid event. */
    record Accepted(InteractionEvent event) implements Decoded {
        public Accepted {
            Objects.requireNonNull(event, "event");
        }
    }

    /** The input could not be used. */
    record Rejected(Rejection rejection) implements Decoded {
        public Rejected {
            Objects.requireNonNull(rejection, "rejection");
        }
    }

    static Decoded accepted(InteractionEvent event) {
        return new Accepted(event);
    }

    static Decoded rejected(Rejection.Kind kind, String reason) {
        return new Rejected(Rejection.of(kind, reason));
    }

    default boolean isAccepted() {
        return this instanceof Accepted;
    }
}
