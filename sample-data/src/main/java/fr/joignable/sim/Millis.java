package fr.joignable.sim;

/**
 * Lengths of time in milliseconds, the simulator's clock unit: the event loop runs on epoch
 * milliseconds (longs) rather than {@code Instant}s, millions of times a simulated year.
 */
final class Millis {

    static final long SECOND = 1_000L;
    static final long MINUTE = 60 * SECOND;
    static final long HOUR = 60 * MINUTE;
    static final long DAY = 24 * HOUR;

    private Millis() {}
}
