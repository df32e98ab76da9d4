package fr.joignable.domain.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Reads and writes interaction events in the JSON format of {@code docs/events.md}: one UTF-8 JSON
 * object per line of a file, or per Kafka record value.
 *
 * <p>Decoding never throws on bad input: it returns a {@link Decoded.Rejected} whose reason names
 * the field or value at fault. Unknown extra fields are ignored; field names are case-sensitive.
 * The codec is stateless and thread-safe.
 *
 * <p>A line in the usual form is read in one streaming pass ({@link FastDecoder}); anything else
 * (and every rejected line) goes through the complete decode over Jackson's tree, which names the
 * fault.
 */
public final class EventCodec {

    /** Earliest accepted event time (inclusive). */
    public static final Instant MIN_TS = Instant.EPOCH;

    /** Latest accepted event time (exclusive): 2200-01-01T00:00Z. */
    public static final Instant MAX_TS = Instant.parse("2200-01-01T00:00:00Z");

    /** Longest value quoted back in a rejection reason, so a huge line gives a short reason. */
    private static final int QUOTE_LIMIT = 60;

    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final JsonFactory FACTORY = MAPPER.getFactory();
    private static final EventCodec INSTANCE = new EventCodec();

    private EventCodec() {}

    public static EventCodec instance() {
        return INSTANCE;
    }

    static JsonFactory factory() {
        return FACTORY;
    }

