package fr.joignable.sim;

import java.util.PriorityQueue;

/**
 * The clock of the discrete-event simulation: what is to happen, in time order, equal times in the
 * order they were put on the agenda (a sequence number breaks ties, so the run is deterministic).
 *
 * <p>The simulation plays one local day at a time ({@link #startDay}). A repeat planned for a later
 * day ({@link #arrivalAt}) waits aside until its day starts, so a day's agenda holds that day's
 * work only; whatever else is put on the agenda (the end of a call past midnight) is played the
 * same day.
 */
final class Agenda {

    /** An entry: {@code what} happens at {@code at} (epoch ms); {@code seq} breaks ties. */
    record Entry(long at, long seq, Happening what) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry other) {
            int c = Long.compare(at, other.at);
            return c != 0 ? c : Long.compare(seq, other.seq);
        }
    }

    private final PriorityQueue<Entry> today = new PriorityQueue<>(4096);
    private final PriorityQueue<Entry> laterDays = new PriorityQueue<>();
    private long seq;
    private long dayEnd = Long.MIN_VALUE;

    /** Starts the day ending at {@code end} (exclusive): its repeats planned earlier come in. */
    void startDay(long end) {
        dayEnd = end;
        while (!laterDays.isEmpty() && laterDays.peek().at() < end) {
            today.add(laterDays.poll());
        }
    }

    /** {@code what} happens at {@code at}, played with the current day. */
    void at(long at, Happening what) {
        today.add(new Entry(at, ++seq, what));
    }

    /** A contact arrives at {@code arrival.at()}: today, or aside until its day starts. */
    void arrivalAt(Arrival arrival) {
        Entry e = new Entry(arrival.at().toEpochMilli(), ++seq, arrival);
        if (e.at() < dayEnd) {
            today.add(e);
        } else {
            laterDays.add(e);
        }
    }

    boolean isEmpty() {
        return today.isEmpty();
    }

    /** The next entry of the day, removed. */
    Entry next() {
        return today.poll();
    }
}
