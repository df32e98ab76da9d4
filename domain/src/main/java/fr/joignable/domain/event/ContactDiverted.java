package fr.joignable.domain.event;

import java.time.Instant;

/**
 * The contact leaves the queue, or never enters it, without an agent and without the tenant hanging
 * up: centre closed, queue full, no agent logged in, wait limit reached, or a menu exit chosen.
 */
public record ContactDiverted(String eventId, Instant ts, String contactId, DivertReason reason)
        implements InteractionEvent {

    public ContactDiverted {
        Events.required(eventId, "eventId");
        ts = Events.millis(ts);
        Events.required(contactId, "contactId");
        if (reason == null) {
            throw new IllegalArgumentException("reason is required");
        }
    }

    public static ContactDiverted of(
            String eventId, Instant ts, String contactId, DivertReason reason) {
        return new ContactDiverted(eventId, ts, contactId, reason);
    }

    @Override
    public EventType type() {
        return EventType.CONTACT_DIVERTED;
    }

    @Override
    public String key() {
        return contactId;
    }
}
