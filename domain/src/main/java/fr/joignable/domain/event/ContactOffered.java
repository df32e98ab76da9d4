package fr.joignable.domain.event;

import java.time.Instant;
import java.util.Objects;

/**
 * A contact enters a queue: a call reaches it, an email, letter or portal request is received, a
 * chat starts.
 *
 * @param priority 1 (urgent) to 3 (low)
 * @param tenantId pseudonymous tenant key, {@code null} when the caller is not identified
 * @param residenceId the tenant's residence, or {@code null}
 */
public record ContactOffered(
        String eventId,
        Instant ts,
        String contactId,
        Channel channel,
        String queue,
        String intent,
        int priority,
        String tenantId,
        String residenceId)
        implements InteractionEvent {

    public static final int DEFAULT_PRIORITY = 2;
    public static final int MOST_URGENT = 1;
    public static final int LEAST_URGENT = 3;

    public ContactOffered {
        Events.required(eventId, "eventId");
        ts = Events.millis(ts);
        Events.required(contactId, "contactId");
        Objects.requireNonNull(channel, "channel");
        Events.required(queue, "queue");
        Events.required(intent, "intent");
        if (priority < MOST_URGENT || priority > LEAST_URGENT) {
            throw new IllegalArgumentException("priority must be 1 to 3, was " + priority);
        }
        tenantId = Events.optional(tenantId);
        residenceId = Events.optional(residenceId);
    }

    public static ContactOffered of(
            String eventId,
            Instant ts,
            String contactId,
            Channel channel,
            String queue,
            String intent,
            int priority,
            String tenantId,
            String residenceId) {
        return new ContactOffered(
                eventId, ts, contactId, channel, queue, intent, priority, tenantId, residenceId);
    }

    /** A contact with the default priority and no tenant or residence. */
    public static ContactOffered anonymous(
            String eventId,
            Instant ts,
            String contactId,
            Channel channel,
            String queue,
            String intent) {
        return new ContactOffered(
                eventId, ts, contactId, channel, queue, intent, DEFAULT_PRIORITY, null, null);
    }

    /** The same contact with its tenant key replaced (pseudonymisation). */
    public ContactOffered withTenantId(String newTenantId) {
        return new ContactOffered(
                eventId, ts, contactId, channel, queue, intent, priority, newTenantId, residenceId);
    }

    public boolean identified() {
        return tenantId != null;
    }

    @Override
    public EventType type() {
        return EventType.CONTACT_OFFERED;
    }

    @Override
    public String key() {
        return contactId;
    }
}
