package fr.joignable.wallboard;

import fr.joignable.domain.live.LiveView;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A snapshot as the wallboard holds it: the parsed view and the wall-clock time it was produced
 * (the snapshot's {@code emittedAt}, else the time the source got it), from which its age and the
 * page's "stale" marker follow.
 */
public record LiveSnapshot(LiveView view, Instant producedAt) {

    public LiveSnapshot {
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(producedAt, "producedAt");
    }

    /** A snapshot produced at its {@code emittedAt}, or at {@code receivedAt} when it has none. */
    public static LiveSnapshot of(LiveView view, Instant receivedAt) {
        Instant emitted = view.emittedAtInstant();
        return new LiveSnapshot(view, emitted != null ? emitted : receivedAt);
    }

    /** Age at {@code now} in seconds, never negative (clocks of two machines may disagree). */
    public double ageSeconds(Instant now) {
        Duration age = Duration.between(producedAt, now);
        return age.isNegative() ? 0.0 : age.toNanos() / 1e9;
    }
}
