package fr.joignable.domain.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast path against the complete tree-based decode (the second method): on every line, when the
 * fast path accepts, the tree decode accepts the same event; when it declines, the codec's answer
 * is the tree decode's. The usual lines must take the fast path.
 */
class FastDecoderTest {

    private final EventCodec codec = EventCodec.instance();

    private static final String OFFERED =
            "{\"eventId\":\"e1\",\"type\":\"CONTACT_OFFERED\",\"ts\":\"2026-10-05T08:15:03.120Z\","
                    + "\"contactId\":\"c1\",\"channel\":\"PHONE\",\"queue\":\"LOYERS\","
                    + "\"intent\":\"RENT_RECEIPT\",\"priority\":3,\"tenantId\":\"t9\","
                    + "\"residenceId\":\"r1\"}";

    /** One usual line of each event type, as the simulator writes them. */
    private static final List<String> USUAL =
            List.of(
                    OFFERED,
                    "{\"eventId\":\"e2\",\"type\":\"CONTACT_ANSWERED\",\"ts\":\"2026-10-05T08:15:04.000Z\",\"contactId\":\"c1\",\"agentId\":\"A1\"}",
                    "{\"eventId\":\"e3\",\"type\":\"CONTACT_ABANDONED\",\"ts\":\"2026-10-05T08:15:04.5Z\",\"contactId\":\"c1\"}",
                    "{\"eventId\":\"e4\",\"type\":\"CONTACT_DIVERTED\",\"ts\":\"2026-10-05T08:15:04Z\",\"contactId\":\"c1\",\"reason\":\"CLOSED\"}",
                    "{\"eventId\":\"e5\",\"type\":\"CONTACT_ENDED\",\"ts\":\"2024-02-29T23:59:59.999Z\",\"contactId\":\"c1\",\"agentId\":\"A1\"}",
                    "{\"eventId\":\"e6\",\"type\":\"WRAPUP_ENDED\",\"ts\":\"1970-01-01T00:00:00.000Z\",\"contactId\":\"c1\",\"agentId\":\"A1\"}",
                    "{\"eventId\":\"e7\",\"type\":\"HANDOFF_CREATED\",\"ts\":\"2199-12-31T23:59:59.123456789Z\",\"contactId\":\"c1\",\"handoffId\":\"h1\",\"target\":\"TECHNICAL\",\"residenceId\":\"r1\"}",
                    "{\"eventId\":\"e8\",\"type\":\"HANDOFF_CLOSED\",\"ts\":\"2026-10-05T08:15:04.000Z\",\"handoffId\":\"h1\"}",
                    "{\"eventId\":\"e9\",\"type\":\"AGENT_STATE\",\"ts\":\"2026-10-05T08:15:04.000Z\",\"agentId\":\"A1\",\"team\":\"T\",\"state\":\"READY\"}",
                    "{\"type\":\"CONTACT_OFFERED\",\"eventId\":\"e1\",\"ts\":\"2026-10-05T08:15:03.120Z\",\"contactId\":\"c1\",\"channel\":\"CHAT\",\"queue\":\"Q\",\"intent\":\"I\",\"extra\":{\"a\":[1,2,{\"b\":null}]},\"tenantId\":null,\"residenceId\":\"\"}",
                    "{\"eventId\":\"e1\",\"type\":\"CONTACT_OFFERED\",\"ts\":\"2026-10-05T08:15:03.120Z\",\"contactId\":\"c1\",\"channel\":\"EMAIL\",\"queue\":\"Q\",\"intent\":\"I\",\"priority\":null} ");

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void usualLinesTakeTheFastPathAndGiveTheTreeDecodesEvent() {
        for (String line : USUAL) {
            InteractionEvent fast = FastDecoder.decode(EventCodec.factory(), bytes(line));
            assertThat(fast).as(line).isNotNull();
            assertThat(codec.decodeTree(bytes(line))).as(line).isEqualTo(Decoded.accepted(fast));
        }
    }