    /** Decodes one line of text (without its line terminator). */
    public Decoded decode(String line) {
        return decode(line.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes UTF-8 bytes: a file line or a Kafka record value. */
    public Decoded decode(byte[] utf8) {
        if (utf8 == null) {
            return Decoded.rejected(Rejection.Kind.NOT_JSON, "empty value");
        }
        if (!Utf8.isValid(utf8)) {
            return Decoded.rejected(Rejection.Kind.NOT_JSON, "not JSON: invalid UTF-8");
        }
        InteractionEvent fast = FastDecoder.decode(FACTORY, utf8);
        if (fast != null) {
            return Decoded.accepted(fast);
        }
        return decodeTree(utf8);
    }

    /** The complete decode over Jackson's tree, of valid UTF-8: exact rejection reasons. */
    Decoded decodeTree(byte[] utf8) {
        JsonNode root;
        try {
            root = MAPPER.readTree(utf8);
        } catch (JsonProcessingException e) {
            return Decoded.rejected(Rejection.Kind.NOT_JSON, "not JSON: " + firstLine(e));
        } catch (IOException | RuntimeException e) {
            return Decoded.rejected(Rejection.Kind.NOT_JSON, "not JSON: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            return Decoded.rejected(Rejection.Kind.NOT_JSON, "not JSON: empty value");
        }
        if (!root.isObject()) {
            return Decoded.rejected(
                    Rejection.Kind.NOT_AN_OBJECT,
                    "not an object: a JSON " + root.getNodeType().name().toLowerCase() + " value");
        }
        try {
            return Decoded.accepted(read(new Fields(root)));
        } catch (FieldException e) {
            return new Decoded.Rejected(e.rejection);
        }
    }

    private static InteractionEvent read(Fields f) {
        String eventId = f.string("eventId");
        String typeName = f.string("type");
        EventType type = f.enumValue("type", typeName, EventType.class);
        Instant ts = f.timestamp("ts");
        return switch (type) {
            case CONTACT_OFFERED -> {
                String contactId = f.string("contactId");
                Channel channel = f.enumValue("channel", f.string("channel"), Channel.class);
                String queue = f.string("queue");
                String intent = f.string("intent");
                int priority = f.optionalPriority("priority");
                String tenantId = f.optionalString("tenantId");
                String residenceId = f.optionalString("residenceId");
                yield ContactOffered.of(
                        eventId,
                        ts,
                        contactId,
                        channel,
                        queue,
                        intent,
                        priority,
                        tenantId,
                        residenceId);
            }
            case CONTACT_ANSWERED ->
                    ContactAnswered.of(eventId, ts, f.string("contactId"), f.string("agentId"));
            case CONTACT_ABANDONED -> ContactAbandoned.of(eventId, ts, f.string("contactId"));
            case CONTACT_DIVERTED -> {
                String contactId = f.string("contactId");
                DivertReason reason = f.enumValue("reason", f.string("reason"), DivertReason.class);
                yield ContactDiverted.of(eventId, ts, contactId, reason);
            }
            case CONTACT_ENDED ->
                    ContactEnded.of(eventId, ts, f.string("contactId"), f.string("agentId"));
            case WRAPUP_ENDED ->
                    WrapupEnded.of(eventId, ts, f.string("contactId"), f.string("agentId"));
            case HANDOFF_CREATED -> {
                String contactId = f.string("contactId");
                String handoffId = f.string("handoffId");
                HandoffTarget target =
                        f.enumValue("target", f.string("target"), HandoffTarget.class);
                yield HandoffCreated.of(
                        eventId, ts, contactId, handoffId, target, f.optionalString("residenceId"));
            }
            case HANDOFF_CLOSED -> HandoffClosed.of(eventId, ts, f.string("handoffId"));
            case AGENT_STATE -> {
                String agentId = f.string("agentId");
                String team = f.string("team");
                AgentState state = f.enumValue("state", f.string("state"), AgentState.class);
                yield AgentStateChanged.of(eventId, ts, agentId, team, state);
            }
        };
    }

    /** Writes an event as one JSON object, without a line terminator. */
    public String encode(InteractionEvent event) {
        StringWriter out = new StringWriter(160);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(event, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Writes an event as UTF-8 JSON bytes, for a Kafka record value. */
    public byte[] encodeBytes(InteractionEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(160);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(event, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Formats an event time as ISO-8601 UTC with milliseconds, e.g. {@code
     * 2026-10-05T08:15:03.120Z}.
     */
    public static String formatTs(Instant ts) {
        return DateTimeFormatter.ISO_INSTANT.format(ts.truncatedTo(ChronoUnit.MILLIS));
    }

    private static void write(InteractionEvent event, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("eventId", event.eventId());
        g.writeStringField("type", event.type().name());
        g.writeStringField("ts", formatTs(event.ts()));
        if (event instanceof ContactOffered e) {
            g.writeStringField("contactId", e.contactId());
            g.writeStringField("channel", e.channel().name());
            g.writeStringField("queue", e.queue());
            g.writeStringField("intent", e.intent());
            g.writeNumberField("priority", e.priority());
            if (e.tenantId() != null) {
                g.writeStringField("tenantId", e.tenantId());
            }
            if (e.residenceId() != null) {
                g.writeStringField("residenceId", e.residenceId());
            }
        } else if (event instanceof ContactAnswered e) {
            contactAndAgent(g, e.contactId(), e.agentId());
        } else if (event instanceof ContactAbandoned e) {
            g.writeStringField("contactId", e.contactId());
        } else if (event instanceof ContactDiverted e) {
            g.writeStringField("contactId", e.contactId());
            g.writeStringField("reason", e.reason().name());
        } else if (event instanceof ContactEnded e) {
            contactAndAgent(g, e.contactId(), e.agentId());
        } else if (event instanceof WrapupEnded e) {
            contactAndAgent(g, e.contactId(), e.agentId());
        } else if (event instanceof HandoffCreated e) {
            g.writeStringField("contactId", e.contactId());
            g.writeStringField("handoffId", e.handoffId());
            g.writeStringField("target", e.target().name());
            if (e.residenceId() != null) {
                g.writeStringField("residenceId", e.residenceId());
            }
        } else if (event instanceof HandoffClosed e) {
            g.writeStringField("handoffId", e.handoffId());
        } else if (event instanceof AgentStateChanged e) {
            g.writeStringField("agentId", e.agentId());
            g.writeStringField("team", e.team());
            g.writeStringField("state", e.state().name());
        }
        g.writeEndObject();
    }

    private static void contactAndAgent(JsonGenerator g, String contactId, String agentId)
            throws IOException {
        g.writeStringField("contactId", contactId);
        g.writeStringField("agentId", agentId);
    }

    private static String firstLine(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        String first = newline < 0 ? message : message.substring(0, newline);
        return first.length() > 200 ? first.substring(0, 200) + "…" : first;
    }

    static String quote(String value) {
        String shown = value;
        if (value.length() > QUOTE_LIMIT) {
            int end = QUOTE_LIMIT;
            if (Character.isHighSurrogate(value.charAt(end - 1))) {
                end--; // never cut a surrogate pair in two
            }
            shown = value.substring(0, end) + "…";
        }
        return "'" + shown + "'";
    }

    /** Typed access to the fields of one JSON object; every fault becomes a FieldException. */
    private static final class Fields {
        private final JsonNode root;

        Fields(JsonNode root) {
            this.root = root;
        }

        String string(String name) {
            JsonNode node = root.get(name);
            if (node == null || node.isNull()) {
                throw new FieldException(
                        Rejection.Kind.MISSING_FIELD, "missing field '" + name + "'");
            }
            if (!node.isTextual()) {
                throw wrongType(name, node, "a string");
            }
            String value = node.textValue();
            if (value.isEmpty()) {
                throw new FieldException(
                        Rejection.Kind.MISSING_FIELD, "field '" + name + "' is empty");
            }
            return value;
        }

        String optionalString(String name) {
            JsonNode node = root.get(name);
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isTextual()) {
                throw wrongType(name, node, "a string or null");
            }
            return node.textValue().isEmpty() ? null : node.textValue();
        }

        int optionalPriority(String name) {
            JsonNode node = root.get(name);
            if (node == null || node.isNull()) {
                return ContactOffered.DEFAULT_PRIORITY;
            }
            if (!node.isIntegralNumber()) {
                throw wrongType(name, node, "an integer from 1 to 3");
            }
            if (!node.canConvertToInt()
                    || node.intValue() < ContactOffered.MOST_URGENT
                    || node.intValue() > ContactOffered.LEAST_URGENT) {
                throw new FieldException(
                        Rejection.Kind.OUT_OF_RANGE,
                        "field '" + name + "' must be 1 to 3, was " + node.asText());
            }
            return node.intValue();
        }

        <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
            try {
                return Enum.valueOf(type, value);
            } catch (IllegalArgumentException e) {
                throw new FieldException(
                        Rejection.Kind.UNKNOWN_VALUE, "unknown " + name + " " + quote(value));
            }
        }

        Instant timestamp(String name) {
            String text = string(name);
            Instant ts;
            try {
                ts = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeParseException | ArithmeticException e) {
                throw new FieldException(
                        Rejection.Kind.BAD_TIMESTAMP,
                        "unparseable "
                                + name
                                + " "
                                + quote(text)
                                + ": expected ISO-8601 with Z or an offset");
            }
            if (ts.isBefore(MIN_TS) || !ts.isBefore(MAX_TS)) {
                throw new FieldException(
                        Rejection.Kind.BAD_TIMESTAMP,
                        name + " " + quote(text) + " out of range [1970, 2200) UTC");
            }
            return ts;
        }

        private static FieldException wrongType(String name, JsonNode node, String expected) {
            return new FieldException(
                    Rejection.Kind.WRONG_TYPE,
                    "field '"
                            + name
                            + "' must be "
                            + expected
                            + ", was a JSON "
                            + describe(node.getNodeType()));
        }

        private static String describe(JsonNodeType type) {
            return switch (type) {
                case NUMBER -> "number";
                case BOOLEAN -> "boolean";
                case ARRAY -> "array";
                case OBJECT, POJO -> "object";
                case STRING -> "string";
                default -> type.name().toLowerCase();
            };
        }
    }

    /** Carries a rejection out of the field readers; no stack trace, it is control flow. */
    private static final class FieldException extends RuntimeException {
        private final transient Rejection rejection;

        FieldException(Rejection.Kind kind, String reason) {
            super(reason, null, false, false);
            this.rejection = Rejection.of(kind, reason);
        }
    }
}
