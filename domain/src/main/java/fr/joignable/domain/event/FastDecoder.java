package fr.joignable.domain.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The codec's fast path: one streaming pass of Jackson's {@link JsonParser} over the line's tokens,
 * straight into the typed fields of the event, enums looked up in prebuilt maps and the usual
 * timestamp form ({@code 2026-03-02T08:31:07.250Z}) read by hand.
 *
 * <p>It never rejects: it returns {@code null} for anything unusual (a missing, null, empty or
 * repeated field, a value of another JSON type, an unknown enum name, another timestamp form, a
 * token after the object, malformed JSON) and {@link EventCodec} then runs its complete tree-based
 * decode, which gives the exact rejection reason or accepts the rarer forms. So an event it accepts
 * is the event the tree-based decode would build from the same bytes (the same fields read, the
 * same values), and rejection reasons do not change.
 */
final class FastDecoder {

    private static final Map<String, EventType> TYPES = names(EventType.class);
    private static final Map<String, Channel> CHANNELS = names(Channel.class);
    private static final Map<String, DivertReason> REASONS = names(DivertReason.class);
    private static final Map<String, HandoffTarget> TARGETS = names(HandoffTarget.class);
    private static final Map<String, AgentState> STATES = names(AgentState.class);

    private static final int[] DAYS_IN_MONTH = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private FastDecoder() {}

    private static <E extends Enum<E>> Map<String, E> names(Class<E> type) {
        Map<String, E> map = new HashMap<>();
        for (E e : type.getEnumConstants()) {
            map.put(e.name(), e);
        }
        return map;
    }

