package fr.joignable.bench.jmh;

import fr.joignable.domain.event.Decoded;
import fr.joignable.domain.event.EventCodec;
import fr.joignable.domain.event.InteractionEvent;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The event codec of {@code docs/events.md}: decoding a valid {@code CONTACT_OFFERED} line (the
 * longest event type), decoding a line rejected for a bad field value, and encoding an event.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class CodecBench {

    /** A complete offer, as the simulator writes it. */
    public static final String VALID =
            "{\"eventId\":\"e-000123456\",\"type\":\"CONTACT_OFFERED\","
                    + "\"ts\":\"2026-03-02T08:31:07.250Z\",\"contactId\":\"c-000042\","
                    + "\"channel\":\"PHONE\",\"queue\":\"LOYERS\",\"intent\":\"RENT_PAYMENT\","
                    + "\"priority\":2,\"tenantId\":\"T-0012345\",\"residenceId\":\"R-0042\"}";

    /** The same offer with an unknown channel: well-formed JSON, rejected on a field. */
    static final String REJECTED = VALID.replace("\"PHONE\"", "\"PIGEON\"");

    private final EventCodec codec = EventCodec.instance();
    private byte[] valid;
    private byte[] rejected;
    private InteractionEvent event;

    @Setup
    public void setUp() {
        valid = VALID.getBytes(StandardCharsets.UTF_8);
        rejected = REJECTED.getBytes(StandardCharsets.UTF_8);
        Decoded d = codec.decode(valid);
        if (!(d instanceof Decoded.Accepted)) {
            throw new IllegalStateException("the valid line is rejected: " + d);
        }
        event = ((Decoded.Accepted) d).event();
        if (!(codec.decode(rejected) instanceof Decoded.Rejected)) {
            throw new IllegalStateException("the rejected line is accepted");
        }
    }

    @Benchmark
    public Decoded decodeValid() {
        return codec.decode(valid);
    }

    @Benchmark
    public Decoded decodeRejected() {
        return codec.decode(rejected);
    }

    @Benchmark
    public String encode() {
        return codec.encode(event);
    }
}
