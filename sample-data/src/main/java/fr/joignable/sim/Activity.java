package fr.joignable.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Something an agent does in his shift besides contacts: a break or a training session (NOT_READY),
 * a lunch (logged out) or the logout that ends the shift. It starts at {@code due} if the agent is
 * idle then, otherwise as soon as he finishes the contact in hand (a due activity waits for the
 * current contact, never interrupts it), and lasts {@code length} from when it starts.
 *
 * @param kind what it is
 * @param due when it is due
 * @param length how long it lasts (zero for a logout)
 */
record Activity(Kind kind, Instant due, Duration length) {

    enum Kind {
        BREAK,
        LUNCH,
        TRAINING,
        LOGOUT
    }

    Activity {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(length, "length");
    }

    static Activity logout(Instant at) {
        return new Activity(Kind.LOGOUT, at, Duration.ZERO);
    }
}
