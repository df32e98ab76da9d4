package fr.joignable.inputs;

import static org.assertj.core.api.Assertions.assertThat;

import fr.joignable.domain.event.AgentState;
import fr.joignable.domain.event.AgentStateChanged;
import fr.joignable.domain.event.Channel;
import fr.joignable.domain.event.ContactAbandoned;
import fr.joignable.domain.event.ContactAnswered;
import fr.joignable.domain.event.ContactDiverted;
import fr.joignable.domain.event.ContactEnded;
import fr.joignable.domain.event.ContactOffered;
import fr.joignable.domain.event.DivertReason;
import fr.joignable.domain.event.EventCodec;
import fr.joignable.domain.event.HandoffClosed;
import fr.joignable.domain.event.InteractionEvent;
import fr.joignable.domain.event.WrapupEnded;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link EventLines} writes exactly what {@link EventCodec#encode} gives (plus a line end), the
 * codec being the reference: every event type a conversion produces, times with and without
 * milliseconds across years and leap days, and strings the fast path must hand back to the codec
 * (quotes, backslashes, control characters, non-ASCII, a lone surrogate, DEL).
 */
class EventLinesTest {

    private static final String[] ODD = {
        "plain",
        "with \"quote\"",
        "back\\slash",
        "tab\there",
        "new\nline",
        "\u0001ctl",
        "éàü",
        "日本",
        "\uD83D\uDE00",
        "lone\uD800",
        "del\u007f",
        "two words",
        "a/b"
    };

    @Test
    void bytesEqualTheCodecs() throws Exception {
        SplittableRandom rnd = new SplittableRandom(15);
        List<InteractionEvent> events = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            long ms =
                    switch (i % 4) {
                        case 0 -> rnd.nextLong(0, 7_258_118_400_000L); // 1970 to 2200
                        case 1 -> rnd.nextLong(0, 7_258_118_400L) * 1000; // whole seconds
                        case 2 -> Instant.parse("2028-02-29T23:59:59.999Z").toEpochMilli();
                        default -> 951_782_400_000L + rnd.nextInt(86_400_000); // 2000-02-29
                    };
            Instant ts = Instant.ofEpochMilli(ms);
            String s = i % 3 == 0 ? ODD[rnd.nextInt(ODD.length)] : "c" + i + "@loyers";
            String a = i % 5 == 0 ? ODD[rnd.nextInt(ODD.length)] : "Agent/" + i;
            String id = i % 7 == 0 ? ODD[rnd.nextInt(ODD.length)] + i : "q" + i + ".o";
            events.add(
                    switch (i % 8) {
                        case 0 ->
                                ContactOffered.of(
                                        id,
                                        ts,
                                        s,
                                        Channel.values()[i % Channel.values().length],
                                        a,
                                        "OTHER",
                                        1 + i % 3,
                                        i % 2 == 0 ? null : s,
                                        i % 4 == 1 ? a : null);
                        case 1 -> ContactAnswered.of(id, ts, s, a);
                        case 2 -> ContactAbandoned.of(id, ts, s);
                        case 3 ->
                                ContactDiverted.of(
                                        id,
                                        ts,
                                        s,
                                        DivertReason.values()[i % DivertReason.values().length]);
                        case 4 -> ContactEnded.of(id, ts, s, a);
                        case 5 -> WrapupEnded.of(id, ts, s, a);
                        case 6 ->
                                AgentStateChanged.of(
                                        id,
                                        ts,
                                        a,
                                        s,
                                        AgentState.values()[i % AgentState.values().length]);
                        default -> HandoffClosed.of(id, ts, s);
                    });
        }
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (InteractionEvent e : events) {
            expected.write(
                    (EventCodec.instance().encode(e) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream actual = new ByteArrayOutputStream();
        EventLines lines = new EventLines(actual);
        for (InteractionEvent e : events) {
            lines.write(e);
        }
        lines.flushBuffer();
        assertThat(actual.toString(StandardCharsets.UTF_8))
                .isEqualTo(expected.toString(StandardCharsets.UTF_8));
        assertThat(actual.toByteArray()).isEqualTo(expected.toByteArray());
    }

    @Test
    void aVeryLongFieldGoesThroughTheCodec() throws Exception {
        String longId = "x".repeat(200_000);
        InteractionEvent e = ContactAbandoned.of("id", Instant.ofEpochSecond(1), longId);
        ByteArrayOutputStream actual = new ByteArrayOutputStream();
        EventLines lines = new EventLines(actual);
        lines.write(e);
        lines.write(e);
        lines.flushBuffer();
        String one = EventCodec.instance().encode(e) + "\n";
        assertThat(actual.toString(StandardCharsets.UTF_8)).isEqualTo(one + one);
    }
}
