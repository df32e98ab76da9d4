package fr.joignable.wallboard;

/**
 * The newest snapshot of a {@link LiveSnapshotSource}, with a wait for the next one: a page's push
 * loop wakes as soon as a snapshot arrives instead of polling.
 */
final class SnapshotCell {

    private final Object lock = new Object();
    private volatile LiveSnapshot value;

    LiveSnapshot get() {
        return value;
    }

    void set(LiveSnapshot snapshot) {
        synchronized (lock) {
            value = snapshot;
            lock.notifyAll();
        }
    }

    /** The current snapshot once it is not {@code seen}, or after {@code timeoutMillis}. */
    LiveSnapshot awaitOther(LiveSnapshot seen, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        synchronized (lock) {
            while (value == seen) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    break;
                }
                lock.wait(left);
            }
            return value;
        }
    }
}
