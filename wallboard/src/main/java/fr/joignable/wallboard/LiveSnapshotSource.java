package fr.joignable.wallboard;

import java.util.Optional;

/**
 * Where the wallboard gets the newest live-view snapshot from: the Kafka topic ({@link
 * KafkaLiveFeed}) or memory ({@link InMemoryLiveSource}, for tests and the demo).
 *
 * <p>{@link #latest()} is called often (on each snapshot and at least once a second per connected
 * page) from several threads: it must be cheap and thread-safe. A new snapshot is recognised by
 * identity, so an implementation returns the same instance until a newer one arrives.
 */
public interface LiveSnapshotSource {

    /** The newest snapshot, empty while none has arrived. */
    Optional<LiveSnapshot> latest();

    /**
     * Waits until the newest snapshot is not {@code seen} (by identity) or {@code timeoutMillis}
     * pass, and returns the newest one. This default polls every 10 ms; the sources of this package
     * wake the caller as soon as a snapshot arrives.
     */
    default Optional<LiveSnapshot> awaitOther(LiveSnapshot seen, long timeoutMillis)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        Optional<LiveSnapshot> now = latest();
        while (now.orElse(null) == seen && System.nanoTime() < deadline) {
            Thread.sleep(10);
            now = latest();
        }
        return now;
    }
}
