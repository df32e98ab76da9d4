package fr.joignable.sim;

import fr.joignable.domain.event.EventCodec;
import fr.joignable.domain.event.InteractionEvent;
import java.util.Comparator;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Turns events (in {@code ts} order) into JSON lines, applying the delivery faults of {@link
 * SimulatorOptions.Faults}: some events are written later than their time (out of order, by at most
 * {@code maxDelay} of event time), some are written twice (redelivery, same {@code eventId}), and
 * some are followed by an invalid line. With faults off, every event is written once, in order.
 *
 * <p>Deterministic for a seed. Call {@link #finish()} once the last event is in.
 */
public final class DeliveryFaults implements Consumer<InteractionEvent> {

    private static final EventCodec CODEC = EventCodec.instance();

    private final SimulatorOptions.Faults faults;
    private final Consumer<String> lines;
    private final RandomGenerator rng;
    private final long maxDelayMillis;
    private final PriorityQueue<Held> held =
            new PriorityQueue<>(
                    Comparator.<Held>comparingLong(h -> h.deliverAt).thenComparingLong(h -> h.seq));
    private long seq;
    private long written;
    private long delayed;
    private long redelivered;
    private long invalid;

    public DeliveryFaults(SimulatorOptions.Faults faults, long seed, Consumer<String> lines) {
        this.faults = Objects.requireNonNull(faults, "faults");
        this.lines = Objects.requireNonNull(lines, "lines");
        this.rng = new Well19937c(Draws.mix(seed ^ 0x5EEDFA17L));
        this.maxDelayMillis = Math.max(1, faults.maxDelay().toMillis());
    }

    @Override
    public void accept(InteractionEvent event) {
        String line = CODEC.encode(event);
        if (!faults.enabled()) {
            write(line);
            return;
        }
        long now = event.tsMillis();
        release(now);
        if (rng.nextDouble() < faults.outOfOrderShare()) {
            hold(line, now + 1 + (long) (rng.nextDouble() * maxDelayMillis));
            delayed++;
        } else {
            write(line);
        }
        if (rng.nextDouble() < faults.redeliveryShare()) {
            hold(line, now + (long) (rng.nextDouble() * maxDelayMillis));
            redelivered++;
        }
        if (rng.nextDouble() < faults.invalidShare()) {
            write(invalidLine(line, event));
            invalid++;
        }
    }

    /** Writes what is still held back. */
    public void finish() {
        release(Long.MAX_VALUE);
    }

    private void release(long upTo) {
        while (!held.isEmpty() && held.peek().deliverAt <= upTo) {
            write(held.poll().line);
        }
    }

    private void hold(String line, long deliverAt) {
        held.add(new Held(deliverAt, ++seq, line));
    }

    private void write(String line) {
        lines.accept(line);
        written++;
    }

    private String invalidLine(String line, InteractionEvent event) {
        return switch ((int) (invalid % 3)) {
            case 0 -> line.substring(0, line.length() / 2); // truncated JSON
            case 1 ->
                    line.replace(
                            "\"type\":\"" + event.type().name() + "\"",
                            "\"type\":\"CONTACT_TELEPORTED\"");
            default -> line.replace("\"ts\":\"", "\"ts\":\"yesterday-");
        };
    }

    /** Lines written so far, invalid and redelivered ones included. */
    public long linesWritten() {
        return written;
    }

    /** Events written later than their turn. */
    public long delayed() {
        return delayed;
    }

    /** Events written a second time. */
    public long redelivered() {
        return redelivered;
    }

    /** Invalid lines written. */
    public long invalid() {
        return invalid;
    }

    private record Held(long deliverAt, long seq, String line) {}
}
