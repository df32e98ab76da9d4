package fr.joignable.cli.wallboard;

import java.util.Optional;

/**
 * Where the wallboard gets the newest live-view snapshot from: the Kafka topic ({@link
 * KafkaLiveFeed}) or memory ({@link InMemoryLiveSource}, for tests and the demo).
 *
 * <p>{@link #latest()} is called often (every 100 ms per connected page) from several threads: it
 * must be cheap and thread-safe. A new snapshot is recognised by identity, so an implementation
 * returns the same instance until a newer one arrives.
 */
public interface LiveSnapshotSource {

    /** The newest snapshot, empty while none has arrived. */
    Optional<LiveSnapshot> latest();
}
