package fr.joignable.jobs.io;

import fr.joignable.domain.event.Decoded;
import fr.joignable.domain.event.EventCodec;
import fr.joignable.jobs.model.JobEvent;

/**
 * Decodes raw bytes (a file line or a Kafka value) with {@link EventCodec} into an {@link
 * JobEvent}.
 */
public final class EventDecoder {

    private EventDecoder() {}

    public static JobEvent decode(byte[] bytes, String source, long line) {
        Decoded decoded = EventCodec.instance().decode(bytes);
        if (decoded instanceof Decoded.Accepted a) {
            return JobEvent.of(a.event(), bytes, source, line);
        }
        return JobEvent.rejected(
                ((Decoded.Rejected) decoded).rejection().reason(), bytes, source, line);
    }

    /** True for a line of only spaces, tabs and carriage returns: not an event, skipped. */
    public static boolean isBlank(byte[] buf, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = buf[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
