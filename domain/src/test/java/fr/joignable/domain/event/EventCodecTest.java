package fr.joignable.domain.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventCodecTest {

    private final EventCodec codec = EventCodec.instance();

    private InteractionEvent accept(String json) {
        Decoded decoded = codec.decode(json);
        assertThat(decoded).as(json).isInstanceOf(Decoded.Accepted.class);
        return ((Decoded.Accepted) decoded).event();
    }

    private Rejection reject(String json) {
        Decoded decoded = codec.decode(json);
        assertThat(decoded).as(json).isInstanceOf(Decoded.Rejected.class);
        return ((Decoded.Rejected) decoded).rejection();
    }

    private static final String OFFERED =
            "{\"eventId\":\"e1\",\"type\":\"CONTACT_OFFERED\",\"ts\":\"2026-10-05T08:15:03.120Z\","
                    + "\"contactId\":\"c1\",\"channel\":\"PHONE\",\"queue\":\"LOYERS\","
                    + "\"intent\":\"RENT_RECEIPT\",\"priority\":3,\"tenantId\":\"t9\","
                    + "\"residenceId\":\"r1\"}";

    @Test
    void acceptsAFullOffer() {
        ContactOffered e = (ContactOffered) accept(OFFERED);
        assertThat(e.eventId()).isEqualTo("e1");
        assertThat(e.ts()).isEqualTo(Instant.parse("2026-10-05T08:15:03.120Z"));
        assertThat(e.channel()).isEqualTo(Channel.PHONE);
        assertThat(e.queue()).isEqualTo("LOYERS");
        assertThat(e.intent()).isEqualTo("RENT_RECEIPT");
        assertThat(e.priority()).isEqualTo(3);
        assertThat(e.tenantId()).isEqualTo("t9");
        assertThat(e.residenceId()).isEqualTo("r1");
        assertThat(e.key()).isEqualTo("c1");
    }

    @Test
    void optionalFieldsDefault() {
        ContactOffered e =
                (ContactOffered)
                        accept(
                                "{\"eventId\":\"e1\",\"type\":\"CONTACT_OFFERED\",\"ts\":\"2026-10-05T08:15:03Z\","
                                        + "\"contactId\":\"c1\",\"channel\":\"EMAIL\",\"queue\":\"Q\","
                                        + "\"intent\":\"NEW_CODE\",\"tenantId\":null}");
        assertThat(e.priority()).isEqualTo(2);
        assertThat(e.tenantId()).isNull();
        assertThat(e.identified()).isFalse();
        assertThat(e.residenceId()).isNull();
        assertThat(e.intent()).isEqualTo("NEW_CODE");
    }

    @ParameterizedTest
    @CsvSource({
        "2026-10-05T08:15:03.120Z, 2026-10-05T08:15:03.120Z",
        "2026-10-05T10:15:03+02:00, 2026-10-05T08:15:03Z",
        "2026-10-05T10:15:03.5+02:00, 2026-10-05T08:15:03.500Z",
        "2026-10-05T03:15:03.120-05:00, 2026-10-05T08:15:03.120Z",
        "2026-10-05T08:15:03Z, 2026-10-05T08:15:03Z",
        "1970-01-01T00:00:00Z, 1970-01-01T00:00:00Z",
        "2199-12-31T23:59:59.999Z, 2199-12-31T23:59:59.999Z"
    })
    void acceptsTimestampsWithZOrOffset(String ts, String expected) {
        InteractionEvent e =
                accept(
                        "{\"eventId\":\"e\",\"type\":\"CONTACT_ABANDONED\",\"ts\":\""
                                + ts
                                + "\",\"contactId\":\"c\"}");
        assertThat(e.ts()).isEqualTo(Instant.parse(expected));
    }

    @Test
    void acceptsEveryTypeAndRoundTrips() {
        String[] lines = {
            OFFERED,
            "{\"eventId\":\"e2\",\"type\":\"CONTACT_ANSWERED\",\"ts\":\"2026-10-05T08:15:13Z\",\"contactId\":\"c1\",\"agentId\":\"a1\"}",
            "{\"eventId\":\"e3\",\"type\":\"CONTACT_ABANDONED\",\"ts\":\"2026-10-05T08:15:13Z\",\"contactId\":\"c1\"}",
            "{\"eventId\":\"e9\",\"type\":\"CONTACT_DIVERTED\",\"ts\":\"2026-10-05T08:15:13Z\",\"contactId\":\"c1\",\"reason\":\"TIMEOUT\"}",
            "{\"eventId\":\"e4\",\"type\":\"CONTACT_ENDED\",\"ts\":\"2026-10-05T08:19:13Z\",\"contactId\":\"c1\",\"agentId\":\"a1\"}",
            "{\"eventId\":\"e5\",\"type\":\"WRAPUP_ENDED\",\"ts\":\"2026-10-05T08:20:13Z\",\"contactId\":\"c1\",\"agentId\":\"a1\"}",
            "{\"eventId\":\"e6\",\"type\":\"HANDOFF_CREATED\",\"ts\":\"2026-10-05T08:20:13Z\",\"contactId\":\"c1\",\"handoffId\":\"h1\",\"target\":\"GARDIEN\",\"residenceId\":\"r1\"}",
            "{\"eventId\":\"e7\",\"type\":\"HANDOFF_CLOSED\",\"ts\":\"2026-10-06T08:20:13Z\",\"handoffId\":\"h1\"}",
            "{\"eventId\":\"e8\",\"type\":\"AGENT_STATE\",\"ts\":\"2026-10-05T08:00:00Z\",\"agentId\":\"a1\",\"team\":\"T1\",\"state\":\"READY\"}"
        };
        for (String line : lines) {
            InteractionEvent e = accept(line);
            String encoded = codec.encode(e);
            assertThat(accept(encoded)).isEqualTo(e);
            assertThat(codec.decode(codec.encodeBytes(e))).isEqualTo(Decoded.accepted(e));
        }
    }

    @Test
    void ignoresUnknownFields() {
        InteractionEvent e =
                accept(
                        "{\"eventId\":\"e\",\"type\":\"CONTACT_ABANDONED\",\"ts\":\"2026-10-05T08:15:03Z\","
                                + "\"contactId\":\"c\",\"extra\":{\"deep\":[1,2]},\"Channel\":\"FAX\"}");
        assertThat(e).isInstanceOf(ContactAbandoned.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "{\"eventId\":", "{} {}", "{\"a\":1}}"})
    void rejectsWhatIsNotJson(String line) {
        assertThat(reject(line).kind()).isEqualTo(Rejection.Kind.NOT_JSON);
    }

    @Test
    void rejectsInvalidUtf8() {
        byte[] prefix = "{\"eventId\":\"e".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(prefix, prefix.length + 3);
        bytes[prefix.length] = (byte) 0xff;
        bytes[prefix.length + 1] = '"';
        bytes[prefix.length + 2] = '}';
        Decoded decoded = codec.decode(bytes);
        assertThat(decoded).isInstanceOf(Decoded.Rejected.class);
        assertThat(((Decoded.Rejected) decoded).rejection().kind())
                .isEqualTo(Rejection.Kind.NOT_JSON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1,2]", "42", "\"text\"", "null", "true"})
    void rejectsWhatIsNotAnObject(String line) {
        Rejection r = reject(line);
        assertThat(r.kind()).isEqualTo(Rejection.Kind.NOT_AN_OBJECT);
        assertThat(r.reason()).startsWith("not an object");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"type\":\"CONTACT_ABANDONED\",\"ts\":\"2026-10-05T08:15:03Z\",\"contactId\":\"c\"}|eventId",
                "{\"eventId\":\"e\",\"ts\":\"2026-10-05T08:15:03Z\",\"contactId\":\"c\"}|type",
                "{\"eventId\":\"e\",\"type\":\"CONTACT_ABANDONED\",\"contactId\":\"c\"}|ts",
                "{\"eventId\":\"e\",\"type\":\"CONTACT_ABANDONED\",\"ts\":\"2026-10-05T08:15:03Z\"}|contactId",
                "{\"eventId\":\"e\",\"type\":\"CONTACT_ANSWERED\",\"ts\":\"2026-10-05T08:15:03Z\",\"contactId\":\"c\"}|agentId",
                "{\"eventId\":\"e\",\"type\":\"CONTACT_OFFERED\",\"ts\":\"2026-10-05T08:15:03Z\",\"contactId\":\"c\",\"channel\":\"PHONE\",\"intent\":\"X\"}|queue",
                "{\"eventId\":\"e\",\"type\":\"CONTACT_OFFERED\",\"ts\":\"2026-10-05T08:15:03Z\",\"contactId\":\"c\",\"channel\":\"PHONE\",\"queue\":\"Q\"}|intent",
                "{\"eventId\":\"e\",\"type\":\"CONTACT_OFFERED\",\"ts\":\"2026-10-05T08:15:03Z\",\"contactId\":\"c\",\"queue\":\"Q\",\"intent\":\"X\"}|channel",
                "{\"eventId\":\"e\",\"type\":\"HANDOFF_CREATED\",\"ts\":\"2026-10-05T08:15:03Z\",\"contactId\":\"c\",\"target\":\"GARDIEN\"}|handoffId",
                "{\"eventId\":\"e\",\"type\":\"HANDOFF_CREATED\",\"ts\":\"2026-10-05T08:15:03Z\",\"contactId\":\"c\",\"handoffId\":\"h\"}|target",
                "{\"eventId\":\"e\",\"type\":\"AGENT_STATE\",\"ts\":\"2026-10-05T08:15:03Z\",\"agentId\":\"a\",\"state\":\"READY\"}|team",
                "{\"eventId\":\"e\",\"type\":\"AGENT_STATE\",\"ts\":\"2026-10-05T08:15:03Z\",\"agentId\":\"a\",\"team\":\"T\"}|state",
                "{\"eventId\":\"e\",\"type\":\"CONTACT_DIVERTED\",\"ts\":\"2026-10-05T08:15:03Z\",\"contactId\":\"c\"}|reason",
                "{\"eventId\":null,\"type\":\"CONTACT_ABANDONED\",\"ts\":\"2026-10-05T08:15:03Z\",\"contactId\":\"c\"}|eventId",
                "{\"eventId\":\"e\",\"type\":\"CONTACT_ABANDONED\",\"ts\":\"2026-10-05T08:15:03Z\",\"contactId\":\"\"}|contactId"
            })
    void rejectsAMissingRequiredField(String line, String field) {
        Rejection r = reject(line);
        assertThat(r.kind()).isEqualTo(Rejection.Kind.MISSING_FIELD);
        assertThat(r.reason()).contains("'" + field + "'");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"eventId\":7,\"type\":\"CONTACT_ABANDONED\",\"ts\":\"2026-10-05T08:15:03Z\",\"contactId\":\"c\"}|eventId",
                "{\"eventId\":\"e\",\"type\":\"CONTACT_ABANDONED\",\"ts\":1759652103000,\"contactId\":\"c\"}|ts",
                "{\"eventId\":\"e\",\"type\":\"CONTACT_ABANDONED\",\"ts\":\"2026-10-05T08:15:03Z\",\"contactId\":{\"id\":1}}|contactId",
                "{\"eventId\":\"e\",\"type\":[\"CONTACT_ABANDONED\"],\"ts\":\"2026-10-05T08:15:03Z\",\"contactId\":\"c\"}|type",
                "{\"eventId\":\"e\",\"type\":\"CONTACT_OFFERED\",\"ts\":\"2026-10-05T08:15:03Z\",\"contactId\":\"c\",\"channel\":\"PHONE\",\"queue\":\"Q\",\"intent\":\"X\",\"tenantId\":42}|tenantId",
                "{\"eventId\":\"e\",\"type\":\"CONTACT_OFFERED\",\"ts\":\"2026-10-05T08:15:03Z\",\"contactId\":\"c\",\"channel\":\"PHONE\",\"queue\":\"Q\",\"intent\":\"X\",\"priority\":\"1\"}|priority",
                "{\"eventId\":\"e\",\"type\":\"CONTACT_OFFERED\",\"ts\":\"2026-10-05T08:15:03Z\",\"contactId\":\"c\",\"channel\":\"PHONE\",\"queue\":true,\"intent\":\"X\"}|queue"
            })
    void rejectsAFieldOfTheWrongType(String line, String field) {
        Rejection r = reject(line);
        assertThat(r.kind()).isEqualTo(Rejection.Kind.WRONG_TYPE);
        assertThat(r.reason()).contains("'" + field + "'");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"eventId\":\"e\",\"type\":\"CONTACT_TELEPORTED\",\"ts\":\"2026-10-05T08:15:03Z\"}|unknown type 'CONTACT_TELEPORTED'",
                "{\"eventId\":\"e\",\"type\":\"contact_offered\",\"ts\":\"2026-10-05T08:15:03Z\"}|unknown type 'contact_offered'",
                "{\"eventId\":\"e\",\"type\":\"CONTACT_OFFERED\",\"ts\":\"2026-10-05T08:15:03Z\",\"contactId\":\"c\",\"channel\":\"FAX\",\"queue\":\"Q\",\"intent\":\"X\"}|unknown channel 'FAX'",
                "{\"eventId\":\"e\",\"type\":\"AGENT_STATE\",\"ts\":\"2026-10-05T08:15:03Z\",\"agentId\":\"a\",\"team\":\"T\",\"state\":\"LUNCH\"}|unknown state 'LUNCH'",
                "{\"eventId\":\"e\",\"type\":\"HANDOFF_CREATED\",\"ts\":\"2026-10-05T08:15:03Z\",\"contactId\":\"c\",\"handoffId\":\"h\",\"target\":\"POLICE\"}|unknown target 'POLICE'",
                "{\"eventId\":\"e\",\"type\":\"CONTACT_DIVERTED\",\"ts\":\"2026-10-05T08:15:03Z\",\"contactId\":\"c\",\"reason\":\"VOICEMAIL\"}|unknown reason 'VOICEMAIL'"
            })
    void rejectsAnUnknownEnumValue(String line, String reason) {
        Rejection r = reject(line);
        assertThat(r.kind()).isEqualTo(Rejection.Kind.UNKNOWN_VALUE);
        assertThat(r.reason()).isEqualTo(reason);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "yesterday",
                "2026-10-05 08:15:03Z",
                "2026-10-05T08:15:03",
                "2026-13-05T08:15:03Z",
                "2026-10-05T08:15:03+25:00",
                "1969-12-31T23:59:59.999Z",
                "2200-01-01T00:00:00Z",
                "+999999999-12-31T23:59:59Z",
                "-0001-01-01T00:00:00Z"
            })
    void rejectsAnUnparseableOrOutOfRangeTimestamp(String ts) {
        Rejection r =
                reject(
                        "{\"eventId\":\"e\",\"type\":\"CONTACT_ABANDONED\",\"ts\":\""
                                + ts
                                + "\",\"contactId\":\"c\"}");
        assertThat(r.kind()).isEqualTo(Rejection.Kind.BAD_TIMESTAMP);
        assertThat(r.reason()).contains("ts");
    }

    @Test
    void rejectsAPriorityOutOfRange() {
        Rejection r =
                reject(
                        "{\"eventId\":\"e\",\"type\":\"CONTACT_OFFERED\",\"ts\":\"2026-10-05T08:15:03Z\","
                                + "\"contactId\":\"c\",\"channel\":\"PHONE\",\"queue\":\"Q\",\"intent\":\"X\",\"priority\":7}");
        assertThat(r.kind()).isEqualTo(Rejection.Kind.OUT_OF_RANGE);
    }

    @Test
    void rejectsDeepNestingWithoutFailing() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        Rejection r =
                reject(
                        "{\"eventId\":\"e\",\"type\":\"CONTACT_ABANDONED\",\"ts\":\"2026-10-05T08:15:03Z\",\"contactId\":\"c\",\"x\":"
                                + deep
                                + "}");
        assertThat(r.kind()).isEqualTo(Rejection.Kind.NOT_JSON);
    }

    @Test
    void quotesLongValuesShortly() {
        String huge = "X".repeat(3_000_000);
        Rejection r =
                reject(
                        "{\"eventId\":\"e\",\"type\":\""
                                + huge
                                + "\",\"ts\":\"2026-10-05T08:15:03Z\"}");
        assertThat(r.reason().length()).isLessThan(200);
    }
}
