package fr.joignable.wallboard;

import fr.joignable.domain.live.LiveView;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/** A {@link LiveSnapshotSource} fed by the caller: for tests and for {@code joignable demo}. */
public final class InMemoryLiveSource implements LiveSnapshotSource {

    private final SnapshotCell latest = new SnapshotCell();
    private final Clock clock;

    public InMemoryLiveSource() {
        this(Clock.systemUTC());
    }

    public InMemoryLiveSource(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Publishes a view, produced at its {@code emittedAt} or else now. */
    public void publish(LiveView view) {
        publish(LiveSnapshot.of(view, clock.instant()));
    }

    public void publish(LiveSnapshot snapshot) {
        latest.set(Objects.requireNonNull(snapshot, "snapshot"));
    }

    @Override
    public Optional<LiveSnapshot> latest() {
        return Optional.ofNullable(latest.get());
    }

    @Override
    public Optional<LiveSnapshot> awaitOther(LiveSnapshot seen, long timeoutMillis)
            throws InterruptedException {
        return Optional.ofNullable(latest.awaitOther(seen, timeoutMillis));
    }
}