    /** Variants of the usual lines: odd forms, faults, edge timestamps. */
    private static List<String> variants() {
        List<String> out = new ArrayList<>();
        String[] timestamps = {
            "2025-02-29T10:00:00Z",
            "2024-02-29T10:00:00Z",
            "2026-04-31T10:00:00Z",
            "2026-13-01T10:00:00Z",
            "2026-10-05T24:00:00Z",
            "2026-10-05T23:60:00Z",
            "2026-10-05T23:59:60Z",
            "2026-10-05T08:15Z",
            "2026-10-05T08:15:03.1234567890Z",
            "2026-10-05T08:15:03.Z",
            "2026-10-05T08:15:03,5Z",
            "2026-10-05T08:15:03.120+02:00",
            "2026-10-05T08:15:03.120z",
            "1969-12-31T23:59:59.999Z",
            "2200-01-01T00:00:00Z",
            "+2026-10-05T08:15:03Z",
            "2026-1O-05T08:15:03Z",
            "yesterday-2026-10-05T08:15:03Z",
            "2026-10-05 08:15:03Z",
            ""
        };
        for (String line : USUAL) {
            for (String ts : timestamps) {
                out.add(line.replaceFirst("\"ts\":\"[^\"]*\"", "\"ts\":\"" + ts + "\""));
            }
            out.add(line.replace("\"e", "\"eventId\":\"dup\",\"e"));
            out.add(line + "{}");
            out.add(line + "x");
            out.add(line.substring(0, line.length() - 1));
            out.add(line.replace("\"c1\"", "null"));
            out.add(line.replace("\"c1\"", "\"\""));
            out.add(line.replace("\"c1\"", "7"));
            out.add(line.replace("\"A1\"", "[\"A1\"]"));
            out.add(line.replace("\"PHONE\"", "\"PIGEON\""));
            out.add(line.replace("\"CLOSED\"", "\"closed\""));
            out.add(line.replace("\"TECHNICAL\"", "1"));
            out.add(line.replace("\"READY\"", "\"AWAY\""));
            out.add(line.replace("\"t9\"", "9"));
            out.add(line.replace("\"r1\"", "{}"));
            out.add(line.replace("\"type\":\"", "\"type\":\"X"));
            out.add(line.replace("\"type\"", "\"Type\""));
            out.add(line.replace("\"eventId\"", "\"eventid\""));
            for (String p : new String[] {"0", "4", "2.0", "\"2\"", "99999999999", "-1", "1"}) {
                out.add(line.replace("\"priority\":3", "\"priority\":" + p));
            }
        }
        out.add("[]");
        out.add("\"x\"");
        out.add("");
        out.add("{}");
        return out;
    }

    @Test
    void theCodecAnswersAsTheTreeDecodeOnEveryVariant() {
        int fastTaken = 0;
        for (String line : variants()) {
            byte[] b = bytes(line);
            Decoded tree = codec.decodeTree(b);
            InteractionEvent fast = FastDecoder.decode(EventCodec.factory(), b);
            if (fast != null) {
                fastTaken++;
                assertThat(tree).as(line).isEqualTo(Decoded.accepted(fast));
            }
            assertThat(codec.decode(b)).as(line).isEqualTo(tree);
        }
        assertThat(fastTaken).isPositive();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-10-05T08:15:03.120Z",
                "2024-02-29T00:00:00Z",
                "2000-03-01T12:34:56.7Z",
                "1970-01-01T00:00:00Z",
                "2199-12-31T23:59:59.999999999Z",
                "2100-02-28T01:02:03.04Z"
            })
    void readsTimestampsAsJavaTimeDoes(String ts) {
        assertThat(FastDecoder.timestamp(ts))
                .isEqualTo(
                        java.time.OffsetDateTime.parse(
                                        ts, java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                                .toInstant());
    }
}