    /** The event, or {@code null} when the complete decode must decide. */
    static InteractionEvent decode(JsonFactory factory, byte[] utf8) {
        String eventId = null;
        String type = null;
        String ts = null;
        String contactId = null;
        String agentId = null;
        String channel = null;
        String queue = null;
        String intent = null;
        String tenantId = null;
        String residenceId = null;
        String reason = null;
        String handoffId = null;
        String target = null;
        String team = null;
        String state = null;
        int priority = ContactOffered.DEFAULT_PRIORITY;
        boolean priorityNull = false;
        int seen = 0;
        try (JsonParser p = factory.createParser(utf8)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                int bit = bit(name);
                if (bit == 0) {
                    p.skipChildren(); // an unknown field, ignored like the complete decode does
                    continue;
                }
                if ((seen & bit) != 0) {
                    return null; // repeated: the complete decode keeps the last one
                }
                seen |= bit;
                if (bit == PRIORITY) {
                    if (v == JsonToken.VALUE_NULL) {
                        priorityNull = true;
                    } else if (v == JsonToken.VALUE_NUMBER_INT
                            && p.getNumberType() == JsonParser.NumberType.INT) {
                        priority = p.getIntValue();
                    } else {
                        return null;
                    }
                    continue;
                }
                if (v == JsonToken.VALUE_NULL) {
                    continue; // absent for an optional field; the complete decode rejects others
                }
                if (v != JsonToken.VALUE_STRING) {
                    return null;
                }
                String value = p.getText();
                switch (bit) {
                    case EVENT_ID -> eventId = value;
                    case TYPE -> type = value;
                    case TS -> ts = value;
                    case CONTACT_ID -> contactId = value;
                    case AGENT_ID -> agentId = value;
                    case CHANNEL -> channel = value;
                    case QUEUE -> queue = value;
                    case INTENT -> intent = value;
                    case TENANT_ID -> tenantId = value;
                    case RESIDENCE_ID -> residenceId = value;
                    case REASON -> reason = value;
                    case HANDOFF_ID -> handoffId = value;
                    case TARGET -> target = value;
                    case TEAM -> team = value;
                    default -> state = value;
                }
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
                return null;
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        if (priorityNull) {
            priority = ContactOffered.DEFAULT_PRIORITY;
        }
        if (missing(eventId) || missing(type)) {
            return null;
        }
        EventType eventType = TYPES.get(type);
        Instant instant = missing(ts) ? null : timestamp(ts);
        if (eventType == null || instant == null) {
            return null;
        }
        switch (eventType) {
            case CONTACT_OFFERED -> {
                Channel ch = channel == null ? null : CHANNELS.get(channel);
                if (missing(contactId)
                        || ch == null
                        || missing(queue)
                        || missing(intent)
                        || priority < ContactOffered.MOST_URGENT
                        || priority > ContactOffered.LEAST_URGENT) {
                    return null;
                }
                return ContactOffered.of(
                        eventId,
                        instant,
                        contactId,
                        ch,
                        queue,
                        intent,
                        priority,
                        optional(tenantId),
                        optional(residenceId));
            }
            case CONTACT_ANSWERED -> {
                return missing(contactId) || missing(agentId)
                        ? null
                        : ContactAnswered.of(eventId, instant, contactId, agentId);
            }
            case CONTACT_ABANDONED -> {
                return missing(contactId) ? null : ContactAbandoned.of(eventId, instant, contactId);
            }
            case CONTACT_DIVERTED -> {
                DivertReason r = reason == null ? null : REASONS.get(reason);
                return missing(contactId) || r == null
                        ? null
                        : ContactDiverted.of(eventId, instant, contactId, r);
            }
            case CONTACT_ENDED -> {
                return missing(contactId) || missing(agentId)
                        ? null
                        : ContactEnded.of(eventId, instant, contactId, agentId);
            }
            case WRAPUP_ENDED -> {
                return missing(contactId) || missing(agentId)
                        ? null
                        : WrapupEnded.of(eventId, instant, contactId, agentId);
            }
            case HANDOFF_CREATED -> {
                HandoffTarget tg = target == null ? null : TARGETS.get(target);
                return missing(contactId) || missing(handoffId) || tg == null
                        ? null
                        : HandoffCreated.of(
                                eventId, instant, contactId, handoffId, tg, optional(residenceId));
            }
            case HANDOFF_CLOSED -> {
                return missing(handoffId) ? null : HandoffClosed.of(eventId, instant, handoffId);
            }
            default -> {
                AgentState s = state == null ? null : STATES.get(state);
                return missing(agentId) || missing(team) || s == null
                        ? null
                        : AgentStateChanged.of(eventId, instant, agentId, team, s);
            }
        }
    }

    private static final int EVENT_ID = 1;
    private static final int TYPE = 1 << 1;
    private static final int TS = 1 << 2;
    private static final int CONTACT_ID = 1 << 3;
    private static final int AGENT_ID = 1 << 4;
    private static final int CHANNEL = 1 << 5;
    private static final int QUEUE = 1 << 6;
    private static final int INTENT = 1 << 7;
    private static final int TENANT_ID = 1 << 8;
    private static final int RESIDENCE_ID = 1 << 9;
    private static final int REASON = 1 << 10;
    private static final int HANDOFF_ID = 1 << 11;
    private static final int TARGET = 1 << 12;
    private static final int TEAM = 1 << 13;
    private static final int STATE = 1 << 14;
    private static final int PRIORITY = 1 << 15;

    /** The bit of a field the decode reads, 0 for any other name. */
    private static int bit(String name) {
        return switch (name) {
            case "eventId" -> EVENT_ID;
            case "type" -> TYPE;
            case "ts" -> TS;
            case "contactId" -> CONTACT_ID;
            case "agentId" -> AGENT_ID;
            case "channel" -> CHANNEL;
            case "queue" -> QUEUE;
            case "intent" -> INTENT;
            case "tenantId" -> TENANT_ID;
            case "residenceId" -> RESIDENCE_ID;
            case "reason" -> REASON;
            case "handoffId" -> HANDOFF_ID;
            case "target" -> TARGET;
            case "team" -> TEAM;
            case "state" -> STATE;
            case "priority" -> PRIORITY;
            default -> 0;
        };
    }

    private static boolean missing(String value) {
        return value == null || value.isEmpty();
    }

    private static String optional(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /**
     * Reads {@code YYYY-MM-DDTHH:MM:SS[.f…]Z} (1 to 9 fraction digits, years 1970–2199, a valid
     * calendar date, hours 0–23, minutes and seconds 0–59): the form {@code
     * DateTimeFormatter.ISO_OFFSET_DATE_TIME} reads to the same instant. Any other form: {@code
     * null}.
     */
    static Instant timestamp(String s) {
        int n = s.length();
        if (n < 20
                || s.charAt(n - 1) != 'Z'
                || s.charAt(4) != '-'
                || s.charAt(7) != '-'
                || s.charAt(10) != 'T'
                || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 1970 || year > 2199 || month < 1 || month > 12 || day < 1) {
            return null;
        }
        boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        int monthDays = month == 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
        if (day > monthDays || hour < 0 || hour > 23 || minute < 0 || minute > 59) {
            return null;
        }
        if (second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (n > 20) {
            int digitsLength = n - 21;
            if (s.charAt(19) != '.' || digitsLength < 1 || digitsLength > 9) {
                return null;
            }
            int fraction = digits(s, 20, digitsLength);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int k = digitsLength; k < 9; k++) {
                nanos *= 10;
            }
        }
        long epochDay = epochDay(year, month, day);
        long seconds = epochDay * 86_400L + hour * 3600L + minute * 60L + second;
        return Instant.ofEpochSecond(seconds, nanos);
    }

    /** The non-negative number written by {@code length} ASCII digits at {@code from}, else -1. */
    private static int digits(String s, int from, int length) {
        int value = 0;
        for (int i = from; i < from + length; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant, "chrono-Compatible Low-Level
     * Date Algorithms", days_from_civil).
     */
    private static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = y / 400; // y >= 1969 here: no negative eras
        int yoe = y - era * 400;
        int mp = month > 2 ? month - 3 : month + 9;
        int doy = (153 * mp + 2) / 5 + day - 1;
        int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097L + doe - 719_468L;
    }
}
