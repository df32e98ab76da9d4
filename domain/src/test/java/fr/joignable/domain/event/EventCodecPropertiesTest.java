package fr.joignable.domain.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The codec's round trip on random events (jqwik): every valid event, encoded as text or as UTF-8
 * bytes, decodes to itself, whatever its strings hold (quotes, backslashes, control characters,
 * accents, characters outside the BMP) and at any millisecond of the accepted range.
 */
class EventCodecPropertiesTest {

    private final EventCodec codec = EventCodec.instance();

    @Property(tries = 500)
    void everyEventDecodesToItself(@ForAll("events") InteractionEvent event) {
        String text = codec.encode(event);
        assertThat(codec.decode(text)).isEqualTo(Decoded.accepted(event));
        byte[] bytes = codec.encodeBytes(event);
        assertThat(codec.decode(bytes)).isEqualTo(Decoded.accepted(event));
    }

    /** Non-empty free text: ASCII with JSON's special characters, accents, an emoji. */
    private static Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(16),
                Arbitraries.strings()
                        .withChars("aé\"\\/\n\t\u0001\u007f€ßœ ,")
                        .ofMinLength(1)
                        .ofMaxLength(12),
                Arbitraries.of("😀 rdv", "Accueil général", "\u2028x", "a\u0000b"));
    }

    private static Arbitrary<String> optionalText() {
        return text().injectNull(0.3);
    }

    private static Arbitrary<Instant> instants() {
        return Arbitraries.longs()
                .between(EventCodec.MIN_TS.toEpochMilli(), EventCodec.MAX_TS.toEpochMilli() - 1)
                .map(Instant::ofEpochMilli);
    }

    @Provide
    Arbitrary<InteractionEvent> events() {
        Arbitrary<String> t = text();
        Arbitrary<Instant> ts = instants();
        Arbitrary<InteractionEvent> offered =
                Combinators.combine(
                                t,
                                ts,
                                t,
                                Arbitraries.of(Channel.class),
                                t,
                                t,
                                Arbitraries.integers().between(1, 3),
                                optionalText())
                        .as(
                                (id, at, contact, channel, queue, intent, priority, tenant) ->
                                        ContactOffered.of(
                                                id,
                                                at,
                                                contact,
                                                channel,
                                                queue,
                                                intent,
                                                priority,
                                                tenant,
                                                tenant == null ? null : tenant + "-r"));
        Arbitrary<InteractionEvent> answered =
                Combinators.combine(t, ts, t, t).as(ContactAnswered::new);
        Arbitrary<InteractionEvent> abandoned =
                Combinators.combine(t, ts, t).as(ContactAbandoned::new);
        Arbitrary<InteractionEvent> diverted =
                Combinators.combine(t, ts, t, Arbitraries.of(DivertReason.class))
                        .as(ContactDiverted::new);
        Arbitrary<InteractionEvent> ended = Combinators.combine(t, ts, t, t).as(ContactEnded::new);
        Arbitrary<InteractionEvent> wrapup = Combinators.combine(t, ts, t, t).as(WrapupEnded::new);
        Arbitrary<InteractionEvent> handoff =
                Combinators.combine(
                                t, ts, t, t, Arbitraries.of(HandoffTarget.class), optionalText())
                        .as(HandoffCreated::new);
        Arbitrary<InteractionEvent> closed = Combinators.combine(t, ts, t).as(HandoffClosed::new);
        Arbitrary<InteractionEvent> state =
                Combinators.combine(t, ts, t, t, Arbitraries.of(AgentState.class))
                        .as(AgentStateChanged::new);
        return Arbitraries.oneOf(
                offered, answered, abandoned, diverted, ended, wrapup, handoff, closed, state);
    }
}
