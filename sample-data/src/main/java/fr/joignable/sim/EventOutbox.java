package fr.joignable.sim;

import fr.joignable.domain.event.InteractionEvent;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * The events the simulation has produced but not delivered yet, in {@code ts} order (equal times in
 * the order they were emitted). The event loop emits an event when it happens, and sometimes ahead
 * of its time (a handoff's closing, days later); a day's events are delivered once the day has been
 * played, so that what is delivered is in time order across days.
 */
final class EventOutbox {

    private record Stamped(long ts, long seq, InteractionEvent event)
            implements Comparable<Stamped> {
        @Override
        public int compareTo(Stamped other) {
            int c = Long.compare(ts, other.ts);
            return c != 0 ? c : Long.compare(seq, other.seq);
        }
    }

    private final PriorityQueue<Stamped> pending = new PriorityQueue<>(4096);
    private long seq;

    void emit(InteractionEvent e) {
        pending.add(new Stamped(e.tsMillis(), ++seq, e));
    }

    /** Hands every event before {@code end} (epoch ms, exclusive) to {@code sink}, in order. */
    void deliverBefore(long end, Consumer<InteractionEvent> sink) {
        while (!pending.isEmpty() && pending.peek().ts() < end) {
            sink.accept(pending.poll().event());
        }
    }
}
